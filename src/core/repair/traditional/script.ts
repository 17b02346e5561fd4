import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import { Trie, type ConverterFunction } from 'opencc-js/core';
import { runSteps, Stepwise, type Steps } from '../../steps';
import { foldChars, parseCharTable, type CharTable } from '../../traditional-chars';
import { TRADITIONAL_ONLY, VARIANT_PAIRS } from '../../data/traditional-tables';

let tradOnly: Set<string> | null = null;

/**
 * Characters that only occur in Traditional text: sources of OpenCC's
 * Traditional→Simplified character table that are not also a Simplified form
 * (so 後, 於, 個 count; 乾 and 著, which Simplified also uses, mostly do not),
 * and Hong Kong/Taiwan variant forms the table does not know. Computed at
 * build time (scripts/build-traditional-tables.ts).
 */
export function traditionalOnly(): Set<string> {
  return (tradOnly ??= new Set(TRADITIONAL_ONLY));
}

/** Dictionary entries added to a trie per step: a few ms (the t→cn tables, 4,000 entries, took 11–20 ms at once). */
const ENTRIES_PER_STEP = 500;

/** Adds "from to" entries joined by "|" to a trie, ENTRIES_PER_STEP a step. */
function* addEntries(trie: Trie, dict: string): Steps<void> {
  const entries = dict.split('|');
  for (let i = 0; i < entries.length; i++) {
    const [from, to] = entries[i].split(' ');
    if (from && to !== undefined) trie.addWord(from, to);
    if (i % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
  }
}

/**
 * OpenCC Traditional→Simplified (mainland): what ConverterFactory([variants],
 * [[TSPhrases, TSCharacters]]) builds, HK/TW variant forms folded first, then
 * the t→cn characters and the phrases over them; built in steps.
 */
const toSimplified = new Stepwise(function* () {
  const variants = new Trie();
  yield* addEntries(variants, VARIANT_PAIRS);
  const trie = new Trie();
  for (const dict of [TSCharacters, TSPhrases]) yield* addEntries(trie, dict);
  return (text: string) => trie.convert(variants.convert(text));
});

/** Builds the Traditional→Simplified converter in short steps (see src/core/steps.ts). */
export function loadTraditionalToSimplifiedInSteps(): Steps<unknown> {
  return toSimplified.steps();
}

/** Traditional→Simplified with OpenCC's t→cn tables (built on first use if no one built it in steps). */
export function traditionalToSimplified(text: string): string {
  return toSimplified.get()(text);
}

/** The character table of traditionalCharsToSimplified, parsed in steps. */
const charTable = new Stepwise<CharTable>(function* () {
  yield;
  return parseCharTable(TSCharacters);
});

/** Parses the one-to-one character table in a step of its own. */
export function loadCharTableInSteps(): Steps<unknown> {
  return charTable.steps();
}

/** Traditional→Simplified character by character: the same length as `text`, offsets carry over (see traditional-chars.ts). */
export function traditionalCharsToSimplified(text: string): string {
  return foldChars(text, charTable.get());
}

let toTraditionalFn: ConverterFunction | null = null;
let toTraditionalLoading: Promise<void> | null = null;

/** OpenCC's Simplified→Traditional tables, as the dictionary strings opencc-js ships. */
export interface SimplifiedToTraditionalTables {
  phrases: string;
  characters: string;
}

let tablesSource: (() => Promise<SimplifiedToTraditionalTables>) | undefined;

/**
 * Where the Simplified→Traditional tables (~1 MB) come from. Node callers
 * import ./s2t-tables, which loads them from opencc-js; the extension injects
 * them as a script of their own only when the reader asks for Traditional
 * output (src/page/data-scripts.ts).
 */
export function provideSimplifiedToTraditional(source: () => Promise<SimplifiedToTraditionalTables>): void {
  tablesSource = source;
  toTraditionalLoading = null;
}

/**
 * Loads the Simplified→Traditional tables and builds the converter; call it
 * when the Traditional preference is on. Building takes tens of ms, so it is
 * done in steps (see src/core/steps.ts): `run` lets a page yield between them.
 */
export function loadSimplifiedToTraditional(run: (steps: Steps<void>) => Promise<void> | void = runSteps): Promise<void> {
  if (!tablesSource) return Promise.reject(new Error('GovLens: no Simplified→Traditional tables provided'));
  toTraditionalLoading ??= tablesSource().then((tables) => run(buildSimplifiedToTraditional(tables)));
  return toTraditionalLoading;
}

/**
 * What ConverterFactory([[phrases, characters]]) builds, one trie, in steps.
 * As in opencc-js, the characters go in first and the phrases over them.
 */
function* buildSimplifiedToTraditional({ phrases, characters }: SimplifiedToTraditionalTables): Steps<void> {
  const trie = new Trie();
  for (const dict of [characters, phrases]) yield* addEntries(trie, dict);
  toTraditionalFn = (text) => trie.convert(text);
}

/** Simplified→Traditional, or null while the dictionaries are still loading (the load is started). */
export function simplifiedToTraditional(text: string): string | null {
  if (toTraditionalFn) return toTraditionalFn(text);
  loadSimplifiedToTraditional().catch(() => {
    toTraditionalLoading = null;
  });
  return null;
}
