/**
 * Import of a GovLens backup or of W3C Web Annotation JSON-LD (ours or another tool's).
 * Everything is parsed and validated before the first write; then all records are written
 * in one transaction, so a bad file or a full disk leaves the database untouched.
 * Duplicates (same id, or same page + quote + note as a stored annotation) are skipped.
 */
import { canonicalUrl } from '../core/fingerprint';
import { regionKey } from '../core/pledges/region';
import { getDb, upgradePledgeV2, type GovLensDB } from './db';
import { StorageError, guard, type ImportProblem } from './errors';
import { BACKUP_FORMAT, BACKUP_VERSION, ID_PREFIX } from './export';
import { newId } from './ids';
import type { AnnotationRecord, GlossaryRecord, PledgeRecord, ReportRecord, SettingRecord } from './types';
import { checkAnnotation, checkGlossary, checkPledge, checkReport, checkSetting, isPageUrl, normalizeTags } from './validate';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ImportOptions {
  /** Called after each written chunk with records written so far and the total to write. */
  onProgress?: (done: number, total: number) => void;
  maxBytes?: number;
  chunkSize?: number;
}

type TableName = 'reports' | 'annotations' | 'pledges' | 'glossary' | 'settings';
type Counts = Record<TableName, number>;

export interface ImportResult {
  format: 'backup' | 'jsonld';
  added: Counts;
  skipped: Counts;
}

interface Parsed {
  format: ImportResult['format'];
  reports: ReportRecord[];
  annotations: AnnotationRecord[];
  pledges: PledgeRecord[];
  glossary: GlossaryRecord[];
  settings: SettingRecord[];
}

const zero = (): Counts => ({ reports: 0, annotations: 0, pledges: 0, glossary: 0, settings: 0 });

function bad(message: string, reason: ImportProblem, params: Array<string | number> = []): StorageError {
  const err = new StorageError('invalid', `Import failed, nothing was changed: ${message}`);
  err.reason = reason;
  err.params = params.map(String);
  return err;
}

async function readInput(input: string | Blob, maxBytes: number): Promise<string> {
  const limit = `${Math.round(maxBytes / 1024 / 1024)} MB`;
  if (typeof input === 'string') {
    // UTF-16 length ≤ UTF-8 bytes ≤ 3 × length: only count bytes when it could matter.
    const bytes = input.length * 3 <= maxBytes ? input.length : new TextEncoder().encode(input).length;
    if (bytes > maxBytes) throw bad(`the file is larger than ${limit}.`, 'too-large', [limit]);
    return input;
  }
  if (input.size > maxBytes) throw bad(`the file is larger than ${limit}.`, 'too-large', [limit]);
  return input.text();
}

// ---------------------------------------------------------------- backup

function parseBackup(data: Record<string, unknown>): Parsed {
  if (typeof data.version !== 'number' || data.version > BACKUP_VERSION) {
    throw bad(`backup format version ${String(data.version)} is not supported (this GovLens reads up to ${BACKUP_VERSION}).`, 'version', [String(data.version), BACKUP_VERSION]);
  }
  const tables = data.tables as Record<string, unknown> | undefined;
  if (!tables || typeof tables !== 'object') throw bad('the backup has no tables.', 'no-tables');
  const checks: Record<TableName, (r: unknown) => string | null> = {
    reports: checkReport,
    annotations: checkAnnotation,
    pledges: checkPledge,
    glossary: checkGlossary,
    settings: checkSetting,
  };
  const out = { format: 'backup' } as Parsed;
  for (const name of Object.keys(checks) as TableName[]) {
    const rows = tables[name] ?? [];
    if (!Array.isArray(rows)) throw bad(`"${name}" is not a list.`, 'no-tables');
    // Backups written before version 3 hold pledges of the older shape: upgrade them as the database does.
    if (name === 'pledges' && data.version < 3) for (const row of rows) if (isObj(row)) upgradePledgeV2(row);
    if (name === 'reports' && data.version < 3) for (const row of rows) if (isObj(row)) row.regionKey ??= regionKey(typeof row.region === 'string' ? row.region : '');
    rows.forEach((row, i) => {
      const problem = checks[name](row);
      if (problem) {
        const key = (row as { id?: unknown; term?: unknown; key?: unknown })?.id ?? (row as { term?: unknown })?.term ?? (row as { key?: unknown })?.key;
        throw bad(`${name}[${i}]${key !== undefined ? ` (${String(key)})` : ''}: ${problem}.`, 'bad-record', [i + 1]);
      }
    });
    (out as unknown as Record<string, unknown[]>)[name] = rows;
  }
  return out;
}

