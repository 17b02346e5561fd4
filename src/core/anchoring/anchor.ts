import search from 'approx-string-match';
import { prefixSimilarity, suffixSimilarity } from './context';
import type { Anchor, AnchorOptions, Selector, Selectors, TextPositionSelector, TextQuoteSelector } from './types';

/**
 * Re-anchoring a stored annotation in a (possibly edited) text.
 *
 * Order: the stored position if the quote is still exactly there; else every exact
 * occurrence of the quote; else approximate matches. Every candidate gets
 *   score = quoteSim · (spec + (1 − spec) · ctx)
 * where quoteSim = 1 − errors/len, ctx is prefix/suffix agreement, and spec = how much the
 * quote identifies a place on its own (long quotes do, 2–3 characters do not). For fuzzy
 * matches spec is shrunk by quoteSim⁴ so an edited quote needs its context to agree.
 * Candidates are ranked by quote and context agreement (position only breaks near-ties,
 * never decides alone); if the best and the next non-overlapping candidate cannot be told
 * apart, the annotation is left an orphan: a note on the wrong sentence is worse than none.
 */

const DEFAULT_MIN_SCORE = 0.6;
/** Quote length at which the quote alone is treated as specific. */
const SPECIFIC_LENGTH = 32;
/** Fuzzy error budget relative to quote length. */
const ERROR_RATE = 0.25;
/** Rank margin below which two candidates count as indistinguishable. */
const AMBIGUITY_MARGIN = 0.05;
/** Weight of position closeness in the rank; below the margin, so it only breaks near-ties. */
const POSITION_WEIGHT = 0.04;
/** Context agreement needed to trust a short quote found at its stored position. */
const POSITION_CONTEXT = 0.5;
/** Context agreement that lets an exact match skip the fuzzy search. */
const STRONG_CONTEXT = 0.75;
/** Limit on exact occurrences examined (one- or two-character quotes in long pages). */
const MAX_OCCURRENCES = 2000;

interface Candidate {
  start: number;
  end: number;
  errors: number;
  score: number;
  rank: number;
  ctx: number;
}

function normalize(selectors: Selectors | readonly Selector[]): Selectors {
  if (!Array.isArray(selectors)) return selectors as Selectors;
  const out: Selectors = {};
  for (const s of selectors as readonly Selector[]) {
    if (s.type === 'TextQuoteSelector') out.quote ??= s;
    else if (s.type === 'TextPositionSelector') out.position ??= s;
  }
  return out;
}

function evaluate(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector | undefined,
  start: number,
  end: number,
  errors: number,
): Candidate {
  const len = quote.exact.length;
  const quoteSim = Math.max(0, 1 - errors / len);
  const ctx = (prefixSimilarity(text, start, quote.prefix) + suffixSimilarity(text, end, quote.suffix)) / 2;
  const spec = Math.min(1, len / SPECIFIC_LENGTH) * quoteSim ** 4;
  const score = quoteSim * (spec + (1 - spec) * ctx);
  const posSim = position ? 1 - Math.min(1, Math.abs(start - position.start) / Math.max(1, text.length)) : 0.5;
  return { start, end, errors, score, ctx, rank: 2 * quoteSim + ctx + POSITION_WEIGHT * posSim };
}

/** The best candidate, or null when none passes or the best is not clearly better than the next. */
function choose(candidates: Candidate[], minScore: number): Candidate | null {
  if (candidates.length === 0) return null;
  let best = candidates[0];
  for (const c of candidates) if (c.rank > best.rank) best = c;
  if (best.score < minScore) return null;
  for (const c of candidates) {
    if (c === best) continue;
    const overlaps = c.start < best.end && best.start < c.end;
    if (!overlaps && c.rank >= best.rank - AMBIGUITY_MARGIN) return null;
  }
  return best;
}

