/**
 * The built-in glossary travels to a page as several data scripts (glossary-1.js …), not one: a script is
 * parsed and evaluated in one task, and the whole 1.7 MB glossary.js took 60–90 ms of CPU in one task (the
 * parse of its string literals alone was about 60 ms). Each part carries a run of the JSON chunks; the first
 * also carries the word lists. The page joins the parts once all have arrived.
 */
import type { BuiltinGlossaryData } from './builtin';

/** How many scripts the glossary is split into: a part is about 230 KB, a task of about 12 ms on a slow machine (six parts of 300 KB made tasks of 16–19 ms). */
export const GLOSSARY_PARTS = 8;

/** The data of `parts` scripts: runs of `data.entryChunks` of about equal length, the word lists in the first. */
export function splitGlossaryData(data: BuiltinGlossaryData, parts = GLOSSARY_PARTS): BuiltinGlossaryData[] {
  const chunks = data.entryChunks ?? [];
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out: BuiltinGlossaryData[] = [];
  let i = 0;
  let size = 0;
  for (let p = 1; p <= parts; p++) {
    // Chunks up to the p-th share of the whole (a chunk goes where most of it falls), one left for each later part.
    const target = (total * p) / parts;
    const last = p === parts ? chunks.length : chunks.length - (parts - p);
    const start = i;
    while (i < last && (i === start || size + chunks[i].length / 2 <= target)) size += chunks[i++].length;
    const entryChunks = chunks.slice(start, i);
    out.push(p === 1 ? { ...data, entries: undefined, entryChunks } : { entryChunks, ordinaryNumbered: [], countedNouns: [], attestedCounted: [] });
  }
  return out;
}

/** The glossary data from all its parts, in order (the inverse of splitGlossaryData). */
export function joinGlossaryParts(parts: readonly BuiltinGlossaryData[]): BuiltinGlossaryData {
  const [first] = parts;
  return {
    entryChunks: parts.flatMap((p) => p.entryChunks ?? []),
    ordinaryNumbered: first.ordinaryNumbered,
    countedNouns: first.countedNouns,
    attestedCounted: first.attestedCounted,
  };
}
