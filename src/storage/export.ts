/**
 * Exports: Markdown (for reading), CSV (for Excel), W3C Web Annotation JSON-LD (for other
 * annotation tools) and a full JSON backup of every table (for restore via import.ts).
 * The formatters are pure functions of the records; the export* functions read the db.
 */
import { getDb, type GovLensDB } from './db';
import { guard } from './errors';
import type { AnnotationRecord, GlossaryRecord, PledgeRecord, ReportRecord, SettingRecord } from './types';

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

async function load(db: GovLensDB, scope: ExportScope) {
  const reports = scope.reportId
    ? (await db.reports.where('id').equals(scope.reportId).toArray())
    : await db.reports.toArray();
  const annotations = scope.reportId
    ? await db.annotations.where('[reportId+createdAt]').between([scope.reportId, -Infinity], [scope.reportId, Infinity]).toArray()
    : await db.annotations.orderBy('createdAt').toArray();
  return { reports, annotations };
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

/** The CSV's columns, in order; their header row is in the reader's language (see CsvHeader). */
export const CSV_COLUMNS = ['reportTitle', 'url', 'quote', 'note', 'tags', 'created'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvHeader = (column: CsvColumn) => string;

const ENGLISH_HEADER: Record<CsvColumn, string> = { reportTitle: 'report title', url: 'url', quote: 'quote', note: 'note', tags: 'tags', created: 'created' };

/**
 * One row per highlight, starting with the one byte-order mark that makes
 * Excel read UTF-8. `header` names the columns (the side panel passes the
 * reader's language; English by default).
 */
export function toCsv(reports: ReportRecord[], annotations: AnnotationRecord[], header: CsvHeader = (c) => ENGLISH_HEADER[c]): string {
  const rows: string[][] = [CSV_COLUMNS.map(header)];
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

export function exportMarkdown(scope: ExportScope = {}, db: GovLensDB = getDb()): Promise<string> {
  return guard(async () => {
    const { reports, annotations } = await load(db, scope);
    return toMarkdown(reports, annotations);
  });
}

export function exportCsv(scope: ExportScope & { header?: CsvHeader } = {}, db: GovLensDB = getDb()): Promise<string> {
  return guard(async () => {
    const { reports, annotations } = await load(db, scope);
    return toCsv(reports, annotations, scope.header);
  });
}

export function exportJsonLd(scope: ExportScope = {}, db: GovLensDB = getDb()): Promise<string> {
  return guard(async () => {
    const { reports, annotations } = await load(db, scope);
    return JSON.stringify(toJsonLd(annotations, reports), null, 2);
  });
}

/** Every table, read in one transaction so the snapshot is consistent. */
export function exportBackup(db: GovLensDB = getDb()): Promise<Backup> {
  return guard(() =>
    db.transaction('r', [db.reports, db.annotations, db.pledges, db.glossary, db.settings], async () => ({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date().toISOString(),
      tables: {
        reports: await db.reports.toArray(),
        annotations: await db.annotations.toArray(),
        pledges: await db.pledges.toArray(),
        glossary: await db.glossary.toArray(),
        settings: await db.settings.toArray(),
      },
    })),
  );
}

export async function exportBackupJson(db: GovLensDB = getDb()): Promise<string> {
  return JSON.stringify(await exportBackup(db));
}
