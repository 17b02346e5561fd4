import type { Term } from '../glossary/types';
import type { Figure } from './types';

/**
 * A figure lying wholly inside a longer term is part of the slogan's name
 * (“三个代表”, “十四五”), not a quantity the report states, so it goes.
 * A term that is the figure itself (翻两番 has an entry) keeps it, so do a
 * date (2035年远景目标) and a number that ends the term; partial overlaps are
 * kept: the UI layers the two highlights.
 */
export function dropFiguresInsideTerms(figures: Figure[], terms: Term[]): Figure[] {
  if (!terms.length || !figures.length) return figures;
  const starts = terms.map((t) => t.start);
  const order = starts.map((_, i) => i).sort((a, b) => starts[a] - starts[b]);
  const sortedStarts = order.map((i) => terms[i].start);
  // reach[i]: the furthest end among the first i+1 terms by start. A figure is
  // inside some term iff a term starting at or before it reaches its end.
  const reach: number[] = [];
  for (const i of order) reach.push(Math.max(reach[reach.length - 1] ?? -1, terms[i].end));
  return figures.filter((f) => {
    const k = lastAtOrBefore(sortedStarts, f.start);
    if (!(k >= 0 && reach[k] >= f.end) || f.kind === 'date') return true;
    // Inside some term: keep it only when no term covering it is longer than the figure itself, or when it
    // ends the term: a name puts its number first (三个代表, 18亿亩耕地红线), a commitment states it last
    // (土地承包到期后再延长30年).
    return !terms.some((t) => t.start <= f.start && t.end >= f.end && t.end - t.start > f.end - f.start && t.end !== f.end);
  });
}

/** Index of the last value <= x in an ascending array, or -1. */
function lastAtOrBefore(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