function exactCandidates(text: string, quote: TextQuoteSelector, position?: TextPositionSelector): Candidate[] {
  const out: Candidate[] = [];
  const exact = quote.exact;
  for (let i = text.indexOf(exact); i !== -1 && out.length < MAX_OCCURRENCES; i = text.indexOf(exact, i + 1)) {
    out.push(evaluate(text, quote, position, i, i + exact.length, 0));
  }
  return out;
}

function fuzzyCandidates(text: string, quote: TextQuoteSelector, position?: TextPositionSelector): Candidate[] {
  const exact = quote.exact;
  const maxErrors = Math.floor(exact.length * ERROR_RATE);
  if (maxErrors < 1) return [];
  const found = new Map<string, Candidate>();
  const add = (offset: number, matches: { start: number; end: number; errors: number }[]) => {
    for (const m of matches) {
      const start = m.start + offset;
      const end = m.end + offset;
      const key = `${start}:${end}`;
      if (!found.has(key)) found.set(key, evaluate(text, quote, position, start, end, m.errors));
    }
  };
  // approx-string-match returns only the globally cheapest matches, so an edited quote at its
  // old place would be hidden by a cleaner copy elsewhere: search near the old position too.
  if (position) {
    const radius = Math.max(2000, exact.length * 4);
    const from = Math.max(0, position.start - radius);
    const to = Math.min(text.length, position.end + radius);
    if (to - from < text.length) {
      add(from, search(text.slice(from, to), exact, maxErrors));
      // An edited quote found near its old place with its context intact needs no whole-text
      // scan (exact copies elsewhere were already collected by the caller).
      for (const c of found.values()) if (c.ctx >= STRONG_CONTEXT) return [...found.values()];
    }
  }
  add(0, search(text, exact, maxErrors));
  return [...found.values()];
}

/** Locate the annotated range in `text`, or null (orphan). */
export function anchor(
  text: string,
  selectors: Selectors | readonly Selector[],
  options: AnchorOptions = {},
): Anchor | null {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const { quote, position } = normalize(selectors);

  if (!quote || !quote.exact) {
    // A bare position cannot be verified (and offsets from other tools index other text).
    if (position && position.start >= 0 && position.end <= text.length && position.start < position.end) {
      const score = 0.5;
      return score >= minScore ? { start: position.start, end: position.end, method: 'position', score } : null;
    }
    return null;
  }

  if (position && text.slice(position.start, position.end) === quote.exact && position.end - position.start === quote.exact.length) {
    // A short quote (a few spaces, "2%") can land on identical text by coincidence after
    // edits shift the page, so below SPECIFIC_LENGTH the context must agree as well.
    const c = quote.exact.length >= SPECIFIC_LENGTH ? null : evaluate(text, quote, position, position.start, position.end, 0);
    if (!c || c.ctx >= POSITION_CONTEXT) return { start: position.start, end: position.end, method: 'position', score: c ? c.score : 1 };
  }

  const exact = exactCandidates(text, quote, position);
  const bestExact = choose(exact, minScore);
  if (bestExact && bestExact.ctx >= STRONG_CONTEXT) {
    return { start: bestExact.start, end: bestExact.end, method: 'exact', score: bestExact.score };
  }

  const all = exact.concat(fuzzyCandidates(text, quote, position).filter((c) => c.errors > 0));
  const best = choose(all, minScore);
  if (!best) return null;
  return { start: best.start, end: best.end, method: best.errors === 0 ? 'exact' : 'fuzzy', score: best.score };
}

export interface AnchorRequest {
  id?: string;
  selectors: Selectors | readonly Selector[];
}

/**
 * Anchor many annotations in one text. Results are in request order (null = orphan).
 * Most annotations resolve by position or a single indexOf scan, so a plain loop is fast
 * enough (≈8 ms for 500 annotations on 100k characters); this is the batch entry point.
 */
export function anchorMany(text: string, requests: readonly AnchorRequest[], options: AnchorOptions = {}): (Anchor | null)[] {
  return requests.map((r) => anchor(text, r.selectors, options));
}
