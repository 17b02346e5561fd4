import { LM_DATA } from '../core/data/lm-data';
import { spunDecisionDataBundled } from '../core/repair/spun/decision-data-bundled';

/**
 * What lm.js does when injected (entrypoints/lm.ts): sets the model and the data the spun decision reads
 * with it (src/core/repair/spun/decision-data.ts) where the engine's loadLanguageModel looks for them.
 * Only lm.js imports this module, so none of it is in engine.js.
 */
export function publishLanguageModel(): void {
  globalThis.__govlensLMData = LM_DATA;
  globalThis.__govlensSpunData = spunDecisionDataBundled();
  globalThis.__govlensOnData?.('lm');
}
