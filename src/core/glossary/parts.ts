/**
 * The built-in glossary travels to a page as several data scripts, not one: a script is parsed and evaluated in
 * one task, and the whole 1.7 MB glossary.js took 60–90 ms of CPU in one task (the parse of its string literals
 * alone was about 60 ms). The entries without their explanations come first (glossary-1.js …, with the engine:
 * the first marks need them); the explanations follow once those are painted (glossary-text-1.js …). Each part
 * carries a run of JSON chunks; the first also carries the word lists. The page joins the parts once all have
 * arrived.
 */
import type { BuiltinExplanations, BuiltinGlossaryData } from './builtin';

/**
 * How many scripts carry the entries, and how many their explanations: a part of about 240 KB is a task of
 * about 12 ms on a slow machine (six parts of 300 KB made tasks of 16–19 ms).
 */
export const GLOSSARY_PARTS = 2;
export const GLOSSARY_TEXT_PARTS = 6;

/** `chunks` in `parts` runs of about equal length (a chunk goes where most of it falls), none empty while chunks last. */
export function splitChunks(chunks: readonly string[], parts: number): string[][] {
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out: string[][] = [];
  let i = 0;
  let size = 0;
  for (let p = 1; p <= parts; p++) {
    // Chunks up to the p-th share of the whole, one left for each later part.
    const target = (total * p) / parts;
    const last = p === parts ? chunks.length : chunks.length - (parts - p);
    const start = i;
    while (i < last && (i === start || size + chunks[i].length / 2 <= target)) size += chunks[i++].length;
    out.push(chunks.slice(start, i));
  }
  return out;
}

/** The data of `parts` scripts: runs of `data.entryChunks` of about equal length, the word lists in the first. */
export function splitGlossaryData(data: BuiltinGlossaryData, parts = GLOSSARY_PARTS): BuiltinGlossaryData[] {
  return splitChunks(data.entryChunks ?? [], parts).map((entryChunks, i) =>
    i === 0 ? { ...data, entries: undefined, entryChunks } : { entryChunks, ordinaryNumbered: [], countedNouns: [], attestedCounted: [] },
  );
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

/** The explanations of `parts` scripts (the inverse is a flat join). */
export function splitExplanations(chunks: BuiltinExplanations, parts = GLOSSARY_TEXT_PARTS): string[][] {
  return splitChunks(chunks, parts);
}
