/**
 * The built-in glossary as GlossaryEntry[]: hand-written entries (glossary-builtin-source.ts), imported
 * checked entries (glossary-imported.ts) and the generated Traditional spellings of both
 * (glossary-variants.ts). Heavy: only glossary.js (the data script) and Node callers import it.
 */
import type { GlossaryEntry } from '../glossary/types';
import { BUILTIN_SEEDS, type BuiltinSeed } from './glossary-builtin-source';
import { IMPORTED_SEEDS } from './glossary-imported';
import { TRADITIONAL_VARIANTS } from './glossary-variants';

/** Hand-written entries win; an imported entry of the same term fills in only the fields they lack. */
export function mergeSeeds(handWritten: readonly BuiltinSeed[], imported: readonly BuiltinSeed[]): BuiltinSeed[] {
  const byTerm = new Map(handWritten.map((s) => [s.term, { ...s }]));
  const out = [...byTerm.values()];
  for (const seed of imported) {
    const own = byTerm.get(seed.term);
    if (!own) {
      out.push(seed);
      continue;
    }
    for (const key of ['en', 'gloss', 'since', 'firstDoc', 'category'] as const) {
      if (own[key] === undefined && seed[key] !== undefined) (own as Record<string, unknown>)[key] = seed[key];
    }
  }
  return out;
}

export const ALL_SEEDS: readonly BuiltinSeed[] = mergeSeeds(BUILTIN_SEEDS, IMPORTED_SEEDS);

export const BUILTIN_GLOSSARY: readonly GlossaryEntry[] = ALL_SEEDS.map((seed) => {
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
