import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { LM_DATA } from '../src/core/data/lm-data';

// Injected by the background when the engine finds a spun page (see src/page/language-model.ts).
export default defineUnlistedScript(() => {
  globalThis.__govlensLMData = LM_DATA;
  globalThis.__govlensOnData?.('lm');
  // Nothing returned: executeScript would copy a returned value back to the background.
});
