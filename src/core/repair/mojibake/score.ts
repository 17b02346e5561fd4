import TSCharacters from 'opencc-js/dict/TSCharacters';
import { CHAR_COST_BUCKETS, CHAR_COST_MIN, CHAR_COST_STEPS, CHAR_COST_UNSEEN } from '../../data/charfreq';
import type { Steps } from '../../steps';

let costs: Map<string, number> | null = null;
let seenBmp: Uint8Array | null = null;

/** Whether a BMP code unit is a character of the frequency table (fast path for scanning clean pages). */
export function isSeenUnit(code: number): boolean {
  if (!seenBmp) {
    seenBmp = new Uint8Array(0x10000);
    for (const chars of CHAR_COST_BUCKETS) for (const c of chars) if (c.length === 1) seenBmp[c.charCodeAt(0)] = 1;
  }
  return seenBmp[code] === 1;
}

/** -log2 p(ch) in clean report text, in bits (quarter-bit steps). Unseen characters cost the most. */
export function charCost(ch: string): number {
  if (!costs) {
    costs = new Map();
    CHAR_COST_BUCKETS.forEach((chars, i) => {
      for (const c of chars) costs!.set(c, (CHAR_COST_MIN + i) / CHAR_COST_STEPS);
    });
  }
  const c = costs.get(ch);
  if (c !== undefined) return c;
  const cp = ch.codePointAt(0)!;
  // ASCII letters/digits are ordinary on report pages; control characters never are.
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return CHAR_COST_UNSEEN + 8;
  if (cp < 0x80) return 8;
  return CHAR_COST_UNSEEN;
}

/**
 * Cost for judging whether text reads as Chinese: like charCost, but a
 * Traditional character costs about what its Simplified form does, since
 * Traditional pages get mis-decoded too. (Guessing lost bytes uses the strict
 * charCost, so a guess prefers the Simplified reading.)
 */
export function readingCost(ch: string): number {
  const c = charCost(ch);
  if (c < CHAR_COST_UNSEEN) return c;
  const simplified = simplifiedForm(ch);
  return simplified ? Math.min(c, charCost(simplified) + 1) : c;
}

/** Mean reading cost per character: lower reads more like a report. */
export function meanCost(text: string): number {
  let sum = 0;
  let n = 0;
  for (const ch of text) {
    if (ch === ' ' || ch === '\n' || ch === '\t') continue;
    sum += readingCost(ch);
    n++;
  }
  return n ? sum / n : 0;
}

export const isHan = (ch: string) => /\p{Script=Han}/u.test(ch);

let tradToSimp: Map<string, string> | null = null;

/** The first Simplified form OpenCC gives for a Traditional character, if it has one. */
export function simplifiedForm(ch: string): string | undefined {
  if (!tradToSimp) {
    tradToSimp = new Map();
    for (const pair of TSCharacters.split('|')) {
      const sp = pair.indexOf(' ');
      tradToSimp.set(pair.slice(0, sp), [...pair.slice(sp + 1)][0]);
    }
  }
  return tradToSimp.get(ch);
}

/** Builds this module's tables (the cost map, the seen-character set, the Traditional→Simplified map) a step each. */
export function* loadScoreTablesInSteps(): Steps<void> {
  isSeenUnit(0);
  yield;
  charCost('一');
  yield;
  simplifiedForm('一');
  yield;
}
