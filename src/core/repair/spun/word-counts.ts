/**
 * How often the dictionary's words occur in clean reports and in general Chinese: the priors of the
 * restoration decision (candidates.ts). Only a page whose spinner gate opened needs them, so they travel
 * with the language model (lm.js, 60 KB of the engine's first parse saved on every other report page);
 * Node callers get them from ../../lm/shipped.
 */
export interface SpunWordCounts {
  /** `word:count …` over the clean corpus (scripts/build-lm.ts) */
  clean: string;
  /** characters of clean text the counts are over */
  cleanChars: number;
  /** `word:count …` in general Chinese (jieba's dictionary) */
  general: string;
}

let source: (() => SpunWordCounts | undefined) | undefined;
let parsed: { clean: Map<string, number>; general: Map<string, number>; cleanChars: number } | undefined;

export function provideSpunWordCounts(next: () => SpunWordCounts | undefined): void {
  source = next;
  parsed = undefined;
}

function table(counts: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of counts.split(' ')) {
    const i = e.lastIndexOf(':');
    out.set(e.slice(0, i), Number(e.slice(i + 1)));
  }
  return out;
}

function counts() {
  if (parsed) return parsed;
  const data = source?.();
  // The engine loads lm.js before any spun repair runs; reaching this without it is a wiring fault.
  if (!data) throw new Error('GovLens: no spun word counts provided (see provideSpunWordCounts)');
  return (parsed = { clean: table(data.clean), general: table(data.general), cleanChars: data.cleanChars });
}

/** Occurrences of `w` in the clean corpus (0 when absent). */
export function cleanCount(w: string): number {
  return counts().clean.get(w) ?? 0;
}

/** How often `w` is a word in general Chinese (0 when it is not one). */
export function generalCount(w: string): number {
  return counts().general.get(w) ?? 0;
}

/** Characters of clean text behind cleanCount. */
export function cleanChars(): number {
  return counts().cleanChars;
}
