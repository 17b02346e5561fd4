import type { Edit } from '../types';

/**
 * Joins a deletion with an edit it touches. The offset map cannot tell apart
 * an empty repaired span and a change that starts at the same repaired
 * position, so a stage never emits a deletion abutting another edit.
 * Expects edits sorted and non-overlapping.
 */
export function joinTouchingDeletions(edits: Edit[]): Edit[] {
  const out: Edit[] = [];
  for (const e of edits) {
    const last = out[out.length - 1];
    if (last && last.end === e.start && (last.after === '' || e.after === '')) {
      last.end = e.end;
      last.after += e.after;
      last.confidence = Math.min(last.confidence, e.confidence);
      continue;
    }
    out.push({ ...e });
  }
  return out;
}
