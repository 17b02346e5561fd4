export type TermSource = 'user' | 'report' | 'builtin' | 'none';

/** The groups of the built-in glossary (see src/core/data/glossary-builtin-source.ts). */
export type TermCategory = 'slogan' | 'strategy' | 'fiscal' | 'programme' | 'party' | 'concept' | 'meeting' | 'history' | 'other';

export interface GlossaryEntry {
  term: string;
  definition: string;
  /** Other spellings matched to the same entry (Traditional forms, quote variants, short forms). */
  variants?: string[];
  source: TermSource;
  /** English name, as the official English versions of the reports render it. */
  en?: string;
  /** One plain English sentence saying what it is (shown first in the English UI). */
  gloss?: string;
  /** Year of first appearance, where known. */
  since?: number;
  /** The document it first appeared in, where known (《…》（2019年）). */
  firstDoc?: string;
  category?: TermCategory;
  /**
   * Short (≤2 character) forms are ambiguous inside running Chinese text, so by default they
   * only match when quoted (“四风”) or next to one of `cues`. `bare: true` lets them match anywhere.
   */
  bare?: boolean;
  /** Longer forms that are also ordinary words ("标准地" in "标准地图"): require quotes or a cue too. */
  strict?: boolean;
  /** Words that, found within a few characters of a short or strict form, confirm it is this term. */
  cues?: string[];
  /**
   * Longer words that contain a form but mean something else ("创新发展理念" is not 新发展理念,
   * "平稳增长" is not 稳增长): a match lying inside one of them is rejected.
   */
  blockers?: string[];
}

/** A lower-priority explanation of the same key (e.g. the built-in one behind a report's own). */
export interface TermAlternative {
  definition: string;
  source: TermSource;
}

/** A slogan term found in text. `definition` is null for coined terms without an entry yet. */
export interface Term {
  /** UTF-16 offsets into the scanned text. Entry matches never include the quote marks. */
  start: number;
  end: number;
  /**
   * The matched text. For a coined term followed by a name suffix the span covers the quotes and
   * the suffix (“三争”行动); otherwise it is the term itself.
   */
  text: string;
  /** The canonical entry key this occurrence links to. */
  key: string;
  definition: string | null;
  source: TermSource;
  /** From the entry, when it has them: English name and gloss, first appearance, group. */
  en?: string;
  gloss?: string;
  since?: number;
  firstDoc?: string;
  category?: TermCategory;
  /** Other explanations of the same key from lower-priority glossaries, highest first. */
  alternatives?: TermAlternative[];
  /**
   * Known terms inside a coined name that is marked whole (培育发展未来产业三年行动 holds 未来产业): their
   * explanations stay on the name's card.
   */
  parts?: TermPart[];
}

/** A known term inside a longer coined name, with its explanation. */
export interface TermPart {
  text: string;
  definition: string;
}
