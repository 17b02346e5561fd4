import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { READINGS } from '../src/core/data/readings';

// Injected by the background into a page with inline pinyin to read (see src/core/stage-data.ts).
export default defineUnlistedScript(() => {
  globalThis.__govlensReadings = READINGS;
  globalThis.__govlensOnData?.('readings');
  // Nothing returned: executeScript would copy a returned value back to the background.
});
