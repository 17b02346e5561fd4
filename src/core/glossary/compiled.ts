import { AhoCorasick, fold } from './aho-corasick';
import type { GlossaryEntry, TermAlternative } from './types';

/** One matchable spelling, owned by the highest-priority entry that lists it. */
export interface CompiledForm {
  form: string;
  entry: GlossaryEntry;
  /** Lower index = higher priority (user 0, report 1, built-in 2). */
  layer: number;
  /** Explanations of the same spelling from lower-priority entries. */
  alternatives: TermAlternative[];
}

export interface CompiledGlossary {
  automaton: AhoCorasick;
  forms: CompiledForm[];
}

function foldString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(fold(s.charCodeAt(i)));
  return out;
}

/** Quote characters are never part of a form: quoted occurrences are matched on their content. */
const QUOTE_CHARS = /[“”"「」『』‘’'＂〝〞﹁﹂﹃﹄]/g;

export function formsOf(entry: GlossaryEntry): string[] {
  const out: string[] = [];
  for (const raw of [entry.term, ...(entry.variants ?? [])]) {
    const form = raw.replace(QUOTE_CHARS, '').trim();
    if (form && !out.includes(form)) out.push(form);
  }
  return out;
}

/**
 * Builds one automaton over every form of every entry. `layers` are given highest priority first;
 * when two entries share a spelling, the first one owns it and the others become alternatives.
 */
export function compileGlossary(layers: readonly (readonly GlossaryEntry[])[]): CompiledGlossary {
  const byForm = new Map<string, CompiledForm>();
  const forms: CompiledForm[] = [];
  layers.forEach((entries, layer) => {
    for (const entry of entries) {
      for (const form of formsOf(entry)) {
        const key = foldString(form);
        const existing = byForm.get(key);
        if (existing) {
          if (existing.entry !== entry && existing.entry.definition !== entry.definition && entry.definition) {
            existing.alternatives.push({ definition: entry.definition, source: entry.source });
          }
          continue;
        }
        const compiled: CompiledForm = { form, entry, layer, alternatives: [] };
        byForm.set(key, compiled);
        forms.push(compiled);
      }
    }
  });
  const automaton = new AhoCorasick();
  forms.forEach((f, i) => automaton.add(f.form, i));
  automaton.build();
  return { automaton, forms };
}
