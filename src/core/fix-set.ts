import { OffsetMap } from './repair/offset-map';
import type { RepairResult } from './repair/pipeline';
import type { RepairKind, Segment } from './repair/types';

/**
 * One repair the reader can see, undo or accept, in ORIGINAL-text
 * coordinates. Applied fixes make up the displayed text; suggestions and
 * undone fixes leave the original showing.
 */
export interface Fix {
  origStart: number;
  origEnd: number;
  before: string;
  after: string;
  kind: RepairKind;
  confidence: number;
  /** Only the script changed, as the reader asked (Traditional output): shown, but neither marked nor counted as a repair. */
  conversion?: boolean;
  /** See Edit.charwise in ./repair/types. */
  charwise?: boolean;
  /** 'applied' and 'accepted' show `after`; 'suggested' and 'undone' show `before`. */
  state: 'applied' | 'suggested' | 'undone' | 'accepted';
  /**
   * A reading the reader may choose instead of `after`: the guess for a character
   * whose bytes were lost in mojibake, which `after` shows as unknown (U+FFFD).
   */
  alternative?: string;
}

export function isShown(f: Fix): boolean {
  return f.state === 'applied' || f.state === 'accepted';
}

/**
 * Turns a repair result into fixes against its original text. Suggestions overlapping
 * a change are dropped, except a guess over a change that marks a character unknown,
 * which becomes that fix's `alternative`.
 */
export function fixesFromRepair(original: string, result: RepairResult): Fix[] {
  const fixes: Fix[] = result.map.segments.map((s, i) => ({
    origStart: s.origStart,
    origEnd: s.origEnd,
    before: original.slice(s.origStart, s.origEnd),
    after: result.changes[i].after,
    kind: result.changes[i].kind,
    confidence: result.changes[i].confidence,
    ...(result.changes[i].conversion ? { conversion: true } : {}),
    ...(result.changes[i].charwise ? { charwise: true } : {}),
    state: 'applied' as const,
  }));
  for (const s of result.suggestions) {
    const [os, oe] = result.map.rangeToOriginal(s.start, s.end);
    if (s.before.includes('\ufffd')) {
      const i = result.changes.findIndex((c) => c.start <= s.start && s.end <= c.end && c.after.includes('\ufffd'));
      if (i >= 0) {
        const c = result.changes[i];
        fixes[i].alternative = c.after.slice(0, s.start - c.start) + s.after + c.after.slice(s.end - c.start);
        continue;
      }
    }
    if (original.slice(os, oe) !== s.before) continue; // another stage touched it
    if (fixes.some((f) => f.origStart < oe && os < f.origEnd)) continue;
    fixes.push({ origStart: os, origEnd: oe, before: s.before, after: s.after, kind: s.kind, confidence: s.confidence, state: 'suggested' });
  }
  return fixes.sort((a, b) => a.origStart - b.origStart || a.origEnd - b.origEnd);
}

export interface Display {
  text: string;
  /** Maps between original and displayed text. */
  map: OffsetMap;
  /** Displayed range of each fix, index-aligned with the fixes given. */
  ranges: Array<{ start: number; end: number }>;
}

/** The text as shown with the given fixes, or with none when `repaired` is false. */
export function display(original: string, fixes: readonly Fix[], repaired = true): Display {
  const segments: Segment[] = [];
  const ranges: Array<{ start: number; end: number }> = [];
  const parts: string[] = [];
  let cursor = 0;
  let delta = 0;
  for (const f of fixes) {
    const show = repaired && isShown(f);
    const start = f.origStart + delta;
    const shown = show ? f.after : f.before;
    parts.push(original.slice(cursor, f.origStart), shown);
    ranges.push({ start, end: start + shown.length });
    if (show) {
      segments.push({ origStart: f.origStart, origEnd: f.origEnd, newStart: start, newEnd: start + f.after.length, ...(f.charwise ? { charwise: true } : {}) });
      delta += f.after.length - (f.origEnd - f.origStart);
    }
    cursor = f.origEnd;
  }
  parts.push(original.slice(cursor));
  return { text: parts.join(''), map: new OffsetMap(segments), ranges };
}
