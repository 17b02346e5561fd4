export type TermSource = 'user' | 'report' | 'builtin' | 'none';

export interface GlossaryEntry {
  term: string;
  definition: string;
  /** Other spellings matched to the same entry (Traditional forms, quote variants, short forms). */
  variants?: string[];
  source: TermSource;
}

/** A slogan term found in text. `definition` is null for coined terms without an entry yet. */
export interface Term {
  start: number;
  end: number;
  text: string;
  /** The canonical entry key this occurrence links to. */
  key: string;
  definition: string | null;
  source: TermSource;
}
