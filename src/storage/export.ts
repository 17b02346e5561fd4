/**
 * Exports: Markdown (for reading), CSV (for Excel), W3C Web Annotation JSON-LD (for other
 * annotation tools) and a full JSON backup of every table (for restore via import.ts).
 * The formatters are pure functions of the records; the export* functions read the db.
 */
import { getDb, type GovLensDB } from './db';
import { guard } from './errors';
import type { AnnotationRecord, GlossaryRecord, PledgeRecord, ReportRecord, SettingRecord } from './types';
import { annotationProblem, glossaryProblem, pledgeProblem, reportProblem, settingProblem, type Problem } from './validate';

export const BACKUP_FORMAT = 'govlens-backup';
export const BACKUP_VERSION = 2;

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
  return {
    reports: partition(reports, 'reports', reportProblem, idOf, skipped),
    annotations: partition(annotations, 'annotations', annotationProblem, idOf, skipped),
  };
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

export function toMarkdown(reports: ReportRecord[], annotations: AnnotationRecord[]): string {
  const out: string[] = [];
  for (const { report, annotations: list } of groupByReport(reports, annotations)) {
    const url = report?.canonicalUrl ?? list[0].url;
    out.push(`## ${mdEscape(report?.title || url)}`, '', `<${url.replace(/>/g, '%3E')}>`, '');
    for (const a of list) {
      out.push(mdLines(a.exact, '> '));
      if (a.orphan) out.push('', '*(no longer found on the page)*');
      if (a.note) out.push('', mdLines(a.note));
      if (a.tags.length) out.push('', a.tags.map((t) => `\`#${t.replace(/`/g, "'")}\``).join(' '));
      out.push('', '---', '');
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

export function toCsv(reports: ReportRecord[], annotations: AnnotationRecord[]): string {
  const rows = [['report title', 'url', 'quote', 'note', 'tags', 'created']];
  for (const { report, annotations: list } of groupByReport(reports, annotations)) {
    for (const a of list) {
      rows.push([report?.title ?? '', a.url, a.exact, a.note, a.tags.join(', '), new Date(a.createdAt).toISOString()]);
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

/**
 * A W3C Web Annotation collection. Each target's source is the page as a
 * resource of its own (id, type, dcterms:title), so the report's title
 * travels with its highlights; readers that expect a bare IRI find it in `id`.
 */
export function toJsonLd(annotations: AnnotationRecord[], reports: ReportRecord[] = []): object {
  const titles = new Map(reports.map((r) => [r.id, r.title]));
  return {
    '@context': [ANNO_CONTEXT, { dcterms: DCTERMS }],
    type: 'AnnotationCollection',
    label: 'GovLens annotations',
    total: annotations.length,
    items: annotations.map((a) => {
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
    }),
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
export function exportFile(format: ExportFormat, scope: ExportScope = {}, db: GovLensDB = getDb()): Promise<ExportResult> {
  return guard(async () => {
    const skipped: SkippedRecord[] = [];
    if (format === 'backup') return { text: JSON.stringify(await backupOf(db, skipped)), skipped };
    const { reports, annotations } = await load(db, scope, skipped);
    const text =
      format === 'markdown' ? toMarkdown(reports, annotations) : format === 'csv' ? toCsv(reports, annotations) : JSON.stringify(toJsonLd(annotations, reports), null, 2);
    return { text, skipped };
  });
}

export async function exportMarkdown(scope: ExportScope = {}, db: GovLensDB = getDb()): Promise<string> {
  return (await exportFile('markdown', scope, db)).text;
}

export async function exportCsv(scope: ExportScope = {}, db: GovLensDB = getDb()): Promise<string> {
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