// ---------------------------------------------------------------- JSON-LD

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const hasType = (o: Json, t: string) => asList(o.type).includes(t) || asList(o['@type']).includes(t);

function annotationItems(data: unknown): unknown[] | null {
  if (Array.isArray(data)) return data;
  if (!isObj(data)) return null;
  if (hasType(data, 'Annotation')) return [data];
  if (Array.isArray(data.items)) return data.items;
  if (isObj(data.first) && Array.isArray(data.first.items)) return data.first.items;
  return null;
}

function toTime(v: unknown, fallback: number): number {
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isFinite(t) ? t : fallback;
}

/** Converts one W3C annotation; returns a problem description instead when it is unusable. */
function fromW3C(item: unknown, now: number): (Omit<AnnotationRecord, 'reportId'> & { title: string }) | string {
  if (!isObj(item)) return 'not an object';
  if (!hasType(item, 'Annotation')) return 'type is not "Annotation"';
  // The source is an IRI, or (as GovLens writes it) a resource whose id is the IRI.
  const sourceOf = (t: unknown) => (isObj(t) ? (typeof t.source === 'string' ? t.source : isObj(t.source) && typeof t.source.id === 'string' ? t.source.id : null) : null);
  const target = asList(item.target).find((t) => sourceOf(t) !== null) as Json | undefined;
  if (!target) return 'target has no source URL';
  const url = sourceOf(target)!;
  const title = isObj(target.source) && typeof target.source['dcterms:title'] === 'string' ? target.source['dcterms:title'] : '';
  if (!isPageUrl(url)) return `target.source "${url.slice(0, 80)}" is not an http(s) or file URL`;
  const selectors = asList(target.selector).filter(isObj);
  const q = selectors.find((s) => hasType(s, 'TextQuoteSelector'));
  const p = selectors.find((s) => hasType(s, 'TextPositionSelector'));
  if (!q && !p) return 'target has neither a TextQuoteSelector nor a TextPositionSelector';
  if (q && (typeof q.exact !== 'string' || !q.exact)) return 'TextQuoteSelector.exact is missing';
  if (p && !(Number.isInteger(p.start) && Number.isInteger(p.end) && (p.start as number) >= 0 && (p.end as number) >= (p.start as number))) {
    return 'TextPositionSelector needs integer 0 ≤ start ≤ end';
  }
  const notes: string[] = [];
  const tags: string[] = [];
  if (typeof item.bodyValue === 'string') notes.push(item.bodyValue);
  for (const b of asList(item.body)) {
    if (!isObj(b) || typeof b.value !== 'string') continue; // external bodies (IRIs) carry no text
    if (asList(b.purpose).includes('tagging')) tags.push(b.value);
    else notes.push(b.value);
  }
  const exact = q ? (q.exact as string) : '';
  const id = typeof item.id === 'string' && item.id ? (item.id.startsWith(ID_PREFIX) ? item.id.slice(ID_PREFIX.length) : item.id) : newId();
  const style = typeof target.styleClass === 'string' ? /^govlens-(\w+)$/.exec(target.styleClass)?.[1] : undefined;
  const createdAt = toTime(item.created, now);
  return {
    id,
    url,
    quote: {
      type: 'TextQuoteSelector',
      exact,
      prefix: typeof q?.prefix === 'string' ? q.prefix : '',
      suffix: typeof q?.suffix === 'string' ? q.suffix : '',
    },
    position: p
      ? { type: 'TextPositionSelector', start: p.start as number, end: p.end as number }
      : { type: 'TextPositionSelector', start: 0, end: 0 },
    exact,
    note: notes.join('\n\n'),
    tags: normalizeTags(tags),
    color: style ?? 'yellow',
    createdAt,
    updatedAt: toTime(item.modified, createdAt),
    // Without a quote there is nothing to find in the page until the user re-highlights it.
    orphan: !exact,
    origin: 'import',
    title,
  };
}

