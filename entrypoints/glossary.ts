import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { BUILTIN_GLOSSARY_DATA } from '../src/core/data/glossary-builtin';

// Injected by the background when the engine on a report page asks for it (see src/page/data-scripts.ts):
// the built-in glossary stays out of detect.js and engine.js.
export default defineUnlistedScript(() => {
  globalThis.__govlensGlossary = BUILTIN_GLOSSARY_DATA;
  // Nothing returned: executeScript would copy a returned value back to the background.
});
