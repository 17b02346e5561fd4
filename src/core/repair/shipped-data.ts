// The stages' bundled tables, for Node callers (CLI, tests, scripts, bench): import for the side effect.
// The extension injects them as scripts of their own only into pages that need them (src/core/stage-data.ts).
import { BIGRAM_TIERS, BIGRAM_TIER_MIN } from '../data/charfreq-bigrams';
import { READINGS } from '../data/readings';
import { provideStageData } from '../stage-data';

provideStageData('bigrams', () => ({ tiers: BIGRAM_TIERS, min: BIGRAM_TIER_MIN }));
provideStageData('readings', () => READINGS);
