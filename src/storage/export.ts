/**
 * Exports: Markdown (for reading), CSV (for Excel), W3C Web Annotation JSON-LD (for other
 * annotation tools) and a full JSON backup of every table (for restore via import.ts).
 * The formatters are pure functions of the records; the export* functions read the db.
 */
import { shownStatus, STATUS_NAMES } from '../core/pledges/status';
import { getDb, type GovLensDB } from './db';
import { guard } from './errors';
import type { AnnotationRecord, GlossaryRecord, PledgeRecord, ReportRecord, SettingRecord } from './types';
import { annotationProblem, glossaryProblem, pledgeProblem, reportProblem, settingProblem, type Problem } from './validate';
import { areaPath } from '../core/pledges/area-path';

export const BACKUP_FORMAT = 'govlens-backup';
/** 3: pledges as Dexie version 3 stores them (kind, area, direction, evidence, history). Backups of 2 are upgraded on import. */
export const BACKUP_VERSION = 3;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  tables: {
    reports: ReportRecord[];
    annotations: AnnotationRecord[];
    pledges: PledgeRecord[];
    glossary: GlossaryRecord[];
    settings: SettingRecord[];
  };
}

interface ExportScope {
  /** Only this report's annotations (default: all). */
  reportId?: string;
}

/** A stored record an export left out because it cannot be written (e.g. a date no format can hold). */
export interface SkippedRecord {
  table: 'reports' | 'annotations' | 'pledges' | 'glossary' | 'settings';
  key: string;
  problem: Problem;
}

/**
 * The valid rows of a table, and the others as SkippedRecords. A record that got past the
 * checks some other way (an import by an older GovLens, a sync) must not fail a whole export.
 */
function partition<T>(rows: T[], table: SkippedRecord['table'], check: (r: unknown) => Problem | null, keyOf: (r: T) => string, skipped: SkippedRecord[]): T[] {
  return rows.filter((r) => {
    const problem = check(r);
    if (problem) skipped.push({ table, key: keyOf(r), problem });
    return !problem;
  });
}

const idOf = (r: { id?: unknown }) => String(r?.id ?? '');

async function load(db: GovLensDB, scope: ExportScope, skipped: SkippedRecord[] = []) {
  const reports = scope.reportId
    ? (await db.reports.where('id').equals(scope.reportId).toArray())
    : await db.reports.toArray();
  const annotations = scope.reportId
    ? await db.annotations.where('[reportId+createdAt]').between([scope.reportId, -Infinity], [scope.reportId, Infinity]).toArray()
    : await db.annotations.orderBy('createdAt').toArray();
  const pledges = scope.reportId ? await db.pledges.where('reportId').equals(scope.reportId).toArray() : await db.pledges.toArray();
  return {
    reports: partition(reports, 'reports', reportProblem, idOf, skipped),
    annotations: partition(annotations, 'annotations', annotationProblem, idOf, skipped),
    pledges: partition(pledges, 'pledges', pledgeProblem, idOf, skipped),
  };
}

/** Pledges grouped by report (in the order given), then by area (the heading path), in reading order. */
function groupPledges(pledges: PledgeRecord[]): Map<string, Map<string, PledgeRecord[]>> {
  const out = new Map<string, Map<string, PledgeRecord[]>>();
  const ordered = [...pledges].sort((a, b) => (a.selectors?.position?.start ?? a.createdAt) - (b.selectors?.position?.start ?? b.createdAt) || a.createdAt - b.createdAt);
  for (const p of ordered) {
    const areas = out.get(p.reportId) ?? new Map<string, PledgeRecord[]>();
    const area = areaName(p);
    areas.set(area, [...(areas.get(area) ?? []), p]);
    out.set(p.reportId, areas);
  }
  return out;
}

export function areaName(p: Pick<PledgeRecord, 'area'>): string {
  return areaPath(p.area);
}

/** A pledge's figure and direction in words: "floor 5%左右". */
function figureWords(p: PledgeRecord): string {
  return p.figure ? `${p.direction ?? 'exact'} ${p.figure.text}` : '';
}

