/**
 * Import of a GovLens backup or of W3C Web Annotation JSON-LD (ours or another tool's).
 *
 * All or nothing: the file's size is checked before it is read, every field of every record
 * is checked against the schema (validate.ts) before the first write, and every record a
 * file cannot have is listed in one ImportError; then all records are written in one
 * transaction, so a bad file or a full disk leaves the database untouched.
 *
 * Duplicates: for the same id (twice in the file, or already stored) the newest `updatedAt`
 * wins and the other is skipped (counted); the same page + quote + note as a stored
 * annotation under another id is skipped too (a file imported twice adds nothing).
 */
import { canonicalUrl } from '../core/fingerprint';
import { regionKey } from '../core/pledges/region';
import { getDb, upgradePledgeV2, type GovLensDB } from './db';
import { StorageError, guard } from './errors';
import { BACKUP_FORMAT, BACKUP_VERSION, ID_PREFIX } from './export';
import { newId } from './ids';
import type { AnnotationRecord, GlossaryRecord, PledgeRecord, ReportRecord, SettingRecord } from './types';
import { annotationProblem, glossaryProblem, isPageUrl, normalizeTags, pledgeProblem, problemText, reportProblem, settingProblem, type Problem } from './validate';

/** Files larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** Refusals kept for the message; the count covers them all. */
const MAX_LISTED = 50;

export interface ImportOptions {
  /** Called after each written chunk with records written so far and the total to write. */
  onProgress?: (done: number, total: number) => void;
  maxBytes?: number;
  chunkSize?: number;
}

export type TableName = 'reports' | 'annotations' | 'pledges' | 'glossary' | 'settings';
type Counts = Record<TableName, number>;

export interface ImportResult {
  format: 'backup' | 'jsonld';
  /** New records written. */
  added: Counts;
  /** Stored records replaced by a newer version from the file (same id, later updatedAt). */
  updated: Counts;
  /** Duplicates not written: an older or equal version of a record the database or the file already has. */
  skipped: Counts;
}

/** One record the file cannot have, and why. `index` counts from 0 within its table (or the file's item list). */
export interface Refusal {
  table: TableName;
  index: number;
  key?: string;
  problem: Problem;
}

export type ImportFailure = 'too-large' | 'not-json' | 'unknown-format' | 'version' | 'not-a-list' | 'refused';

/** Why an import wrote nothing, as data, so the side panel can say it in the reader's language. */
export class ImportError extends StorageError {
  constructor(
    readonly failure: ImportFailure,
    /** The first MAX_LISTED refused records. */
    readonly refusals: Refusal[] = [],
    /** How many records were refused in all. */
    readonly refusedCount = refusals.length,
    /** The size limit (too-large), the highest readable version (version), or the table (not-a-list). */
    readonly detail?: number | string,
  ) {
    super('invalid', `Import failed, nothing was changed: ${describeFailure(failure, refusals, refusedCount, detail)}`);
    this.name = 'ImportError';
  }
}

function describeFailure(reason: ImportFailure, refusals: Refusal[], count: number, detail?: number | string): string {
  switch (reason) {
    case 'too-large':
      return `the file is larger than ${Math.round(Number(detail) / 1024 / 1024)} MB.`;
    case 'not-json':
      return 'the file is not JSON (expected a GovLens backup or W3C Web Annotation JSON-LD).';
    case 'unknown-format':
      return 'the file is neither a GovLens backup nor a W3C Web Annotation collection.';
    case 'version':
      return `this backup format version is not supported (this GovLens reads up to ${detail}).`;
    case 'not-a-list':
      return `"${detail}" is not a list.`;
    case 'refused':
      return `${count} record${count === 1 ? '' : 's'} refused: ${refusals.map(refusalText).join('; ')}${count > refusals.length ? '; …' : ''}.`;
  }
}

