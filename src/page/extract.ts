import { dropFiguresInsideTerms } from '../core/figures/inside-terms';
import { extractFigures, findSections, type Section } from '../core/figures';
import type { Figure } from '../core/figures/types';
import { builtinExplanationState, findTerms, parseReportGlossary } from '../core/glossary';
import type { GlossaryEntry, Term } from '../core/glossary/types';
import { runSteps, type Steps } from '../core/steps';

/**
 * Figures and terms are read chunk by chunk (a chunk is a few
 * thousand characters ending between blocks), each with the page-level
 * inputs: the page's sections (review or plan part), the report's own
 * glossary and the reader's. A chunk's marks depend on nothing else, so the
 * chunks in view can be read first and the rest later, in any order, with
 * the same result as reading the page top to bottom; and a chunk whose text
 * and inputs did not change is not read again. (Pledges need the whole
 * page's outline: the engine reads them over the whole page, once.)
 */
export interface PageInputs {
  sections: Section[];
  report: GlossaryEntry[];
  user: GlossaryEntry[];
  /** Changes whenever either glossary's content does (part of every chunk's cache key). */
  glossaryKey: string;
}

/** Marks of one chunk, in the chunk's own coordinates. */
export interface ChunkMarks {
  figures: Figure[];
  terms: Term[];
}

export function pageInputs(text: string, user: GlossaryEntry[]): PageInputs {
  const report = parseReportGlossary(text);
  // Readings made before the built-in explanations arrived (the first marks) are made again once they have, or failed to.
  const glossaryKey = JSON.stringify([report, user, builtinExplanationState()]);
  return { sections: findSections(text), report, user, glossaryKey };
}

function shift<T extends { start: number; end: number }>(x: T, by: number): T {
  return { ...x, start: x.start + by, end: x.end + by };
}

/**
 * The sections overlapping [start, end), relative to `start` and cut to the
 * chunk: all its reading can see of them (sectionAt), and the same however
 * the text before the chunk was repaired.
 */
function localSections(sections: Section[], start: number, end: number): Section[] {
  return sections
    .filter((s) => s.start < end && s.end > start)
    .map((s) => ({ ...s, start: Math.max(0, s.start - start), end: Math.min(end, s.end) - start }));
}

/** Reads one chunk: `text` is its canonical text, which starts at `start` in the page text the inputs were read from. */
export function readChunk(text: string, start: number, inputs: PageInputs): ChunkMarks {
  return runSteps(readChunkInSteps(text, start, inputs));
}

/** readChunk pausing between terms and figures (the first call of each builds its tables). */
export function* readChunkInSteps(text: string, start: number, inputs: PageInputs): Steps<ChunkMarks> {
  const sections = localSections(inputs.sections, start, start + text.length);
  const terms = findTerms(text, { user: inputs.user, report: inputs.report });
  yield;
  // A number inside a slogan term (十四五, 4+4+6) is the term's, not a figure (see dropFiguresInsideTerms).
  const figures = dropFiguresInsideTerms(extractFigures(text, { sections }), terms);
  return { figures, terms };
}

/** What a chunk's reading depends on: equal keys, equal marks. */
export function readingKey(text: string, start: number, inputs: PageInputs): string {
  return JSON.stringify([localSections(inputs.sections, start, start + text.length), inputs.glossaryKey]) + text;
}

/** Chunk marks placed in page coordinates. */
export function placeMarks(marks: ChunkMarks, start: number): ChunkMarks {
  return { figures: marks.figures.map((f) => shift(f, start)), terms: marks.terms.map((t) => shift(t, start)) };
}
