import type { GlossaryEntry, Term } from './types';
export type { GlossaryEntry, Term, TermSource } from './types';

export interface FindTermsOptions {
  /** The user's own entries; they win over report and built-in ones. */
  user?: GlossaryEntry[];
}

// Placeholder until the glossary lands.
export function findTerms(_text: string, _options: FindTermsOptions = {}): Term[] {
  return [];
}
