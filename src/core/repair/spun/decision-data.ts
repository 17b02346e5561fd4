import { runSteps, type Steps } from '../../steps';

/**
 * What the restoration decision reads once the spinner gate has opened: the spinner dictionary (the
 * match index and the candidates come from it), the weak signatures (its priors), and how often its words
 * occur in clean reports and in general Chinese. The gate itself needs only the strong signatures
 * (gate.ts), so all this (about 110 KB) travels with the language model in lm.js, out of engine.js, which
 * every report page parses. Node callers get it from ../../lm/shipped.
 */
export interface SpunDecisionData {
  /** `original=form1/form2 …`: word swaps, as the spinner applies them */
  words: string;
  /** the same for single characters */
  chars: string;
  /** spun forms absent from clean reports that are words of general Chinese, space-separated */
  weakSignatures: string;
  /** `word:count …` over the clean corpus (scripts/build-lm.ts) */
  clean: string;
  /** characters of clean text the counts are over */
  cleanChars: number;
  /** `word:count …` in general Chinese (jieba's dictionary) */
  general: string;
}

let source: (() => SpunDecisionData | undefined) | undefined;
let counts: { clean: Map<string, number>; general: Map<string, number> } | undefined;

export function provideSpunDecisionData(next: () => SpunDecisionData | undefined): void {
  source = next;
  counts = undefined;
}

/** The data; the engine loads lm.js before any spun repair runs, so reaching this without it is a wiring fault. */
export function spunDecisionData(): SpunDecisionData {
  const data = source?.();
  if (!data) throw new Error('GovLens: no spun decision data provided (see provideSpunDecisionData)');
  return data;
}

function table(list: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of list.split(' ')) {
    const i = e.lastIndexOf(':');
    out.set(e.slice(0, i), Number(e.slice(i + 1)));
  }
  return out;
}

function tables() {
  if (!counts) runSteps(loadSpunCountsInSteps());
  return counts!;
}

/** Parses the count tables, one a step: a spun page's warm-up does it, before its first decision (see ../index.ts warmUp). */
export function* loadSpunCountsInSteps(): Steps<void> {
  if (counts) return;
  const data = spunDecisionData();
  const clean = table(data.clean);
  yield;
  counts = { clean, general: table(data.general) };
  yield;
}

/** Occurrences of `w` in the clean corpus (0 when absent). */
export function cleanCount(w: string): number {
  return tables().clean.get(w) ?? 0;
}

/** How often `w` is a word in general Chinese (0 when it is not one). */
export function generalCount(w: string): number {
  return tables().general.get(w) ?? 0;
}

/** Characters of clean text behind cleanCount. */
export function cleanChars(): number {
  return spunDecisionData().cleanChars;
}
