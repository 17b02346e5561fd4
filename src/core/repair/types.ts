/** Kinds of repair, one per pipeline stage. */
export type RepairKind =
  | 'unicode'
  | 'entity'
  | 'mojibake'
  | 'pinyin'
  | 'traditional'
  | 'spun'
  | 'layout';

/**
 * One edit proposed by a stage, in the coordinates of that stage's input text.
 * `start === end` is an insertion; `after === ''` is a deletion.
 */
export interface Edit {
  start: number;
  end: number;
  after: string;
  kind: RepairKind;
  /** 0..1. Below the pipeline's threshold an edit becomes a suggestion and is not applied. */
  confidence: number;
  /** Only the script changes, because the reader asked for Traditional output: a conversion, not a repair. */
  conversion?: boolean;
  /**
   * Replaces character for character (a script conversion, 擴內 → 扩内): a position inside maps one to
   * one, so a mark ending inside it (114个 of 114個項目) ends there, not at the edit's end.
   */
  charwise?: boolean;
}

/** A change as reported to callers: `start`/`end` index the repaired text, `before` is original text. */
export interface Change {
  start: number;
  end: number;
  before: string;
  after: string;
  kind: RepairKind;
  confidence: number;
  /** Nothing but a script conversion the reader asked for (see Edit.conversion); absent on repairs. */
  conversion?: boolean;
  /** See Edit.charwise. */
  charwise?: boolean;
}

/**
 * A low-confidence repair that was not applied: same shape as a Change, but
 * `before` is what the repaired text still shows at [start, end).
 */
export type Suggestion = Change;

/** A region that differs between original and repaired text. */
export interface Segment {
  origStart: number;
  origEnd: number;
  newStart: number;
  newEnd: number;
  /** See Edit.charwise: both sides have the same length and correspond character by character. */
  charwise?: boolean;
}

export interface RepairOptions {
  /** Stages switched off by name. */
  disable?: RepairKind[];
  /** Edits below this confidence become suggestions. Default 0.5. */
  threshold?: number;
  /** Convert Simplified to Traditional instead (user preference). */
  toTraditional?: boolean;
  /**
   * Page-level decisions made once over the whole page, so that repairing a
   * long page chunk by chunk gives the same result as repairing it whole.
   * Unset fields are decided by each stage on the text it is given.
   */
  page?: PageContext;
}

export interface PageContext {
  /** A synonym spinner was used on this page. */
  spun?: boolean;
  /** The page is written in Traditional characters. */
  traditional?: boolean;
}

/**
 * A stage's page-level verdict, built up window by window so that a long
 * page can be analysed across several tasks. Windows end at line breaks and
 * are fed in order; the verdict is the same as over the joined text.
 */
export interface PageDetector {
  /** One-time loads (dictionaries), stepwise, before the first window. */
  prepare?(): Generator<void, unknown>;
  add(window: string): void;
  verdict(): Partial<PageContext>;
}

/** What a stage sees: its input and the options. Stages are pure functions. */
export interface Stage {
  kind: RepairKind;
  run(text: string, options: RepairOptions): Edit[];
  /** The same as run, pausing between short steps (a stage whose work on one chunk can be long); the stepwise pipeline prefers it. */
  runInSteps?(text: string, options: RepairOptions): Generator<void, Edit[]>;
  /** Stages that need a page-level decision expose a detector. */
  detector?(): PageDetector;
}