/** "annotations[3] (id-3): createdAt is not a date between 1970 and 2100" */
export function refusalText(r: Refusal): string {
  return `${r.table}[${r.index}]${r.key !== undefined ? ` (${r.key.slice(0, 80)})` : ''}: ${problemText(r.problem)}`;
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

/** Collects refusals while a whole file is checked, so the reader hears of every bad record at once. */
class Refusals {
  list: Refusal[] = [];
  count = 0;
  add(r: Refusal): void {
    this.count++;
    if (this.list.length < MAX_LISTED) this.list.push(r);
  }
  throwIfAny(): void {
    if (this.count) throw new ImportError('refused', this.list, this.count);
  }
}

async function readInput(input: string | Blob, maxBytes: number): Promise<string> {
  if (typeof input === 'string') {
    // UTF-16 length ≤ UTF-8 bytes ≤ 3 × length: only count bytes when it could matter.
    const bytes = input.length * 3 <= maxBytes ? input.length : new TextEncoder().encode(input).length;
    if (bytes > maxBytes) throw new ImportError('too-large', [], 0, maxBytes);
    return input;
  }
  if (input.size > maxBytes) throw new ImportError('too-large', [], 0, maxBytes);
  return input.text();
}

// ---------------------------------------------------------------- backup

const keyOf = (row: unknown): string | undefined => {
  const r = row as { id?: unknown; term?: unknown; key?: unknown } | null;
  const k = r?.id ?? r?.term ?? r?.key;
  return typeof k === 'string' ? k : undefined;
};

function parseBackup(data: Record<string, unknown>): Parsed {
  if (typeof data.version !== 'number' || data.version > BACKUP_VERSION) throw new ImportError('version', [], 0, BACKUP_VERSION);
  const tables = data.tables as Record<string, unknown> | undefined;
  if (!tables || typeof tables !== 'object') throw new ImportError('unknown-format');
  const checks: Record<TableName, (r: unknown) => Problem | null> = {
    reports: reportProblem,
    annotations: annotationProblem,
    pledges: pledgeProblem,
    glossary: glossaryProblem,
    settings: settingProblem,
  };
  const out = { format: 'backup' } as Parsed;
  const refused = new Refusals();
  for (const name of Object.keys(checks) as TableName[]) {
    const rows = tables[name] ?? [];
    if (!Array.isArray(rows)) throw new ImportError('not-a-list', [], 0, name);
    // Backups written before version 3 hold pledges of the older shape: upgrade them as the database does.
    if (name === 'pledges' && data.version < 3) for (const row of rows) if (isObj(row)) upgradePledgeV2(row);
    if (name === 'reports' && data.version < 3) for (const row of rows) if (isObj(row)) row.regionKey ??= regionKey(typeof row.region === 'string' ? row.region : '');
    rows.forEach((row, index) => {
      const problem = checks[name](row);
      if (problem) refused.add({ table: name, index, key: keyOf(row), problem });
    });
    (out as unknown as Record<string, unknown[]>)[name] = rows;
  }
  refused.throwIfAny();
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
function fromW3C(item: unknown, now: number): (Omit<AnnotationRecord, 'reportId'> & { title: string }) | Problem {
  if (!isObj(item)) return { field: '', rule: 'object' };
  if (!hasType(item, 'Annotation')) return { field: 'type', rule: 'enum' };
  // The source is an IRI, or (as GovLens writes it) a resource whose id is the IRI.
  const sourceOf = (t: unknown) => (isObj(t) ? (typeof t.source === 'string' ? t.source : isObj(t.source) && typeof t.source.id === 'string' ? t.source.id : null) : null);
  const target = asList(item.target).find((t) => sourceOf(t) !== null) as Json | undefined;
  if (!target) return { field: 'target.source', rule: 'required' };
  const url = sourceOf(target)!;
  const title = isObj(target.source) && typeof target.source['dcterms:title'] === 'string' ? target.source['dcterms:title'] : '';
  if (!isPageUrl(url)) return { field: 'target.source', rule: 'url' };
  const selectors = asList(target.selector).filter(isObj);
  const q = selectors.find((s) => hasType(s, 'TextQuoteSelector'));
  const p = selectors.find((s) => hasType(s, 'TextPositionSelector'));
  if (!q && !p) return { field: 'target.selector', rule: 'required' };
  if (q && (typeof q.exact !== 'string' || !q.exact)) return { field: 'TextQuoteSelector.exact', rule: 'required' };
  if (p && !(Number.isInteger(p.start) && Number.isInteger(p.end) && (p.start as number) >= 0 && (p.end as number) >= (p.start as number))) {
    return { field: 'TextPositionSelector', rule: 'selector' };
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
function pledgeFromW3C(item: Json, reportId: string): PledgeRecord | Problem {
  const record = item['govlens:pledge'];
  if (!isObj(record)) return { field: 'govlens:pledge', rule: 'object' };
  const id = typeof item.id === 'string' && item.id.startsWith(ID_PREFIX) ? item.id.slice(ID_PREFIX.length) : typeof item.id === 'string' && item.id ? item.id : newId();
  const p = { ...record, id, reportId } as Record<string, unknown>;
  upgradePledgeV2(p);
  return pledgeProblem(p) ?? (p as unknown as PledgeRecord);
}

function parseJsonLd(items: unknown[]): Parsed {
  const now = Date.now();
  const reports = new Map<string, ReportRecord>();
  const annotations: AnnotationRecord[] = [];
  const pledges: PledgeRecord[] = [];
  const refused = new Refusals();
  const reportFor = (url: string, title: string) => {
    const key = canonicalUrl(url);
    let report = reports.get(key);
    if (!report) {
      report = { id: newId(), canonicalUrl: key, urls: [key], title: '', region: '', regionKey: '', year: null, fingerprint: '', createdAt: now, updatedAt: now };
      reports.set(key, report);
    }
    report.title ||= title;
    return report;
  };
  items.forEach((item, index) => {
    const key = isObj(item) && typeof item.id === 'string' ? item.id : undefined;
    if (isObj(item) && 'govlens:pledge' in item) {
      const target = asList(item.target).find(isObj) as Json | undefined;
      const source = target && (typeof target.source === 'string' ? target.source : isObj(target.source) && typeof target.source.id === 'string' ? target.source.id : '');
      if (!source || !isPageUrl(source)) return refused.add({ table: 'pledges', index, key, problem: { field: 'target.source', rule: 'url' } });
      const title = isObj(target!.source) && typeof target!.source['dcterms:title'] === 'string' ? target!.source['dcterms:title'] : '';
      const report = reportFor(source, title);
      const p = pledgeFromW3C(item, report.id);
      if ('rule' in p) return refused.add({ table: 'pledges', index, key, problem: p });
      if (!report.region && p.region) {
        report.region = p.region;
        report.regionKey = p.regionKey;
        report.year = p.year;
      }
      pledges.push(p);
      return;
    }
    const a = fromW3C(item, now);
    if ('rule' in a) {
      refused.add({ table: 'annotations', index, key, problem: a });
      return;
    }
    const { title, ...annotation } = a;
    const record = { ...annotation, reportId: reportFor(a.url, title).id };
    // The same schema as a backup's records: dates in range, ids well formed, strings bounded.
    const problem = annotationProblem(record);
    if (problem) refused.add({ table: 'annotations', index, key, problem });
    else annotations.push(record);
  });
  [...reports.values()].forEach((r, index) => {
    const problem = reportProblem(r);
    if (problem) refused.add({ table: 'reports', index, key: r.canonicalUrl, problem });
  });
  refused.throwIfAny();
  return { format: 'jsonld', reports: [...reports.values()], annotations, pledges, glossary: [], settings: [] };
}

// ---------------------------------------------------------------- parse + write

export function parseImport(text: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportError('not-json');
  }
  if (isObj(data) && data.format === BACKUP_FORMAT) return parseBackup(data);
  const items = annotationItems(data);
  if (!items) throw new ImportError('unknown-format');
  return parseJsonLd(items);
}

const dupKey = (a: Pick<AnnotationRecord, 'url' | 'exact' | 'note'>) => `${canonicalUrl(a.url)}\u0001${a.exact}\u0001${a.note}`;

/**
 * Rows of one table that share a key (the same id twice in one file): the newest updatedAt
 * wins, the first of equals stays. Returns the winners in file order and how many lost.
 */
function newestPerKey<T>(rows: T[], keyOf: (r: T) => string, updatedAt: (r: T) => number): { rows: T[]; dropped: number } {
  const best = new Map<string, T>();
  for (const r of rows) {
    const k = keyOf(r);
    const had = best.get(k);
    if (!had || updatedAt(r) > updatedAt(had)) best.set(k, r);
  }
  const winners = new Set(best.values());
  return { rows: rows.filter((r) => winners.has(r)), dropped: rows.length - winners.size };
}

export async function importData(input: string | Blob, options: ImportOptions = {}, db: GovLensDB = getDb()): Promise<ImportResult> {
  const { onProgress, maxBytes = MAX_IMPORT_BYTES, chunkSize = 1000 } = options;
  const parsed = parseImport(await readInput(input, maxBytes));
  return guard(() =>
    db.transaction('rw', [db.reports, db.annotations, db.pledges, db.glossary, db.settings], async () => {
      const added = zero();
      const updated = zero();
      const skipped = zero();
      const stamp = (r: { updatedAt?: number }) => r.updatedAt ?? 0;

      // Reports: same id → keep the stored one; same page under another id → reuse the existing report.
      const reportIdMap = new Map<string, string>();
      const newReports: ReportRecord[] = [];
      const reportsOnce = newestPerKey(parsed.reports, (r) => r.id, stamp);
      skipped.reports += reportsOnce.dropped;
      for (const r of reportsOnce.rows) {
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

      // Annotations: one per id (newest wins, in the file and against the database); none
      // repeating the page + quote + note of a stored one under another id.
      const annotationsOnce = newestPerKey(parsed.annotations, (a) => a.id, stamp);
      skipped.annotations += annotationsOnce.dropped;
      const urls = [...new Set(annotationsOnce.rows.map((a) => a.url))];
      const storedKeys = new Set<string>();
      // One equals() per URL: it maps to getAll(range), where anyOf()/each() walk a cursor.
      for (const url of urls) {
        for (const a of await db.annotations.where('url').equals(url).toArray()) storedKeys.add(dupKey(a));
      }
      const stored = await db.annotations.bulkGet(annotationsOnce.rows.map((a) => a.id));
      const newAnnotations: AnnotationRecord[] = [];
      const newerAnnotations: AnnotationRecord[] = [];
      // A backup is restored faithfully (two identical highlights stay two); a foreign file
      // listing the same annotation twice is deduplicated within itself too.
      const dedupeWithinFile = parsed.format === 'jsonld';
      annotationsOnce.rows.forEach((a, i) => {
        const reportId = reportIdMap.get(a.reportId);
        const row = reportId ? { ...a, reportId } : a;
        const have = stored[i];
        if (have) {
          if (a.updatedAt > have.updatedAt) {
            newerAnnotations.push(row);
            updated.annotations++;
          } else skipped.annotations++;
          return;
        }
        const key = dupKey(a);
        if (storedKeys.has(key)) {
          skipped.annotations++;
          return;
        }
        if (dedupeWithinFile) storedKeys.add(key);
        newAnnotations.push(row);
      });

      // Pledges and glossary entries: newest updatedAt wins. Settings: the stored value stays.
      const byNewest = async <T extends { updatedAt: number }>(rows: T[], keyOf: (r: T) => string, table: { bulkGet(keys: string[]): Promise<(T | undefined)[]> }, name: TableName) => {
        const once = newestPerKey(rows, keyOf, stamp);
        skipped[name] += once.dropped;
        const have = await table.bulkGet(once.rows.map(keyOf));
        const fresh: T[] = [];
        const newer: T[] = [];
        once.rows.forEach((r, i) => {
          const h = have[i];
          if (!h) fresh.push(r);
          else if (r.updatedAt > h.updatedAt) newer.push(r);
          else skipped[name]++;
        });
        updated[name] += newer.length;
        return { fresh, newer };
      };
      const remap = (p: PledgeRecord) => (reportIdMap.has(p.reportId) ? { ...p, reportId: reportIdMap.get(p.reportId)! } : p);
      const pledges = await byNewest(parsed.pledges.map(remap), (p) => p.id, db.pledges, 'pledges');
      const glossary = await byNewest(parsed.glossary, (g) => g.term, db.glossary, 'glossary');
      const settingsOnce = newestPerKey(parsed.settings, (s) => s.key, () => 0);
      skipped.settings += settingsOnce.dropped;
      const haveSettings = await db.settings.bulkGet(settingsOnce.rows.map((s) => s.key));
      const newSettings = settingsOnce.rows.filter((_, i) => !haveSettings[i]);
      skipped.settings += settingsOnce.rows.length - newSettings.length;

      const plan: [TableName, unknown[], 'add' | 'put'][] = [
        ['reports', newReports, 'add'],
        ['annotations', newAnnotations, 'add'],
        ['annotations', newerAnnotations, 'put'],
        ['pledges', pledges.fresh, 'add'],
        ['pledges', pledges.newer, 'put'],
        ['glossary', glossary.fresh, 'add'],
        ['glossary', glossary.newer, 'put'],
        ['settings', newSettings, 'add'],
      ];
      const total = plan.reduce((n, [, rows]) => n + rows.length, 0);
      let done = 0;
      onProgress?.(0, total);
      for (const [name, rows, how] of plan) {
        for (let i = 0; i < rows.length; i += chunkSize) {
          const chunk = rows.slice(i, i + chunkSize);
          if (how === 'add') {
            await db.table(name).bulkAdd(chunk);
            added[name] += chunk.length;
          } else await db.table(name).bulkPut(chunk);
          done += chunk.length;
          onProgress?.(done, total);
        }
      }
      return { format: parsed.format, added, updated, skipped };
    }),
  );
}