function groupByReport(reports: ReportRecord[], annotations: AnnotationRecord[]) {
  const byId = new Map(reports.map((r) => [r.id, r]));
  const groups = new Map<string, AnnotationRecord[]>();
  for (const a of [...annotations].sort((x, y) => x.createdAt - y.createdAt)) {
    const list = groups.get(a.reportId) ?? [];
    list.push(a);
    groups.set(a.reportId, list);
  }
  return [...groups.entries()].map(([id, list]) => ({ report: byId.get(id), annotations: list }));
}

// ---------------------------------------------------------------- Markdown

/** Escape Markdown syntax and raw HTML so notes are shown literally by any renderer. */
function mdEscape(s: string): string {
  return s.replace(/([\\`*_{}[\]()#+!|<>~])/g, '\\$1');
}

/** Lines joined with Markdown hard breaks, so a multi-line note keeps its line breaks. */
function mdLines(s: string, prefix = ''): string {
  return s
    .split(/\r?\n/)
    .map((line) => prefix + mdEscape(line))
    .join('  \n');
}

export function toMarkdown(reports: ReportRecord[], annotations: AnnotationRecord[], pledges: PledgeRecord[] = [], year = new Date().getFullYear()): string {
  const out: string[] = [];
  const byId = new Map(reports.map((r) => [r.id, r]));
  const groups = groupByReport(reports, annotations);
  const pledgeGroups = groupPledges(pledges);
  // Reports with pledges but no highlights get their section too.
  for (const id of pledgeGroups.keys()) if (!groups.some((g) => g.report?.id === id || g.annotations[0]?.reportId === id)) groups.push({ report: byId.get(id), annotations: [] });
  for (const { report, annotations: list } of groups) {
    const reportId = report?.id ?? list[0]?.reportId;
    const url = report?.canonicalUrl ?? list[0]?.url ?? '';
    out.push(`## ${mdEscape(report?.title || url || 'Report')}`, '');
    if (url) out.push(`<${url.replace(/>/g, '%3E')}>`, '');
    for (const a of list) {
      out.push(mdLines(a.exact, '> '));
      if (a.orphan) out.push('', '*(no longer found on the page)*');
      if (a.note) out.push('', mdLines(a.note));
      // One code span per tag, on one line: a line break in a tag (a blank line ends the span) would let the rest be read as Markdown.
      if (a.tags.length) out.push('', a.tags.map((t) => `\`#${t.replace(/`/g, "'").replace(/\s+/g, ' ')}\``).join(' '));
      out.push('', '---', '');
    }
    const areas = reportId ? pledgeGroups.get(reportId) : undefined;
    if (!areas) continue;
    const count = [...areas.values()].reduce((n, l) => n + l.length, 0);
    out.push(`### Pledges (${count})`, '');
    for (const [area, list] of areas) {
      out.push(`#### ${mdEscape(area || 'No heading')} (${list.length})`, '');
      for (const p of list) {
        const facts = [p.kind, figureWords(p), p.dueYear ? `due ${p.dueYear}` : ''].filter(Boolean).join(', ');
        out.push(`- **${STATUS_NAMES[shownStatus(p, year)]}**: ${mdEscape(p.text)} (${mdEscape(facts)})`);
        for (const e of p.evidence) {
          const source = [e.reportTitle || e.url, e.year].filter(Boolean).join(', ');
          out.push(`  - Evidence${source ? ` (${mdEscape(String(source))})` : ''}${e.proposed ? `, GovLens proposed ${STATUS_NAMES[e.proposed]}` : ''}:`, `    ${mdLines(e.sentence, '> ').split('  \n').join('  \n    ')}`);
        }
        if (p.note) out.push(`  - Note: ${mdLines(p.note).split('  \n').join('  \n    ')}`);
      }
      out.push('');
    }
  }
  return out.join('\n');
}

// ---------------------------------------------------------------- CSV

