import { LM_DATA } from '../core/data/lm-data';
import { GENERAL_WORD_COUNTS } from '../core/data/spun-general';
import { SPUN_CLEAN_CHARS, SPUN_WORD_COUNTS } from '../core/data/spun-signatures';

/**
 * What lm.js does when injected (entrypoints/lm.ts): sets the model and the word counts the spun decision
 * weighs with it (src/core/repair/spun/word-counts.ts) where the engine's loadLanguageModel looks for them.
 * Only lm.js imports this module, so none of it is in engine.js.
 */
export function publishLanguageModel(): void {
  globalThis.__govlensLMData = LM_DATA;
  globalThis.__govlensSpunCounts = { clean: SPUN_WORD_COUNTS, cleanChars: SPUN_CLEAN_CHARS, general: GENERAL_WORD_COUNTS };
  globalThis.__govlensOnData?.('lm');
}
