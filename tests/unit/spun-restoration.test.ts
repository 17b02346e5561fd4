import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repair } from '../../src/core/repair';
import { HELD_OUT } from '../../scripts/corpus-split';
import { restorationStats } from '../support/align';
import { spin, spinWithPairs } from '../support/spinner';

/**
 * Spun text the model never saw and the weights were never tuned on: national
 * 2019 and 2023 (scripts/corpus-split.ts HELD_OUT; build-lm.ts leaves them out,
 * spun-tune.ts tunes on 2018 and 2022 with a model built without those). Figures
 * as scripts/spun-eval.ts prints them.
 */
const read = (rel: string) => readFileSync(new URL(rel, import.meta.url), 'utf8');
const pairs = read('../fixtures/004_pairs.tsv');
const texts = HELD_OUT.map((f) => [f, read(`../../../shared/corpus/${f}`).slice(0, 20_000)] as const);

describe('spun restoration on reports not trained or tuned on', () => {
  for (const [name, gold] of texts) {
    it(`${name} spun with seed 004's own pairs: at least 97% restored`, () => {
      const input = spinWithPairs(gold, pairs);
      const s = restorationStats(input, repair(input).text, gold);
      expect(s.needed).toBeGreaterThan(2000);
      expect(s.restoreRate).toBeGreaterThanOrEqual(0.97);
      // Every occurrence of 250 originals swapped (~10% of the text): genuine uses of their
      // forms (地方, 范围) cannot all be told apart. Measured 0.38–0.48% (the issue asks 0.15%,
      // unmet; scripts/spun-eval.ts --collateral lists them); a guard against regressions.
      expect(s.collateralRate).toBeLessThan(0.006);
    });

    it(`${name} spun by the test spinner with the whole dictionary: at least 90% restored`, () => {
      const input = spin(gold, { seed: 3 });
      const s = restorationStats(input, repair(input).text, gold);
      expect(s.restoreRate).toBeGreaterThanOrEqual(0.9);
      expect(s.collateralRate).toBeLessThan(0.006); // measured 0.41–0.42%
    });
  }
});