/** A pledge exported by GovLens (an `assessing` annotation carrying govlens:pledge), as a record, or a problem. */
function pledgeFromW3C(item: Json, reportId: string): PledgeRecord | string {
  const record = item['govlens:pledge'];
  if (!isObj(record)) return 'govlens:pledge is not an object';
  const id = typeof item.id === 'string' && item.id.startsWith(ID_PREFIX) ? item.id.slice(ID_PREFIX.length) : typeof item.id === 'string' && item.id ? item.id : newId();
  const p = { ...record, id, reportId } as Record<string, unknown>;
  upgradePledgeV2(p);
  const problem = checkPledge(p);
  return problem ?? (p as unknown as PledgeRecord);
}

function parseJsonLd(items: unknown[]): Parsed {
  const now = Date.now();
  const reports = new Map<string, ReportRecord>();
  const annotations: AnnotationRecord[] = [];
  const pledges: PledgeRecord[] = [];
  const reportFor = (url: string, title: string) => {
    const key = canonicalUrl(url);
    let report = reports.get(key);
    if (!report) {
      report = { id: newId(), canonicalUrl: key, urls: [key], title, region: '', regionKey: '', year: null, fingerprint: '', createdAt: now, updatedAt: now };
      reports.set(key, report);
    }
    report.title ||= title;
    return report;
  };
  items.forEach((item, i) => {
    if (isObj(item) && 'govlens:pledge' in item) {
      const target = asList(item.target).find(isObj) as Json | undefined;
      const source = target && (typeof target.source === 'string' ? target.source : isObj(target.source) && typeof target.source.id === 'string' ? target.source.id : '');
      if (!source || !isPageUrl(source)) throw bad(`pledge ${i + 1}: target has no source URL.`, 'bad-record', [i + 1]);
      const title = isObj(target!.source) && typeof target!.source['dcterms:title'] === 'string' ? target!.source['dcterms:title'] : '';
      const report = reportFor(source, title);
      const p = pledgeFromW3C(item, report.id);
      if (typeof p === 'string') throw bad(`pledge ${i + 1}: ${p}.`, 'bad-record', [i + 1]);
      if (!report.region && p.region) {
        report.region = p.region;
        report.regionKey = p.regionKey;
        report.year = p.year;
      }
      pledges.push(p);
      return;
    }
    const a = fromW3C(item, now);
    if (typeof a === 'string') {
      const id = isObj(item) && typeof item.id === 'string' ? ` (${item.id})` : '';
      throw bad(`annotation ${i + 1}${id}: ${a}.`, 'bad-record', [i + 1]);
    }
    const { title, ...annotation } = a;
    const report = reportFor(a.url, title);
    annotations.push({ ...annotation, reportId: report.id });
  });
  return { format: 'jsonld', reports: [...reports.values()], annotations, pledges, glossary: [], settings: [] };
}

// ---------------------------------------------------------------- parse + write

export function parseImport(text: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw bad('the file is not JSON (expected a GovLens backup or W3C Web Annotation JSON-LD).', 'not-json');
  }
  if (isObj(data) && data.format === BACKUP_FORMAT) return parseBackup(data);
  const items = annotationItems(data);
  if (!items) throw bad('the file is neither a GovLens backup nor a W3C Web Annotation collection.', 'not-annotations');
  return parseJsonLd(items);
}

