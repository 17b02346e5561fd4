/**
 * The built-in glossary comes from outside the core, like the character model: Node callers import
 * ./shipped (the bundled data); the extension injects it as the glossary scripts (glossary-1.js …, ./parts) into report pages only
 * (src/page/data-scripts.ts), so no always-injected script and not engine.js carries it.
 */
import { runSteps, Stepwise, type Steps } from '../steps';
import { compileGlossarySteps, type CompiledGlossary } from './compiled';
import type { SloganStoplists } from './numbered';
import type { GlossaryEntry } from './types';

/** What the glossary scripts (joined, ./parts) or ./shipped provide. */
export interface BuiltinGlossaryData {
  /** The entries as objects (Node), or … */
  entries?: readonly GlossaryEntry[];
  /**
   * … as JSON texts of a hundred or so entries each (the glossary scripts): string literals cost the page next to
   * nothing to evaluate, and each is parsed in a short step of its own when the glossary is compiled. In the page
   * these hold what matching reads (spellings, cues, blockers, group) and not the explanations, which arrive
   * later as `BuiltinExplanations` (the first marks need only the spellings: the explanations are four fifths of
   * the data, about 25 ms of evaluation before the first marks).
   */
  entryChunks?: readonly string[];
  /** Idioms shaped like numbered slogans, and nouns counted with N个 (see ./numbered). */
  ordinaryNumbered: readonly string[];
  countedNouns: readonly string[];
  attestedCounted: readonly string[];
}

/**
 * The explanation fields of the built-in entries, as JSON texts in the order and chunking of `entryChunks`:
 * each chunk an array of objects with some of EXPLANATION_FIELDS (glossary-text scripts).
 */
export type BuiltinExplanations = readonly string[];

/** Fields of an entry that only explain it (tooltips, the side panel), not what it matches. */
export const EXPLANATION_FIELDS = ['definition', 'en', 'gloss', 'since', 'firstDoc'] as const;

let source: (() => BuiltinGlossaryData | undefined) | undefined;
let explanations: (() => BuiltinExplanations | undefined) | undefined;
let compiled = newCompiled();
let stoplists: SloganStoplists | undefined;
let decoded: readonly GlossaryEntry[] | undefined;
/**
 * Whether the entries carry their explanations: from the start in Node (`entries`), once merged in the page;
 * 'unavailable' when the page could not have them (built-in terms then read as unexplained, null, not as loading, '').
 */
let explanationState: 'explained' | 'pending' | 'unavailable' = 'pending';

function newCompiled(): Stepwise<CompiledGlossary> {
  return new Stepwise(function* () {
    const entries = yield* decodeSteps();
    return yield* compileGlossarySteps([entries], BUILTIN_LAYER);
  });
}

/** The entries, decoded from their JSON chunks one chunk per step when that is how they came. */
function* decodeSteps(): Steps<readonly GlossaryEntry[]> {
  const data = source?.();
  if (!data) return [];
  if (data.entries) return data.entries;
  if (decoded) return decoded;
  const out: GlossaryEntry[] = [];
  for (const chunk of data.entryChunks ?? []) {
    // Until the explanations are merged in, an entry explains nothing ('' is not null: it is not a coined term).
    for (const e of JSON.parse(chunk) as GlossaryEntry[]) out.push(e.definition === undefined ? { ...e, definition: '' } : e);
    yield;
  }
  return (decoded = out);
}

/** Built-in entries rank below the reader's (0) and the report's (1). */
export const BUILTIN_LAYER = 2;

/** Where the built-in glossary comes from; replaces any earlier source (and its compiled spelling index). */
export function provideBuiltinGlossary(from: () => BuiltinGlossaryData | undefined): void {
  source = from;
  compiled = newCompiled();
  stoplists = undefined;
  decoded = undefined;
  explanationState = from()?.entries ? 'explained' : 'pending';
}

/** Where the built-in entries' explanations come from (the page's glossary-text scripts); merged by explainBuiltinInSteps. */
export function provideBuiltinExplanations(from: () => BuiltinExplanations | undefined): void {
  explanations = from;
}

/** Whether the built-in entries carry their explanations yet (a reading made before must be made again). */
export function builtinExplained(): boolean {
  return explanationState === 'explained';
}

/** Where the built-in explanations stand, for the key of a reading: it changes whenever a reading would. */
export function builtinExplanationState(): 'explained' | 'pending' | 'unavailable' {
  return explanationState;
}

/** The page could not load the explanations: a built-in term found from now on has no explanation (null) to wait for. */
export function markBuiltinExplanationsUnavailable(): void {
  if (explanationState !== 'explained') explanationState = 'unavailable';
}

/** The definition a term found with `entry` carries: null for a built-in entry whose explanation will not come. */
export function definitionOf(entry: GlossaryEntry): string | null {
  return explanationState === 'unavailable' && entry.source === 'builtin' && !entry.definition ? null : entry.definition;
}

/**
 * Merges the explanations into the decoded entries, one chunk a step: the compiled index reads them from its
 * entries when a term is found, so it stays. Does nothing without explanations, or once done.
 */
export function* explainBuiltinInSteps(): Steps<boolean> {
  if (explanationState === 'explained') return true;
  const chunks = explanations?.();
  if (!chunks) return false;
  const entries = yield* decodeSteps();
  let i = 0;
  for (const chunk of chunks) {
    for (const fields of JSON.parse(chunk) as Partial<GlossaryEntry>[]) Object.assign(entries[i++] ?? {}, fields);
    yield;
  }
  explanationState = 'explained';
  return true;
}

/** The built-in entries, or none when no source was provided (or it has nothing yet). */
export function builtinEntries(): readonly GlossaryEntry[] {
  return runSteps(decodeSteps());
}

/** The word lists for unquoted numbered slogans; null without a source (then none are looked for). */
export function sloganStoplists(): SloganStoplists | null {
  const data = source?.();
  if (!data) return null;
  return (stoplists ??= { ordinaryNumbered: new Set(data.ordinaryNumbered), countedNouns: new Set(data.countedNouns), attestedCounted: new Set(data.attestedCounted) });
}

/** The compiled built-in spelling index, built on first use and kept. */
export function builtinCompiled(): CompiledGlossary {
  return compiled.get();
}

/** Builds the built-in spelling index one short step at a time (a page runs one step per slice of a task). */
export function compileBuiltinInSteps(): Steps<CompiledGlossary> {
  return compiled.steps();
}
