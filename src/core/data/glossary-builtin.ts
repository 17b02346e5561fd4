/**
 * The built-in glossary as GlossaryEntry[]: hand-written entries (glossary-builtin-source.ts), imported
 * checked entries (glossary-imported.ts) and the generated Traditional spellings of both
 * (glossary-variants.ts). Heavy: only the glossary scripts (glossary-N.js, by way of wxt.config.ts) and Node callers import it.
 */
import { EXPLANATION_FIELDS, type BuiltinExplanations, type BuiltinGlossaryData } from '../glossary/builtin';
import type { GlossaryEntry } from '../glossary/types';
import { BUILTIN_SEEDS, type BuiltinSeed } from './glossary-builtin-source';
import { IMPORTED_SEEDS, IMPORTED_SUPPLEMENTS } from './glossary-imported';
import { TRADITIONAL_VARIANTS } from './glossary-variants';
import { ATTESTED_COUNTED, COUNTED_NOUNS, ORDINARY_NUMBERED } from './slogan-stoplists';

/**
 * Hand-written entries first, then the imported ones (the import already dropped any whose term or
 * spelling a hand-written entry owns); `supplements` fill in only fields a hand-written entry lacks, and
 * add checked extra spellings to it.
 */
export function mergeSeeds(handWritten: readonly BuiltinSeed[], imported: readonly BuiltinSeed[], supplements: Record<string, Partial<BuiltinSeed>> = {}): BuiltinSeed[] {
  const own = handWritten.map((seed) => {
    const extra = supplements[seed.term];
    if (!extra) return seed;
    const merged: BuiltinSeed = { ...seed };
    for (const key of ['en', 'gloss', 'since', 'firstDoc'] as const) {
      if (merged[key] === undefined && extra[key] !== undefined) (merged as unknown as Record<string, unknown>)[key] = extra[key];
    }
    // Checked extra spellings (and the blockers that keep them precise) add to the entry's own.
    if (extra.variants) merged.variants = [...(seed.variants ?? []), ...extra.variants];
    if (extra.blockers) merged.blockers = [...(seed.blockers ?? []), ...extra.blockers];
    return merged;
  });
  const taken = new Set(handWritten.map((s) => s.term));
  return [...own, ...imported.filter((s) => !taken.has(s.term))];
}

export const ALL_SEEDS: readonly BuiltinSeed[] = mergeSeeds(BUILTIN_SEEDS, IMPORTED_SEEDS, IMPORTED_SUPPLEMENTS);

/** Seeds as matcher entries, with their generated Traditional spellings. */
export function toEntries(seeds: readonly BuiltinSeed[]): GlossaryEntry[] {
  return seeds.map((seed) => {
    const entry: GlossaryEntry = {
      term: seed.term,
      definition: seed.definition,
      source: 'builtin',
      variants: [...(seed.variants ?? []), ...(TRADITIONAL_VARIANTS[seed.term] ?? [])],
    };
    for (const key of ['en', 'gloss', 'since', 'firstDoc', 'category', 'cues', 'blockers'] as const) {
      if (seed[key] !== undefined && seed[key] !== '') (entry as unknown as Record<string, unknown>)[key] = seed[key];
    }
    if (seed.bare) entry.bare = true;
    if (seed.strict) entry.strict = true;
    return entry;
  });
}

export const BUILTIN_GLOSSARY: readonly GlossaryEntry[] = toEntries(ALL_SEEDS);

/** Everything the glossary scripts carry: the entries and the word lists for unquoted numbered slogans. */
export const BUILTIN_GLOSSARY_DATA: BuiltinGlossaryData = { entries: BUILTIN_GLOSSARY, ordinaryNumbered: ORDINARY_NUMBERED, countedNouns: COUNTED_NOUNS, attestedCounted: ATTESTED_COUNTED };

/** Entries per JSON chunk of the glossary scripts: each parses in about half a millisecond, and the parts (core/glossary/parts) split evenly. */
const CHUNK = 125;

/** An entry without its explanation fields (what the page needs to match it), and those fields alone. */
function splitEntry(entry: GlossaryEntry): [Omit<GlossaryEntry, 'definition'>, Partial<GlossaryEntry>] {
  const match: Record<string, unknown> = { ...entry };
  const text: Record<string, unknown> = {};
  for (const key of EXPLANATION_FIELDS) {
    if (entry[key] !== undefined) text[key] = entry[key];
    delete match[key];
  }
  return [match as Omit<GlossaryEntry, 'definition'>, text];
}

function chunked<T>(items: readonly T[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(JSON.stringify(items.slice(i, i + CHUNK)));
  return out;
}

/**
 * The glossary scripts' form of the data (split into parts by core/glossary/parts): entries as JSON texts (see
 * BuiltinGlossaryData.entryChunks) without their explanations, which packedGlossaryExplanations carries.
 */
export function packedGlossaryData(): BuiltinGlossaryData {
  return { entryChunks: chunked(BUILTIN_GLOSSARY.map((e) => splitEntry(e)[0])), ordinaryNumbered: ORDINARY_NUMBERED, countedNouns: COUNTED_NOUNS, attestedCounted: ATTESTED_COUNTED };
}

/** The entries' explanations, chunked as packedGlossaryData's entries (the glossary-text scripts). */
export function packedGlossaryExplanations(): BuiltinExplanations {
  return chunked(BUILTIN_GLOSSARY.map((e) => splitEntry(e)[1]));
}