const dupKey = (a: Pick<AnnotationRecord, 'url' | 'exact' | 'note'>) => `${canonicalUrl(a.url)}\u0001${a.exact}\u0001${a.note}`;

export async function importData(input: string | Blob, options: ImportOptions = {}, db: GovLensDB = getDb()): Promise<ImportResult> {
  const { onProgress, maxBytes = MAX_IMPORT_BYTES, chunkSize = 1000 } = options;
  const parsed = parseImport(await readInput(input, maxBytes));
  return guard(() =>
    db.transaction('rw', [db.reports, db.annotations, db.pledges, db.glossary, db.settings], async () => {
      const added = zero();
      const skipped = zero();

      // Reports: same id → skip; same page under another id → reuse the existing report.
      const reportIdMap = new Map<string, string>();
      const newReports: ReportRecord[] = [];
      for (const r of parsed.reports) {
        let existing = await db.reports.get(r.id);
        for (const url of r.urls.length ? r.urls : [r.canonicalUrl]) {
          existing ??= await db.reports.where('urls').equals(url).first();
        }
        if (existing) {
          reportIdMap.set(r.id, existing.id);
          skipped.reports++;
        } else {
          newReports.push(r);
        }
      }

      // Annotations: same id or same page + quote + note as a stored one or an earlier one in the file.
      const urls = [...new Set(parsed.annotations.map((a) => a.url))];
      const seenKeys = new Set<string>();
      // One equals() per URL: it maps to getAll(range), where anyOf()/each() walk a cursor.
      for (const url of urls) {
        for (const a of await db.annotations.where('url').equals(url).toArray()) seenKeys.add(dupKey(a));
      }
      const ids = parsed.annotations.map((a) => a.id);
      const existingIds = new Set((await db.annotations.bulkGet(ids)).filter(Boolean).map((a) => a!.id));
      const newAnnotations: AnnotationRecord[] = [];
      // A backup is restored faithfully (two identical highlights stay two); a foreign file
      // listing the same annotation twice is deduplicated within itself too.
      const dedupeWithinFile = parsed.format === 'jsonld';
      for (const a of parsed.annotations) {
        const key = dupKey(a);
        if (existingIds.has(a.id) || seenKeys.has(key)) {
          skipped.annotations++;
          continue;
        }
        existingIds.add(a.id);
        if (dedupeWithinFile) seenKeys.add(key);
        const reportId = reportIdMap.get(a.reportId);
        newAnnotations.push(reportId ? { ...a, reportId } : a);
      }

      const fresh = async <T>(rows: T[], keyOf: (r: T) => string, table: { bulkGet(keys: string[]): Promise<(T | undefined)[]> }, name: TableName) => {
        const have = await table.bulkGet(rows.map(keyOf));
        const out = rows.filter((_, i) => !have[i]);
        skipped[name] += rows.length - out.length;
        return out;
      };
      const newPledges = (await fresh(parsed.pledges, (p) => p.id, db.pledges, 'pledges')).map((p) =>
        reportIdMap.has(p.reportId) ? { ...p, reportId: reportIdMap.get(p.reportId)! } : p,
      );
      const newGlossary = await fresh(parsed.glossary, (g) => g.term, db.glossary, 'glossary');
      const newSettings = await fresh(parsed.settings, (s) => s.key, db.settings, 'settings');

      const plan: [TableName, unknown[]][] = [
        ['reports', newReports],
        ['annotations', newAnnotations],
        ['pledges', newPledges],
        ['glossary', newGlossary],
        ['settings', newSettings],
      ];
      const total = plan.reduce((n, [, rows]) => n + rows.length, 0);
      let done = 0;
      onProgress?.(0, total);
      for (const [name, rows] of plan) {
        for (let i = 0; i < rows.length; i += chunkSize) {
          const chunk = rows.slice(i, i + chunkSize);
          await db.table(name).bulkAdd(chunk);
          done += chunk.length;
          added[name] += chunk.length;
          onProgress?.(done, total);
        }
      }
      return { format: parsed.format, added, skipped };
    }),
  );
}
