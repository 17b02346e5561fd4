import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { publishLanguageModel } from '../src/page/language-model-script';

// Injected by the background when the engine finds a spun page (see src/page/data-scripts.ts).
export default defineUnlistedScript(() => {
  publishLanguageModel();
  // Nothing returned: executeScript would copy a returned value back to the background.
});
