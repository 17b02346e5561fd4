// The spun decision's data from the generated tables. Imported only by lm.js (src/page/language-model-script.ts)
// and by Node callers (../../lm/shipped): never by engine.js.
import { GENERAL_WORD_COUNTS } from '../../data/spun-general';
import { SPUN_CHARS, SPUN_WORDS } from '../../data/spun-dict';
import { SPUN_CLEAN_CHARS, SPUN_WEAK_SIGNATURES, SPUN_WORD_COUNTS } from '../../data/spun-signatures';
import type { SpunDecisionData } from './decision-data';

export function spunDecisionDataBundled(): SpunDecisionData {
  return {
    words: SPUN_WORDS,
    chars: SPUN_CHARS,
    weakSignatures: SPUN_WEAK_SIGNATURES,
    clean: SPUN_WORD_COUNTS,
    cleanChars: SPUN_CLEAN_CHARS,
    general: GENERAL_WORD_COUNTS,
  };
}
