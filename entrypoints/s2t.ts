import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';

// Injected by the background when the reader asks for Traditional output (see src/page/data-scripts.ts).
export default defineUnlistedScript(() => {
  globalThis.__govlensS2T = { phrases: STPhrases, characters: STCharacters };
  globalThis.__govlensOnData?.('s2t');
  // Nothing returned: executeScript would copy a returned value back to the background.
});
