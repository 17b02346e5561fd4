import { describe } from '../core/anchoring';
import type { Pledge } from '../core/pledges/types';
import type { Term } from '../core/glossary/types';
import type { PageItems, PledgeRecord, ReportInfo, TermItem } from '../shared/messages';
import type { NewPledge } from '../storage/repo';
import type { Annotator } from './annotator';
import type { Engine } from './engine';

const CONTEXT = 24;

/** What the side panel lists for this page. `saved` are this report's saved pledges. */
export function pageItems(engine: Engine, annotator: Annotator, report: ReportInfo | null, saved: PledgeRecord[]): PageItems {
  const text = engine.page.text;
  const savedByText = new Map(saved.filter((s) => s.reportId === annotator.reportId).map((s) => [s.text, s]));
  const later = engine.outline && engine.pledgeReader ? engine.pledgeReader.readLaterReport(text, engine.figures, engine.outline) : null;
  return {
    report,
    reportId: annotator.reportId,
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
    pledges: engine.pledges.map((p, index) => {
      const s = savedByText.get(p.text);
      return {
        index,
        text: p.text,
        kind: p.kind,
        area: p.area,
        dueYear: p.dueYear,
        direction: p.direction,
        figure: p.figure && { text: p.figure.text, value: p.figure.value, unit: p.figure.unit, kind: p.figure.kind },
        savedId: s?.id,
        status: s?.status,
      };
    }),
    annotations: annotator.records.filter((r) => annotator.anchored.has(r.id)),
    orphans: annotator.orphans,
    later: later && later.sentences.length ? later : null,
  };
}

export function pledgeRecord(engine: Engine, pledge: Pledge, report: ReportInfo, reportId: string): NewPledge {
  const { quote, position } = describe(engine.page.text, pledge.start, pledge.end);
  return {
    reportId,
    text: pledge.text,
    region: report.region,
    year: report.year,
    dueYear: pledge.dueYear ?? report.year,
    kind: pledge.kind,
    area: pledge.area,
    figure: pledge.figure && pledge.figure.value !== null ? { text: pledge.figure.text, value: pledge.figure.value, unit: pledge.figure.unit, kind: pledge.figure.kind } : null,
    direction: pledge.direction ?? null,
    status: 'pending',
    note: '',
    selectors: { quote, position },
  };
}

/** What the UI shows of a term: its text and explanation, and the English name, gloss and first appearance when known. */
export function termFields(t: Term): Omit<TermItem, 'index'> {
  const item: Omit<TermItem, 'index'> = { text: t.text, key: t.key, definition: t.definition, source: t.source };
  if (t.en) item.en = t.en;
  if (t.gloss) item.gloss = t.gloss;
  if (t.since) item.since = t.since;
  if (t.firstDoc) item.firstDoc = t.firstDoc;
  if (t.parts) item.parts = t.parts;
  return item;
}
