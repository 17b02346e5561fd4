/** What the detector sees: a lightly normalised sample of the page, never the DOM. */
export interface PageSample {
  url: string;
  title: string;
  /** h1–h3 text and other prominent headings. */
  headings: string[];
  /** Up to a few thousand characters of body text. */
  text: string;
}

/** Kinds of damage the detector's normalisation noticed in the sample. */
export type DamageKind = 'mojibake' | 'pinyin' | 'spacing' | 'traditional' | 'spun';

export interface Detection {
  isReport: boolean;
  /** 0..1 */
  score: number;
  /** Names of the signals that fired, for the popup and for debugging. */
  signals: string[];
  /** Damage seen while normalising the sample (a hint for the repair pipeline, not a verdict). */
  damage?: DamageKind[];
}
