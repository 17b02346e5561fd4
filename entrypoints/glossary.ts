import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import data from 'virtual:govlens-glossary';

// Injected by the background when the engine on a report page asks for it (see src/page/data-scripts.ts):
// the built-in glossary stays out of detect.js and engine.js. Its entries are JSON texts (wxt.config.ts),
// parsed a chunk at a time when the engine compiles them.
export default defineUnlistedScript(() => {
  globalThis.__govlensGlossary = data;
  // Nothing returned: executeScript would copy a returned value back to the background.
});
