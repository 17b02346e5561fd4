/** W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** UTF-16 offsets into the page's repaired main text, end exclusive. */
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

/** Both selectors we write for every highlight. Either may be missing on imported data. */
export interface Selectors {
  quote?: TextQuoteSelector;
  position?: TextPositionSelector;
}

export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

export interface Anchor {
  start: number;
  end: number;
  method: AnchorMethod;
  /** Confidence 0..1 that this is the place the annotation was made. */
  score: number;
}

export interface AnchorOptions {
  /** Candidates scoring below this are rejected; the annotation becomes an orphan. Default 0.6. */
  minScore?: number;
}
