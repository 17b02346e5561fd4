import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { BIGRAM_TIERS, BIGRAM_TIER_MIN } from '../src/core/data/charfreq-bigrams';

// Injected by the background into a page whose text the mojibake stage repairs (see src/core/stage-data.ts).
export default defineUnlistedScript(() => {
  globalThis.__govlensBigrams = { tiers: BIGRAM_TIERS, min: BIGRAM_TIER_MIN };
  globalThis.__govlensOnData?.('bigrams');
  // Nothing returned: executeScript would copy a returned value back to the background.
});
