// The bundled model data and the spun decision's word counts that travel with it (see
// ../repair/spun/word-counts.ts), for Node callers (CLI, tests, scripts, bench): import for the side effect.
import { LM_DATA } from '../data/lm-data';
import { GENERAL_WORD_COUNTS } from '../data/spun-general';
import { SPUN_CLEAN_CHARS, SPUN_WORD_COUNTS } from '../data/spun-signatures';
import { provideSpunWordCounts } from '../repair/spun/word-counts';
import { provideLMData } from './index';

provideLMData(() => LM_DATA);
provideSpunWordCounts(() => ({ clean: SPUN_WORD_COUNTS, cleanChars: SPUN_CLEAN_CHARS, general: GENERAL_WORD_COUNTS }));
