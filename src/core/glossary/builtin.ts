/**
 * The built-in glossary comes from outside the core, like the character model: Node callers import
 * ./shipped (the bundled data); the extension injects it as glossary.js into report pages only
 * (src/page/data-scripts.ts), so no always-injected script and not engine.js carries it.
 */
import { Stepwise, type Steps } from '../steps';
import { compileGlossarySteps, type CompiledGlossary } from './compiled';
import type { SloganStoplists } from './numbered';
import type { GlossaryEntry } from './types';

/** What glossary.js (or ./shipped) provides. */
export interface BuiltinGlossaryData {
  entries: readonly GlossaryEntry[];
  /** Idioms shaped like numbered slogans, and nouns counted with N个 (see ./numbered). */
  ordinaryNumbered: readonly string[];
  countedNouns: readonly string[];
  attestedCounted: readonly string[];
}

let source: (() => BuiltinGlossaryData | undefined) | undefined;
let compiled = newCompiled();
let stoplists: SloganStoplists | undefined;

function newCompiled(): Stepwise<CompiledGlossary> {
  return new Stepwise(() => compileGlossarySteps([builtinEntries()], BUILTIN_LAYER));
}

/** Built-in entries rank below the reader's (0) and the report's (1). */
export const BUILTIN_LAYER = 2;

/** Where the built-in glossary comes from; replaces any earlier source (and its compiled automaton). */
export function provideBuiltinGlossary(from: () => BuiltinGlossaryData | undefined): void {
  source = from;
  compiled = newCompiled();
  stoplists = undefined;
}

/** The built-in entries, or none when no source was provided (or it has nothing yet). */
export function builtinEntries(): readonly GlossaryEntry[] {
  return source?.()?.entries ?? [];
}

/** The word lists for unquoted numbered slogans; null without a source (then none are looked for). */
export function sloganStoplists(): SloganStoplists | null {
  const data = source?.();
  if (!data) return null;
  return (stoplists ??= { ordinaryNumbered: new Set(data.ordinaryNumbered), countedNouns: new Set(data.countedNouns), attestedCounted: new Set(data.attestedCounted) });
}

/** The compiled built-in automaton, built on first use and kept. */
export function builtinCompiled(): CompiledGlossary {
  return compiled.get();
}

/** Builds the built-in automaton one short step at a time (a page runs one step per slice of a task). */
export function compileBuiltinInSteps(): Steps<CompiledGlossary> {
  return compiled.steps();
}
