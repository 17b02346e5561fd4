import { repair, type Change, type RepairOptions, type Suggestion } from './repair/index';
import { detectReport, sampleFromText } from './detect/index';
import { extractFigures, type Figure } from './figures/index';
import { findTerms, type GlossaryEntry, type Term } from './glossary/index';
import { extractPledgesInSteps, type Pledge } from './pledges/index';
import { runSteps } from './steps';
import { dropFiguresInsideTerms } from './figures/inside-terms';

export interface AnnotateOptions {
  url?: string;
  title?: string;
  /** The user's own glossary entries; they win over report and built-in ones. */
  userGlossary?: GlossaryEntry[];
  repair?: RepairOptions;
}

/** Everything GovLens knows about one text. All offsets index `text`, the repaired text. */
export interface Annotation {
  isReport: boolean;
  score: number;
  /** Names of the detection signals that fired. */
  signals: string[];
  text: string;
  changes: Change[];
  suggestions: Suggestion[];
  figures: Figure[];
  terms: Term[];
  pledges: Pledge[];
}

/**
 * Repairs the input, then detects and extracts on the repaired text, so every
 * offset the caller gets points into one string. Pure: no I/O.
 */
export function annotate(input: string, options: AnnotateOptions = {}): Annotation {
  const repaired = repair(input, options.repair ?? {});
  const text = repaired.text;
  const detection = detectReport(sampleFromText(text, options.url, options.title));
  const terms = findTerms(text, { user: options.userGlossary });
  // Figures are needed by pledge detection even when a term swallows them
  // (a pledge clause can still be anchored on a slogan's number).
  const allFigures = extractFigures(text);
  const pledges = runSteps(extractPledgesInSteps(text, { figures: allFigures }));
  return {
    isReport: detection.isReport,
    score: detection.score,
    signals: detection.signals,
    text,
    changes: repaired.changes,
    suggestions: repaired.suggestions,
    figures: dropFiguresInsideTerms(allFigures, terms),
    terms,
    pledges,
  };
}

