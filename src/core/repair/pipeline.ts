import { OffsetMap } from './offset-map';
import type { Change, Edit, RepairKind, RepairOptions, Segment, Stage, Suggestion } from './types';

export interface RepairResult {
  text: string;
  changes: Change[];
  suggestions: Suggestion[];
  map: OffsetMap;
}

interface TrackedSegment extends Segment {
  kind: RepairKind;
  confidence: number;
}

interface PendingSuggestion {
  origStart: number;
  origEnd: number;
  after: string;
  kind: RepairKind;
  confidence: number;
}

export const DEFAULT_THRESHOLD = 0.5;

/**
 * Runs stages in order. Each stage proposes edits against the current text;
 * confident ones are applied and folded into one segment list against the
 * original, so the offset map stays exact however many stages touch a span.
 */
export function runPipeline(original: string, stages: readonly Stage[], options: RepairOptions = {}): RepairResult {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const disabled = new Set(options.disable ?? []);
  let text = original;
  let segs: TrackedSegment[] = [];
  const pending: PendingSuggestion[] = [];

  for (const stage of stages) {
    if (disabled.has(stage.kind)) continue;
    const proposed = normaliseEdits(stage.run(text, options), text);
    const apply: Edit[] = [];
    for (const e of proposed) {
      if (e.confidence >= threshold) apply.push(e);
      else {
        const map = new OffsetMap(segs);
        pending.push({
          origStart: map.toOriginal(e.start, 'start'),
          origEnd: map.toOriginal(e.end, 'end'),
          after: e.after,
          kind: e.kind,
          confidence: e.confidence,
        });
      }
    }
    if (apply.length) [text, segs] = applyEdits(text, segs, apply);
  }

  const map = new OffsetMap(segs);
  const changes: Change[] = segs.map((s) => ({
    start: s.newStart,
    end: s.newEnd,
    before: original.slice(s.origStart, s.origEnd),
    after: text.slice(s.newStart, s.newEnd),
    kind: s.kind,
    confidence: s.confidence,
  }));
  const suggestions: Suggestion[] = pending
    .map((p) => {
      const start = map.toRepaired(p.origStart, 'start');
      const end = map.toRepaired(p.origEnd, 'end');
      return { start, end, before: text.slice(start, end), after: p.after, kind: p.kind, confidence: p.confidence };
    })
    .filter((s) => s.before !== s.after)
    .sort((a, b) => a.start - b.start);
  return { text, changes, suggestions, map };
}

/** Sorts edits, drops no-ops and any edit overlapping an earlier one (stages should not emit those). */
function normaliseEdits(edits: Edit[], text: string): Edit[] {
  const sorted = edits
    .filter((e) => e.start >= 0 && e.end <= text.length && e.start <= e.end && text.slice(e.start, e.end) !== e.after)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Edit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.start < lastEnd) continue;
    // Two edits meeting at one point where either is an insertion would be ambiguous.
    if (out.length && e.start === lastEnd && (e.start === e.end || out[out.length - 1].start === lastEnd)) continue;
    out.push(e);
    lastEnd = e.end;
  }
  return out;
}

/** Closed-interval contact: an edit next to an earlier change joins it, so one word is one change. */
function touches(seg: Segment, e: Edit): boolean {
  return seg.newStart <= e.end && e.start <= seg.newEnd;
}

/**
 * Applies sorted, non-overlapping edits to `text` and merges them with the
 * segments of earlier stages. Edits that overlap an earlier segment are fused
 * with it, so each reported change maps to one original span.
 */
export function applyEdits(text: string, segs: TrackedSegment[], edits: Edit[]): [string, TrackedSegment[]] {
  // Group edits with the segments they touch.
  interface Group { edits: Edit[]; segs: TrackedSegment[]; start: number; end: number }
  const groups: Group[] = [];
  let si = 0;
  for (const e of edits) {
    while (si < segs.length && segs[si].newEnd < e.start) si++;
    const hit: TrackedSegment[] = [];
    for (let j = si; j < segs.length && segs[j].newStart <= e.end; j++) if (touches(segs[j], e)) hit.push(segs[j]);
    const last = groups[groups.length - 1];
    if (last && hit.length && last.segs.includes(hit[0])) {
      last.edits.push(e);
      for (const h of hit) if (!last.segs.includes(h)) last.segs.push(h);
      last.end = Math.max(last.end, e.end, ...hit.map((h) => h.newEnd));
    } else {
      groups.push({
        edits: [e],
        segs: hit,
        start: Math.min(e.start, ...hit.map((h) => h.newStart)),
        end: Math.max(e.end, ...hit.map((h) => h.newEnd)),
      });
    }
  }

  const used = new Set<TrackedSegment>();
  for (const g of groups) for (const s of g.segs) used.add(s);
  const oldMap = new OffsetMap(segs);

  const out: TrackedSegment[] = [];
  const pieces: string[] = [];
  let cursor = 0; // in old text
  let delta = 0; // new - old, for everything before cursor
  let gi = 0;
  const untouched = segs.filter((s) => !used.has(s));
  let ui = 0;
  const flushUntouchedBefore = (pos: number) => {
    while (ui < untouched.length && untouched[ui].newEnd <= pos) {
      const s = untouched[ui++];
      out.push({ ...s, newStart: s.newStart + delta, newEnd: s.newEnd + delta });
    }
  };
  for (; gi < groups.length; gi++) {
    const g = groups[gi];
    flushUntouchedBefore(g.start);
    pieces.push(text.slice(cursor, g.start));
    // Build the group's replacement from the old text and its edits.
    let replacement = '';
    let c = g.start;
    for (const e of g.edits) {
      replacement += text.slice(c, e.start) + e.after;
      c = e.end;
    }
    replacement += text.slice(c, g.end);
    pieces.push(replacement);
    const origStart = g.segs.length && g.segs[0].newStart === g.start ? g.segs[0].origStart : oldMap.toOriginal(g.start, 'start');
    const lastSeg = g.segs[g.segs.length - 1];
    const origEnd = lastSeg && lastSeg.newEnd === g.end ? Math.max(...g.segs.map((s) => s.origEnd)) : oldMap.toOriginal(g.end, 'end');
    const first = g.segs[0];
    out.push({
      origStart: Math.min(origStart, ...g.segs.map((s) => s.origStart)),
      origEnd: Math.max(origEnd, ...g.segs.map((s) => s.origEnd)),
      newStart: g.start + delta,
      newEnd: g.start + delta + replacement.length,
      kind: first && first.newStart <= g.edits[0].start ? first.kind : g.edits[0].kind,
      confidence: Math.min(...g.edits.map((e) => e.confidence), ...g.segs.map((s) => s.confidence)),
    });
    delta += replacement.length - (g.end - g.start);
    cursor = g.end;
  }
  pieces.push(text.slice(cursor));
  while (ui < untouched.length) {
    const s = untouched[ui++];
    out.push({ ...s, newStart: s.newStart + delta, newEnd: s.newEnd + delta });
  }
  out.sort((a, b) => a.newStart - b.newStart || a.newEnd - b.newEnd || a.origStart - b.origStart);
  return [pieces.join(''), out];
}
