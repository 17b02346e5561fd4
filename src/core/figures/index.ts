// Figures: quantity expressions in report text (amounts, percents, counts, ranks, ratios, dates).
// See README.md in this folder for what counts as a figure and what does not.
import type { Figure } from './types';
import { scanFigures } from './scan';
import { findSections } from './sections';
import { Boundaries, changeBefore, isTarget, subjectOf } from './context';
import { qualifierBefore } from './scan';
import type { Section } from './sections';

export interface ExtractOptions {
  /**
   * Sections of the text (review, plan, notes). Pass them when extracting a
   * slice of a longer page, shifted to the slice, so a figure far below its
   * heading still knows whether it is a target.
   */
  sections?: Section[];
}

export type { Figure, FigureKind } from './types';
export { describeFigure } from './describe';
export { findSections, sectionAt, type Section, type SectionMode } from './sections';

/** Find every quantity expression in (repaired, Simplified) text, in document order. */
export function extractFigures(text: string, options: ExtractOptions = {}): Figure[] {
  const raw = scanFigures(text);
  const sections = options.sections ?? findSections(text);
  const bounds = new Boundaries(text);
  const out: Figure[] = [];
  let prev: Figure | undefined;
  for (const r of raw) {
    const f: Figure = { ...r, target: false };
    if (f.kind !== 'date') {
      if (!f.qualifier) {
        const q = qualifierBefore(text, f.start);
        if (q) f.qualifier = q;
      }
      if (f.kind !== 'rank') {
        const c = changeBefore(text, f.start);
        if (c) f.change = c;
      }
      f.target = isTarget(text, f, { sections, bounds });
      const subject = subjectOf(text, f, prev && prev.kind !== 'date' ? prev : undefined, bounds);
      if (subject) f.subject = subject;
    }
    out.push(f);
    prev = f;
  }
  return out;
}