/** RFC 4180 field; formulas neutralised so Excel shows text instead of running it. */
function csvField(s: string): string {
  let v = s;
  if (/^[=+@\t\r]/.test(v) || (/^-/.test(v) && !/^-[\d.,%\s]*$/.test(v))) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The CSV's columns, in order: the highlight's first, then what only a pledge has (`type` tells the rows apart). */
export const CSV_COLUMNS = ['reportTitle', 'url', 'quote', 'note', 'tags', 'created', 'type', 'kind', 'area', 'dueYear', 'status', 'figure', 'direction', 'evidence'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
/** Names the columns of the header row: the side panel passes the reader's language. */
export type CsvHeader = (column: CsvColumn) => string;

/** The header row in English, the default. */
export const CSV_HEADER = ['report title', 'url', 'quote', 'note', 'tags', 'created', 'type', 'kind', 'area', 'due year', 'status', 'figure', 'direction', 'evidence'];
const englishHeader: CsvHeader = (c) => CSV_HEADER[CSV_COLUMNS.indexOf(c)];

/** One row per highlight and per pledge, starting with the one byte-order mark that makes Excel read UTF-8. */
export function toCsv(reports: ReportRecord[], annotations: AnnotationRecord[], pledges: PledgeRecord[] = [], year = new Date().getFullYear(), header: CsvHeader = englishHeader): string {
  const rows: string[][] = [CSV_COLUMNS.map(header)];
  for (const { report, annotations: list } of groupByReport(reports, annotations)) {
    for (const a of list) {
      rows.push([report?.title ?? '', a.url, a.exact, a.note, a.tags.join(', '), new Date(a.createdAt).toISOString(), 'highlight', '', '', '', '', '', '', '']);
    }
  }
  const byId = new Map(reports.map((r) => [r.id, r]));
  for (const areas of groupPledges(pledges).values()) {
    for (const list of areas.values()) {
      for (const p of list) {
        const r = byId.get(p.reportId);
        const evidence = p.evidence.map((e) => `${e.reportTitle || e.url}: ${e.sentence}`).join('\n');
        rows.push([r?.title ?? '', r?.canonicalUrl ?? '', p.text, p.note, '', new Date(p.createdAt).toISOString(), 'pledge', p.kind, areaName(p), p.dueYear === null ? '' : String(p.dueYear), STATUS_NAMES[shownStatus(p, year)], p.figure?.text ?? '', p.direction ?? '', evidence]);
      }
    }
  }
  // BOM so Excel detects UTF-8; CRLF line ends per RFC 4180.
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------- W3C JSON-LD

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const ID_PREFIX = 'urn:uuid:';
/** Dublin Core, for the report's title on each annotation's source. */
export const DCTERMS = 'http://purl.org/dc/terms/';
/** GovLens's own terms (a pledge's kind, area, due year, status, evidence). A name, never fetched. */
export const GOVLENS_NS = 'urn:govlens:terms:';

/**
 * A W3C Web Annotation collection. Each target's source is the page as a
 * resource of its own (id, type, dcterms:title), so the report's title
 * travels with its highlights; readers that expect a bare IRI find it in `id`.
 */
export function toJsonLd(annotations: AnnotationRecord[], reports: ReportRecord[] = [], pledges: PledgeRecord[] = []): object {
  const titles = new Map(reports.map((r) => [r.id, r.title]));
  const urls = new Map(reports.map((r) => [r.id, r.urls[0] ?? r.canonicalUrl]));
  const items: object[] = annotations.map((a) => {
    const body: object[] = [];
    if (a.note) body.push({ type: 'TextualBody', value: a.note, format: 'text/plain', purpose: 'commenting' });
    for (const t of a.tags) body.push({ type: 'TextualBody', value: t, purpose: 'tagging' });
    return {
      id: ID_PREFIX + a.id,
      type: 'Annotation',
      motivation: a.note ? 'commenting' : 'highlighting',
      created: new Date(a.createdAt).toISOString(),
      modified: new Date(a.updatedAt).toISOString(),
      ...(body.length ? { body } : {}),
      target: {
        source: { id: a.url, type: 'Text', ...(titles.get(a.reportId) ? { 'dcterms:title': titles.get(a.reportId) } : {}) },
        ...(a.color ? { styleClass: `govlens-${a.color}` } : {}),
        selector: [
          { type: 'TextQuoteSelector', exact: a.quote.exact, prefix: a.quote.prefix ?? '', suffix: a.quote.suffix ?? '' },
          { type: 'TextPositionSelector', start: a.position.start, end: a.position.end },
        ],
      },
    };
  });
  // A saved pledge is an assessment of a passage: its status is the body, the quoted evidence describes it,
  // and the whole record travels under govlens:pledge so an import restores it.
  for (const p of pledges) {
    const body: object[] = [{ type: 'TextualBody', value: STATUS_NAMES[p.status], purpose: 'assessing' }];
    if (p.note) body.push({ type: 'TextualBody', value: p.note, format: 'text/plain', purpose: 'commenting' });
    for (const e of p.evidence) body.push({ type: 'TextualBody', value: e.sentence, purpose: 'describing', ...(e.url ? { 'dcterms:source': e.url } : {}) });
    const q = p.selectors?.quote;
    const pos = p.selectors?.position;
    const { id, reportId: _reportId, ...record } = p;
    items.push({
      id: ID_PREFIX + id,
      type: 'Annotation',
      motivation: 'assessing',
      created: new Date(p.createdAt).toISOString(),
      modified: new Date(p.updatedAt).toISOString(),
      body,
      target: {
        source: { id: urls.get(p.reportId) ?? '', type: 'Text', ...(titles.get(p.reportId) ? { 'dcterms:title': titles.get(p.reportId) } : {}) },
        selector: [
          { type: 'TextQuoteSelector', exact: q?.exact ?? p.text, prefix: q?.prefix ?? '', suffix: q?.suffix ?? '' },
          ...(pos ? [{ type: 'TextPositionSelector', start: pos.start, end: pos.end }] : []),
        ],
      },
      'govlens:pledge': record,
    });
  }
  return {
    '@context': [ANNO_CONTEXT, { dcterms: DCTERMS, govlens: GOVLENS_NS }],
    type: 'AnnotationCollection',
    label: 'GovLens annotations',
    total: items.length,
    items,
  };
}

// ---------------------------------------------------------------- db-level exports

export type ExportFormat = 'markdown' | 'csv' | 'jsonld' | 'backup';

export interface ExportResult {
  text: string;
  /** Records left out because they cannot be written; empty when all were. */
  skipped: SkippedRecord[];
}

/** One export, with the records it had to leave out (the reader is told; nothing is deleted). */
export function exportFile(format: ExportFormat, scope: ExportScope & { header?: CsvHeader } = {}, db: GovLensDB = getDb()): Promise<ExportResult> {
  return guard(async () => {
    const skipped: SkippedRecord[] = [];
    if (format === 'backup') return { text: JSON.stringify(await backupOf(db, skipped)), skipped };
    const { reports, annotations, pledges } = await load(db, scope, skipped);
    const text =
      format === 'markdown'
        ? toMarkdown(reports, annotations, pledges)
        : format === 'csv'
          ? toCsv(reports, annotations, pledges, undefined, scope.header)
          : JSON.stringify(toJsonLd(annotations, reports, pledges), null, 2);
    return { text, skipped };
  });
}

export async function exportMarkdown(scope: ExportScope = {}, db: GovLensDB = getDb()): Promise<string> {
  return (await exportFile('markdown', scope, db)).text;
}

export async function exportCsv(scope: ExportScope & { header?: CsvHeader } = {}, db: GovLensDB = getDb()): Promise<string> {
  return (await exportFile('csv', scope, db)).text;
}

export async function exportJsonLd(scope: ExportScope = {}, db: GovLensDB = getDb()): Promise<string> {
  return (await exportFile('jsonld', scope, db)).text;
}

/** Every table, read in one transaction so the snapshot is consistent; records that import would refuse are left out. */
async function backupOf(db: GovLensDB, skipped: SkippedRecord[]): Promise<Backup> {
  const tables = await db.transaction('r', [db.reports, db.annotations, db.pledges, db.glossary, db.settings], async () => ({
    reports: await db.reports.toArray(),
    annotations: await db.annotations.toArray(),
    pledges: await db.pledges.toArray(),
    glossary: await db.glossary.toArray(),
    settings: await db.settings.toArray(),
  }));
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    tables: {
      reports: partition(tables.reports, 'reports', reportProblem, idOf, skipped),
      annotations: partition(tables.annotations, 'annotations', annotationProblem, idOf, skipped),
      pledges: partition(tables.pledges, 'pledges', pledgeProblem, idOf, skipped),
      glossary: partition(tables.glossary, 'glossary', glossaryProblem, (g) => g.term, skipped),
      settings: partition(tables.settings, 'settings', settingProblem, (s) => s.key, skipped),
    },
  };
}

export function exportBackup(db: GovLensDB = getDb()): Promise<Backup> {
  return guard(() => backupOf(db, []));
}

export async function exportBackupJson(db: GovLensDB = getDb()): Promise<string> {
  return (await exportFile('backup', {}, db)).text;
}
