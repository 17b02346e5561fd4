import type { Segment } from './types';

/**
 * Exact mapping between original and repaired text, built from the sorted,
 * non-overlapping segments that differ. Outside a segment both texts are
 * identical, so a position maps by the running length difference.
 */
export class OffsetMap {
  constructor(readonly segments: readonly Segment[]) {}

  /** Repaired offset → original offset. Inside a changed segment, `bias` picks its start or end. */
  toOriginal(pos: number, bias: 'start' | 'end' = 'start'): number {
    return mapThrough(this.segments, pos, 'newStart', 'newEnd', 'origStart', 'origEnd', bias);
  }

  /** Original offset → repaired offset. */
  toRepaired(pos: number, bias: 'start' | 'end' = 'start'): number {
    return mapThrough(this.segments, pos, 'origStart', 'origEnd', 'newStart', 'newEnd', bias);
  }

  /** Maps a range, widening it to cover any segment it touches partly. */
  rangeToOriginal(start: number, end: number): [number, number] {
    const s = this.toOriginal(start, 'start');
    return [s, Math.max(s, this.toOriginal(end, 'end'))];
  }

  rangeToRepaired(start: number, end: number): [number, number] {
    const s = this.toRepaired(start, 'start');
    return [s, Math.max(s, this.toRepaired(end, 'end'))];
  }

  static identity(): OffsetMap {
    return new OffsetMap([]);
  }
}

type Key = 'origStart' | 'origEnd' | 'newStart' | 'newEnd';

function mapThrough(
  segs: readonly Segment[],
  pos: number,
  fromStart: Key,
  fromEnd: Key,
  toStart: Key,
  toEnd: Key,
  bias: 'start' | 'end',
): number {
  // Binary search for the last segment whose from-start is <= pos.
  let lo = 0;
  let hi = segs.length - 1;
  let idx = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid][fromStart] <= pos) {
      idx = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (idx < 0) return pos;
  const s = segs[idx];
  if (pos === s[fromStart] && s[fromStart] === s[fromEnd]) {
    // Empty on this side (a pure insertion or deletion): a range start skips
    // past the other side's text, a range end stops before it.
    if (bias === 'start') return s[toEnd];
    // Several empty segments may sit at one position: stop before the first.
    let first = idx;
    while (first > 0 && segs[first - 1][fromStart] === pos && segs[first - 1][fromEnd] === pos) first--;
    return segs[first][toStart];
  }
  if (pos >= s[fromEnd]) {
    // Past this segment: shift by its end-to-end difference.
    return pos - s[fromEnd] + s[toEnd];
  }
  // Strictly inside (or at the start of a non-empty) changed segment.
  if (pos === s[fromStart]) return s[toStart];
  if (s.charwise) return s[toStart] + (pos - s[fromStart]); // character for character: exact inside too
  return bias === 'start' ? s[toStart] : s[toEnd];
}
