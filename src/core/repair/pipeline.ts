import { runSteps, type Steps } from '../steps';
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
  /** Made only of script conversions: fused with any other edit, it is a repair. */
  conversion?: boolean;
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
  return runSteps(runPipelineInSteps(original, stages, options));
}

/** runPipeline pausing after each stage, for a caller that yields to the page between them (see src/core/steps.ts). */
export function* runPipelineInSteps(original: string, stages: readonly Stage[], options: RepairOptions = {}): Steps<RepairResult> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const disabled = new Set(options.disable ?? []);
  let text = original;
  let segs: TrackedSegment[] = [];
  const pending: PendingSuggestion[] = [];

  for (const stage of stages) {
    if (disabled.has(stage.kind)) continue;
    const proposed = stage.runInSteps ? yield* stage.runInSteps(text, options) : stage.run(text, options);
    // Applied edits and suggestions are normalised apart: a suggestion may cover the
    // same span as an applied edit (a lost character shown as unknown, and its guess).
    const apply = normaliseEdits(proposed.filter((e) => e.confidence >= threshold), text);
    const map = new OffsetMap(segs);
    for (const e of normaliseEdits(proposed.filter((e) => e.confidence < threshold), text)) {
      pending.push({
        origStart: map.toOriginal(e.start, 'start'),
        origEnd: map.toOriginal(e.end, 'end'),
        after: e.after,
        kind: e.kind,
        confidence: e.confidence,
      });
    }
    if (apply.length) [text, segs] = applyEdits(text, segs, apply);
    yield;
  }

  const map = new OffsetMap(segs);
  const changes: Change[] = segs.map((s) => ({
    start: s.newStart,
    end: s.newEnd,
    before: original.slice(s.origStart, s.origEnd),
    after: text.slice(s.newStart, s.newEnd),
    kind: s.kind,
    confidence: s.confidence,
    ...(s.conversion ? { conversion: true } : {}),
    ...(s.charwise ? { charwise: true } : {}),
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
  // Group edits with the segments they touch. Both lists are sorted, so a
  // group's segments are a contiguous index range [lo, hi] (hi < lo: none).
  interface Group { e0: number; e1: number; lo: number; hi: number; start: number; end: number }
  const groups: Group[] = [];
  let si = 0;
  for (let ei = 0; ei < edits.length; ei++) {
    const e = edits[ei];
    while (si < segs.length && segs[si].newEnd < e.start) si++;
    let lo = -1;
    let hi = -2;
    for (let j = si; j < segs.length && segs[j].newStart <= e.end; j++) {
      if (!touches(segs[j], e)) continue;
      if (lo < 0) lo = j;
      hi = j;
    }
    const last = groups[groups.length - 1];
    if (last && lo >= 0 && last.hi >= lo) {
      last.e1 = ei;
      last.hi = Math.max(last.hi, hi);
      last.end = Math.max(last.end, e.end, segs[last.hi].newEnd);
    } else {
      groups.push({
        e0: ei,
        e1: ei,
        lo: lo < 0 ? 0 : lo,
        hi,
        start: lo < 0 ? e.start : Math.min(e.start, segs[lo].newStart),
        end: lo < 0 ? e.end : Math.max(e.end, segs[hi].newEnd),
      });
    }
  }

  const oldMap = new OffsetMap(segs);
  const out: TrackedSegment[] = [];
  const pieces: string[] = [];
  let cursor = 0; // in old text
  let delta = 0; // new - old, for everything before cursor
  let next = 0; // next segment not yet emitted or fused
  const flushBefore = (limit: number) => {
    for (; next < limit; next++) {
      const s = segs[next];
      out.push({ ...s, newStart: s.newStart + delta, newEnd: s.newEnd + delta });
    }
  };
  for (const g of groups) {
    const fused = g.hi >= g.lo;
    flushBefore(fused ? g.lo : lowerBound(segs, next, g.start));
    pieces.push(text.slice(cursor, g.start));
    // Build the group's replacement from the old text and its edits.
    let replacement = '';
    let c = g.start;
    let confidence = 1;
    let conversion = true;
    let charwise = true;
    for (let ei = g.e0; ei <= g.e1; ei++) {
      const e = edits[ei];
      replacement += text.slice(c, e.start) + e.after;
      c = e.end;
      if (e.confidence < confidence) confidence = e.confidence;
      conversion &&= e.conversion === true;
      charwise &&= e.charwise === true;
    }
    replacement += text.slice(c, g.end);
    pieces.push(replacement);
    let origStart = fused && segs[g.lo].newStart === g.start ? segs[g.lo].origStart : oldMap.toOriginal(g.start, 'start');
    let origEnd = fused && segs[g.hi].newEnd === g.end ? segs[g.hi].origEnd : oldMap.toOriginal(g.end, 'end');
    let kind = edits[g.e0].kind;
    if (fused) {
      for (let j = g.lo; j <= g.hi; j++) {
        const sj = segs[j];
        if (sj.origStart < origStart) origStart = sj.origStart;
        if (sj.origEnd > origEnd) origEnd = sj.origEnd;
        if (sj.confidence < confidence) confidence = sj.confidence;
        conversion &&= sj.conversion === true;
        charwise &&= sj.charwise === true;
      }
      // The earliest damage names the change (擴(kuò) is Traditional+pinyin, reported as the first stage's kind).
      if (segs[g.lo].newStart <= edits[g.e0].start) kind = segs[g.lo].kind;
      next = g.hi + 1;
    }
    // Character for character only while every part was, and the whole kept its length on both sides.
    charwise &&= replacement.length === g.end - g.start && origEnd - origStart === replacement.length;
    out.push({ origStart, origEnd, newStart: g.start + delta, newEnd: g.start + delta + replacement.length, kind, confidence, ...(conversion ? { conversion } : {}), ...(charwise ? { charwise } : {}) });
    delta += replacement.length - (g.end - g.start);
    cursor = g.end;
  }
  pieces.push(text.slice(cursor));
  flushBefore(segs.length);
  out.sort((a, b) => a.newStart - b.newStart || a.newEnd - b.newEnd || a.origStart - b.origStart);
  return [pieces.join(''), out];
}

/** First index >= from whose segment ends after `pos` (segments before it lie wholly before pos). */
function lowerBound(segs: readonly Segment[], from: number, pos: number): number {
  let i = from;
  while (i < segs.length && segs[i].newEnd <= pos) i++;
  return i;
}
