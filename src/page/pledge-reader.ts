import type { buildOutlineInSteps, extractPledgesInSteps, readLaterReport } from '../core/pledges';

/**
 * What the engine reads pledges with. It comes in pledges.js, a data script of its own the background injects
 * with the engine (entrypoints/pledges.ts): a first paint needs none of it, and the pledge code (83 KB, model
 * weights included) parsed as part of engine.js lengthened the one long task of its first evaluation.
 */
export interface PledgeReader {
  buildOutlineInSteps: typeof buildOutlineInSteps;
  extractPledgesInSteps: typeof extractPledgesInSteps;
  readLaterReport: typeof readLaterReport;
}

declare global {
  /** Set by pledges.js in the extension's isolated world, which engine.js shares. */
  var __govlensPledges: PledgeReader | undefined;
}
