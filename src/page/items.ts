import { describe } from '../core/anchoring';
import type { PledgeClause } from '../core/pledges/types';
import type { PageItems, PledgeRecord, ReportInfo } from '../shared/messages';
import type { NewPledge } from '../storage/repo';
import type { Annotator } from './annotator';
import type { Engine } from './engine';

const CONTEXT = 24;

/** What the side panel lists for this page. */
export function pageItems(engine: Engine, annotator: Annotator, report: ReportInfo | null, saved: PledgeRecord[]): PageItems {
  const text = engine.page.text;
  return {
    report,
    figures: engine.figures.map((f, index) => ({
      index,
      text: f.text,
      kind: f.kind,
      value: f.value,
      unit: f.unit,
      target: f.target,
      subject: f.subject,
      context: text.slice(Math.max(0, f.start - CONTEXT), f.end + CONTEXT),
    })),
    terms: engine.terms.map((t, index) => ({ index, text: t.text, key: t.key, definition: t.definition, source: t.source })),
    glossary: engine.reportGlossary,
    pledges: engine.pledges.map((p, index) => ({
      index,
      text: p.text,
      dueYear: p.dueYear,
      figure: p.figure && { text: p.figure.text, value: p.figure.value, unit: p.figure.unit },
      savedId: saved.find((s) => s.text === p.text && s.reportId === annotator.reportId)?.id,
    })),
    annotations: annotator.records.filter((r) => annotator.anchored.has(r.id)),
    orphans: annotator.orphans,
    // The side panel asks for matches with the earlier pledges it chose (page:match-pledges): the page never reads the library.
    pledgeMatches: [],
    reportId: annotator.reportId,
  };
}

export function pledgeRecord(engine: Engine, clause: PledgeClause, report: ReportInfo, reportId: string): NewPledge {
  const { quote, position } = describe(engine.page.text, clause.start, clause.end);
  return {
    reportId,
    text: clause.text,
    region: report.region,
    year: report.year,
    dueYear: clause.dueYear ?? report.year,
    figure: clause.figure && clause.figure.value !== null ? { text: clause.figure.text, value: clause.figure.value, unit: clause.figure.unit, kind: clause.figure.kind } : null,
    status: 'pending',
    note: '',
    selectors: { quote, position },
  };
}
