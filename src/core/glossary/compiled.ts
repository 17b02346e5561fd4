import { SpellingIndex, foldString } from './spelling-index';
import { needsNumericCheck } from './boundaries';
import type { Steps } from '../steps';
import type { GlossaryEntry, TermAlternative } from './types';

/** One matchable spelling, owned by the highest-priority entry that lists it. */
export interface CompiledForm {
  form: string;
  entry: GlossaryEntry;
  /** Lower index = higher priority (user 0, report 1, built-in 2). */
  layer: number;
  /**
   * Entries of the same spelling behind this one, each with the entry it must differ from to count: read when a
   * term is found (alternativesOf), so an entry's explanation merged in later (the page's built-in glossary)
   * needs no new compile.
   */
  alternatives: AlternativeSource[];
  /** The spelling starts or ends with a number, letter or operator, so its neighbours must be checked. */
  numericEdge: boolean;
}

export interface AlternativeSource {
  entry: GlossaryEntry;
  /** Its explanation is an alternative only where it differs from this entry's. */
  against: GlossaryEntry;
}

/** Explanations of the same spelling from lower-priority entries, as a term found with `form` shows them. */
export function alternativesOf(form: CompiledForm): TermAlternative[] {
  const out: TermAlternative[] = [];
  for (const { entry, against } of form.alternatives) {
    if (entry.definition && entry.definition !== against.definition) out.push({ definition: entry.definition, source: entry.source });
  }
  return out;
}

export interface CompiledGlossary {
  index: SpellingIndex;
  forms: CompiledForm[];
  /** Folded spelling -> its form, to find what a higher layer shadows. */
  byForm: Map<string, CompiledForm>;
}

/** Quote characters are never part of a form: quoted occurrences are matched on their content. */
const QUOTE_CHARS = /[“”"「」『』‘’'＂〝〞﹁﹂﹃﹄]/g;

export function formsOf(entry: GlossaryEntry): string[] {
  const out: string[] = [];
  for (const raw of [entry.term, ...(entry.variants ?? [])]) {
    const form = raw.replace(QUOTE_CHARS, '').trim();
    // Reports write a listed slogan with and without its enumeration commas: 获得感、幸福感、安全感 / 获得感幸福感安全感.
    for (const f of [form, form.replace(/、/g, '')]) if (f && !out.includes(f)) out.push(f);
  }
  return out;
}

/** Entries read between pauses when compiling stepwise. */
const ENTRIES_PER_STEP = 150;
/** Spellings added to the index between pauses. */
const FORMS_PER_STEP = 1500;

/**
 * Builds one spelling index over every form of every entry, stepwise (see src/core/steps.ts). `layers` are given
 * highest priority first, numbered from `firstLayer`; when two entries share a spelling, the first one owns
 * it and the others become alternatives. `below` is an already compiled lower-priority glossary (the
 * built-in one): a spelling it also has gets its explanation as an alternative, and both indexes are
 * scanned, the higher layer winning on equal spans.
 */
export function* compileGlossarySteps(layers: readonly (readonly GlossaryEntry[])[], firstLayer = 0, below?: CompiledGlossary): Steps<CompiledGlossary> {
  const byForm = new Map<string, CompiledForm>();
  const forms: CompiledForm[] = [];
  let n = 0;
  for (const [i, entries] of layers.entries()) {
    for (const entry of entries) {
      if (++n % ENTRIES_PER_STEP === 0) yield;
      for (const form of formsOf(entry)) {
        const key = foldString(form);
        const existing = byForm.get(key);
        if (existing) {
          if (existing.entry !== entry) existing.alternatives.push({ entry, against: existing.entry });
          continue;
        }
        const compiled: CompiledForm = { form, entry, layer: firstLayer + i, alternatives: [], numericEdge: needsNumericCheck(form) };
        const shadowed = below?.byForm.get(key);
        if (shadowed) compiled.alternatives.push({ entry: shadowed.entry, against: entry }, ...shadowed.alternatives);
        byForm.set(key, compiled);
        forms.push(compiled);
      }
    }
  }
  const index = new SpellingIndex();
  for (let i = 0; i < forms.length; i++) {
    if (i % FORMS_PER_STEP === FORMS_PER_STEP - 1) yield;
    index.add(forms[i].form, i);
  }
  yield* index.buildInSteps();
  return { index, forms, byForm };
}
