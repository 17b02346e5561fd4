import { requireStageData } from '../../stage-data';
import { runSteps, type Steps } from '../../steps';
import { charCost, readingCost, simplifiedForm } from './score';
import type { DecodedChar } from './utf8-holes';

let pairs: Map<string, number> | null = null;

/** Pairs added to the table per step (the whole table, ~50,000 pairs, at once is a long task). */
const PAIRS_PER_STEP = 5_000;

/** Builds the pair table (src/core/data/charfreq-bigrams.ts, injected on the page as bigrams.js) in short steps. */
export function* loadPairTableInSteps(): Steps<void> {
  if (pairs) return;
  const { tiers, min } = requireStageData<{ tiers: readonly string[]; min: number }>('bigrams');
  const table = new Map<string, number>();
  let n = 0;
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i];
    for (let k = 0; k + 1 < tier.length; k += 2) {
      table.set(tier.slice(k, k + 2), min + i);
      if (++n % PAIRS_PER_STEP === 0) yield;
    }
  }
  pairs = table;
}

/** log2 of how often the pair occurs in clean report text (0 when rare or unseen). Digits fold to "0". */
export function pairWeight(a: string, b: string): number {
  if (!pairs) runSteps(loadPairTableInSteps());
  return pairs!.get(fold(a) + fold(b)) ?? 0;
}

/** Digits count as "0"; a Traditional character counts as its Simplified form (the table is from Simplified text). */
const fold = (ch: string) => (ch >= '0' && ch <= '9' ? '0' : simplifiedForm(ch) ?? ch);

/** How much a known pair outweighs a character's own frequency (tuned on round trips of clean text). */
const PAIR_WEIGHT = 2;

/**
 * Re-picks each guessed character using its neighbours: the candidate
 * minimising its own cost less the weight of the pairs it forms with the
 * characters before and after (`before`/`after`: text just outside the run).
 * `traditional`: the surrounding text is Traditional Chinese.
 */
export function resolveGuesses(decoded: DecodedChar[], before: string, after: string, traditional = false): void {
  // On Traditional text a Traditional candidate is as likely as its Simplified form, and a Simplified-only one unlikely.
  const cost = traditional ? (c: string) => (simplifiedForm(c) ? readingCost(c) - 0.5 : charCost(c) + 1) : charCost;
  for (let i = 0; i < decoded.length; i++) {
    const d = decoded[i];
    if (!d.candidates || d.candidates.length < 2) continue;
    const left = i > 0 ? decoded[i - 1].text : before;
    const right = i + 1 < decoded.length ? decoded[i + 1].text : after;
    let best = d.text;
    let bestScore = Infinity;
    for (const c of d.candidates) {
      const score = cost(c) - PAIR_WEIGHT * ((left ? pairWeight(left, c) : 0) + (right ? pairWeight(c, right) : 0));
      if (score < bestScore) {
        bestScore = score;
        best = c;
      }
    }
    d.text = best;
  }
}
