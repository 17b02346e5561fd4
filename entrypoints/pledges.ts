import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { buildOutlineInSteps, extractPledgesInSteps, readLaterReport } from '../src/core/pledges';

// Injected with the engine on report pages (see src/page/pledge-reader.ts): pledge extraction, out of engine.js.
export default defineUnlistedScript(() => {
  globalThis.__govlensPledges = { buildOutlineInSteps, extractPledgesInSteps, readLaterReport };
  globalThis.__govlensOnData?.('pledges');
  // Nothing returned: executeScript would copy a returned value back to the background.
});
