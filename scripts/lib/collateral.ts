/**
 * Which of a repair's changes were collateral damage: edits of text the input
 * already had right (aligned with gold). For work on the spun decision: shows
 * what kind of clean word the repair rewrites, and how often.
 */
import type { Change } from '../../src/core/repair';
import { diffPairs } from '../../tests/support/align';

export interface CollateralEdit {
  before: string;
  after: string;
  /** input text around the edit, with the edit in brackets */
  context: string;
  confidence: number;
}

const codes = (s: string) => Uint16Array.from(s, (c) => c.charCodeAt(0));

/** Changes (in repaired-text coordinates, as repair() reports them) that touch only characters the input had right. */
export function collateralEdits(input: string, gold: string, changes: readonly Change[]): CollateralEdit[] {
  const right = rightChars(input, gold);
  const out: CollateralEdit[] = [];
  let delta = 0; // repaired minus input length before the current change
  for (const c of [...changes].sort((a, b) => a.start - b.start)) {
    const s = c.start - delta;
    const e = s + c.before.length;
    delta += c.after.length - c.before.length;
    if (c.kind !== 'spun' || e === s) continue;
    let allRight = true;
    for (let i = s; i < e; i++) if (!right[i]) allRight = false;
    if (!allRight) continue;
    const context = `${input.slice(Math.max(0, s - 6), s)}[${c.before}→${c.after}]${input.slice(e, e + 6)}`.replace(/\n/g, '⏎');
    out.push({ before: c.before, after: c.after, context, confidence: c.confidence });
  }
  return out;
}

/** For each input character, whether it is aligned with gold (line by line: spinners keep line breaks). */
function rightChars(input: string, gold: string): Uint8Array {
  const right = new Uint8Array(input.length);
  const il = input.split('\n');
  const gl = gold.split('\n');
  if (il.length !== gl.length) throw new Error('input and gold differ in line count');
  let at = 0;
  il.forEach((line, k) => {
    for (const [i] of diffPairs(codes(line), codes(gl[k]))) right[at + i] = 1;
    at += line.length + 1;
  });
  return right;
}

/** Collateral edits grouped by before→after, most frequent first, one line each with an example. */
export function collateralTable(edits: readonly CollateralEdit[], top = 40): string {
  const groups = new Map<string, CollateralEdit[]>();
  for (const e of edits) {
    const k = `${e.before}→${e.after}`;
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  return [...groups]
    .sort((a, b) => b[1].length - a[1].length)
    .slice(0, top)
    .map(([k, es]) => `  ${String(es.length).padStart(3)}  ${k.padEnd(12)} conf ${es[0].confidence.toFixed(2)}  ${es[0].context}`)
    .join('\n');
}
