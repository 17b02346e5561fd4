import type { Figure } from '../core/figures/types';
import type { Term } from '../core/glossary/types';
import type { PledgeClause } from '../core/pledges/types';
import type { Fix } from '../core/fix-set';
import type { AnnotationRecord, LayerKind, SharedNote } from '../shared/messages';

/** Something marked on the page; positions index the canonical page text. */
export type Mark =
  | { type: 'fix'; layer: 'fix' | 'suggestion'; start: number; end: number; view: number; fix: number }
  | { type: 'figure'; layer: 'figure-achieved' | 'figure-target' | 'figure-date'; start: number; end: number; figure: Figure; index: number }
  | { type: 'term'; layer: 'term'; start: number; end: number; term: Term; index: number }
  | { type: 'pledge'; layer: 'pledge'; start: number; end: number; pledge: PledgeClause; index: number }
  | { type: 'annotation'; layer: 'user'; start: number; end: number; record: AnnotationRecord }
  | { type: 'shared'; layer: 'shared'; start: number; end: number; note: SharedNote };

export function figureLayer(f: Figure): Extract<LayerKind, `figure-${string}`> {
  if (f.kind === 'date') return 'figure-date';
  return f.target ? 'figure-target' : 'figure-achieved';
}

/** Marks covering a page position, most specific (shortest) first. */
export function marksAt(marks: readonly Mark[], pos: number, visible: (l: LayerKind) => boolean): Mark[] {
  return marks
    .filter((m) => m.start <= pos && pos < m.end && visible(m.layer))
    .sort((a, b) => rank(a) - rank(b) || a.end - a.start - (b.end - b.start));
}

/** User work and repairs are what the reader acts on, so they win the tooltip. */
function rank(m: Mark): number {
  return { annotation: 0, shared: 1, fix: 2, term: 3, figure: 4, pledge: 5 }[m.type];
}
