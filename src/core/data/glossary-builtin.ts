/**
 * The built-in glossary as GlossaryEntry[]: hand-written entries (glossary-builtin-source.ts)
 * plus their generated Traditional spellings (glossary-variants.ts).
 */
import type { GlossaryEntry } from '../glossary/types';
import { BUILTIN_SEEDS } from './glossary-builtin-source';
import { TRADITIONAL_VARIANTS } from './glossary-variants';

export const BUILTIN_GLOSSARY: readonly GlossaryEntry[] = BUILTIN_SEEDS.map((seed) => {
  const entry: GlossaryEntry = {
    term: seed.term,
    definition: seed.definition,
    source: 'builtin',
    variants: [...(seed.variants ?? []), ...(TRADITIONAL_VARIANTS[seed.term] ?? [])],
  };
  if (seed.en) entry.en = seed.en;
  if (seed.bare) entry.bare = true;
  if (seed.strict) entry.strict = true;
  if (seed.cues) entry.cues = seed.cues;
  if (seed.blockers) entry.blockers = seed.blockers;
  return entry;
});
