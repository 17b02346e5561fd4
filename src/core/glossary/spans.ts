/** Spans in text order, each one that overlaps an earlier (or longer one at the same start) dropped. */
export function withoutOverlaps<T extends { start: number; end: number }>(spans: T[]): T[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  for (const s of spans) if (!out.length || s.start >= out[out.length - 1].end) out.push(s);
  return out;
}
