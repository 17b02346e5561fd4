import { describe } from '../core/anchoring';
import type { PledgeClause } from '../core/pledges/types';
import type { Term } from '../core/glossary/types';
import type { PageItems, PledgeRecord, ReportInfo, TermItem } from '../shared/messages';
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
      valueMax: f.valueMax,
      unit: f.unit,
      target: f.target,
      subject: f.subject,
      context: text.slice(Math.max(0, f.start - CONTEXT), f.end + CONTEXT),
    })),
    terms: engine.terms.map((t, index) => ({ index, ...termFields(t) })),
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
    pledgeMatches: engine.matchSavedPledges(saved.filter((s) => isEarlierPledgeOfRegion(s, report, annotator.reportId))),
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

/** A later report of the same region can report on a pledge; an earlier one cannot. */
function isEarlierPledgeOfRegion(p: PledgeRecord, report: ReportInfo | null, reportId: string | null): boolean {
  if (!report || p.reportId === reportId) return false;
  if (report.region && p.region && !sameRegion(p.region, report.region)) return false;
  const pledgeYear = p.dueYear ?? p.year;
  return pledgeYear === null || report.year === null || report.year >= pledgeYear;
}

/** 湖里区 and 厦门市湖里区 are one region: titles name it with or without its city. */
function sameRegion(a: string, b: string): boolean {
  return a === b || a.endsWith(b) || b.endsWith(a);
}

/** What the UI shows of a term: its text and explanation, and the English name, gloss and first appearance when known. */
export function termFields(t: Term): Omit<TermItem, 'index'> {
  const item: Omit<TermItem, 'index'> = { text: t.text, key: t.key, definition: t.definition, source: t.source };
  if (t.en) item.en = t.en;
  if (t.gloss) item.gloss = t.gloss;
  if (t.since) item.since = t.since;
  if (t.firstDoc) item.firstDoc = t.firstDoc;
  return item;
}
