import Dexie, { type Table, type Transaction } from 'dexie';
import { canonicalUrl } from '../core/fingerprint';
import { regionKey } from '../core/pledges/region';
import { outboxMiddleware } from './outbox';
import type {
  AnnotationRecord,
  GlossaryRecord,
  OutboxEntry,
  PledgeRecord,
  ReportRecord,
  SettingRecord,
  SharedAnnotationRecord,
  SharedReportRecord,
  SyncMetaRecord,
  SyncStateRecord,
} from './types';

export const DB_NAME = 'govlens';

/**
 * Version 1, as first shipped: reports keyed by their raw URL, annotations with flat
 * selector fields, tags as a comma-separated string and ISO date strings. Exported so tests
 * (and any future migration check) can create a genuine v1 database.
 */
export const SCHEMA_V1 = {
  reports: 'id, &url, year',
  annotations: 'id, reportId, url, createdAt',
  settings: 'key',
} as const;

export const SCHEMA_V2 = {
  reports: 'id, &canonicalUrl, *urls, fingerprint, [region+year], updatedAt',
  annotations: 'id, reportId, url, *tags, createdAt, updatedAt, [reportId+createdAt]',
  pledges: 'id, reportId, dueYear, status, [region+year], createdAt',
  glossary: 'term, updatedAt',
  settings: 'key',
} as const;

/**
 * Version 3 (issue #10): pledges carry kind, area, direction, evidence and a status history, and are found by
 * normalised region (regionKey); reports get regionKey too. Statuses: pending, progress, met, partly, missed.
 */
export const SCHEMA_V3 = {
  reports: 'id, &canonicalUrl, *urls, fingerprint, [region+year], regionKey, updatedAt',
  annotations: SCHEMA_V2.annotations,
  pledges: 'id, reportId, dueYear, status, [region+year], [regionKey+year], kind, createdAt',
  glossary: SCHEMA_V2.glossary,
  settings: SCHEMA_V2.settings,
} as const;

/** A pledge as version 2 stored it. */
export interface PledgeV2 {
  id: string;
  reportId: string;
  text: string;
  region: string;
  year: number | null;
  dueYear: number | null;
  figure: { value: number; unit: string; text: string; kind?: string } | null;
  status: 'pending' | 'met' | 'missed' | 'unclear';
  note: string;
  selectors: unknown;
  createdAt: number;
  updatedAt: number;
}

/**
 * Upgrade one v2 pledge in place to v3. Nothing is dropped: `unclear` (no longer a status) becomes `pending`
 * with the old status kept as the first entry of the history; every other field is kept as it was.
 */
export function upgradePledgeV2(p: Record<string, unknown>): void {
  const v2 = p as unknown as PledgeV2;
  const at = typeof v2.updatedAt === 'number' ? v2.updatedAt : 0;
  const old = v2.status;
  p.regionKey ??= regionKey(typeof v2.region === 'string' ? v2.region : '');
  p.kind ??= v2.figure ? 'target' : 'action';
  p.area ??= [];
  p.direction ??= null;
  p.evidence ??= [];
  p.history ??= old === 'pending' || old === undefined ? [] : [{ status: old, at }];
  if (old === 'unclear' || old === undefined) p.status = 'pending';
}


/**
 * Version 4 (issue #18, sync) only adds tables, so no record of an earlier version changes:
 * - outbox: one row per record changed since its last push (kind/id), with the time each field changed;
 * - syncState: per synced record, the server file's ETag, revision history and the last synced version
 *   (the base of three-way merges);
 * - syncMeta: device id, whether changes are tracked, per-source pull state, the sync status;
 * - sharedReports / sharedAnnotations: what read-only sources (a teacher's folder) hold; never pushed.
 */
export const SCHEMA_V4 = {
  outbox: 'key, kind',
  syncState: 'key, kind',
  syncMeta: 'key',
  sharedReports: 'key, sourceId, *urls',
  sharedAnnotations: 'key, sourceId, [sourceId+reportId], url',
} as const;

/** Record shapes of version 1 (for the migration and its test). */
export interface ReportV1 {
  id: string;
  url: string;
  title: string;
  region?: string;
  year?: number;
  createdAt: string;
}

export interface AnnotationV1 {
  id: string;
  reportId: string;
  url: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  note: string;
  /** Comma-separated. */
  tags: string;
  color: string;
  createdAt: string;
  updatedAt: string;
  orphan?: boolean;
}

function toMillis(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const t = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(t) ? t : 0;
}

/** Upgrade one v1 annotation in place to the v2 shape (unknown extra fields are kept). */
export function upgradeAnnotationV1(a: Record<string, unknown>): void {
  const v1 = a as unknown as AnnotationV1;
  const tags = typeof v1.tags === 'string' ? v1.tags.split(',').map((t) => t.trim()).filter(Boolean) : [];
  const next: Omit<AnnotationRecord, 'id' | 'reportId' | 'url' | 'note' | 'color'> = {
    quote: { type: 'TextQuoteSelector', exact: v1.exact ?? '', prefix: v1.prefix ?? '', suffix: v1.suffix ?? '' },
    position: { type: 'TextPositionSelector', start: v1.start ?? 0, end: v1.end ?? 0 },
    exact: v1.exact ?? '',
    tags,
    createdAt: toMillis(v1.createdAt),
    updatedAt: toMillis(v1.updatedAt ?? v1.createdAt),
    orphan: v1.orphan === true,
    origin: 'user',
  };
  delete a.prefix;
  delete a.suffix;
  delete a.start;
  delete a.end;
  a.note ??= '';
  a.color ??= 'yellow';
  Object.assign(a, next);
}

/** Upgrade one v1 report in place: the raw URL becomes the first of its mirror URLs. */
export function upgradeReportV1(r: Record<string, unknown>): void {
  const v1 = r as unknown as ReportV1;
  const url = canonicalUrl(v1.url);
  delete r.url;
  const next: Omit<ReportRecord, 'id' | 'title'> = {
    canonicalUrl: url,
    urls: [url],
    region: v1.region ?? '',
    year: v1.year ?? null,
    fingerprint: '',
    createdAt: toMillis(v1.createdAt),
    updatedAt: toMillis(v1.createdAt),
  };
  Object.assign(r, next);
}

export class GovLensDB extends Dexie {
  reports!: Table<ReportRecord, string>;
  annotations!: Table<AnnotationRecord, string>;
  pledges!: Table<PledgeRecord, string>;
  glossary!: Table<GlossaryRecord, string>;
  settings!: Table<SettingRecord, string>;
  outbox!: Table<OutboxEntry, string>;
  syncState!: Table<SyncStateRecord, string>;
  syncMeta!: Table<SyncMetaRecord, string>;
  sharedReports!: Table<SharedReportRecord, string>;
  sharedAnnotations!: Table<SharedAnnotationRecord, string>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(migrateV1toV2);
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade(migrateV2toV3);
    // Version 4 (issue #18, sync) only adds tables.
    this.version(4).stores(SCHEMA_V4);
    // Every write to the user's tables notes what changed in the outbox, in the same transaction.
    this.use(outboxMiddleware);
  }
}

/**
 * v1 → v2. v1 keyed reports by raw URL, so two v1 reports can share a canonical URL (one
 * with ?utm_source=…): those are merged into the older one and their annotations moved
 * over, since v2 makes canonicalUrl unique. Nothing else is dropped.
 */
async function migrateV1toV2(tx: Transaction): Promise<void> {
  const reports = tx.table('reports');
  const v1Reports = (await reports.toArray()) as Record<string, unknown>[];
  v1Reports.sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
  const byUrl = new Map<string, Record<string, unknown>>();
  const mergedInto = new Map<string, string>();
  for (const r of v1Reports) {
    upgradeReportV1(r);
    const keep = byUrl.get(r.canonicalUrl as string);
    if (keep) mergedInto.set(r.id as string, keep.id as string);
    else byUrl.set(r.canonicalUrl as string, r);
  }
  await reports.bulkDelete([...mergedInto.keys()]);
  await reports.bulkPut([...byUrl.values()]);
  await tx
    .table('annotations')
    .toCollection()
    .modify((a: Record<string, unknown>) => {
      upgradeAnnotationV1(a);
      const target = mergedInto.get(a.reportId as string);
      if (target) a.reportId = target;
    });
}

/** v2 → v3: pledges gain their new fields (see upgradePledgeV2), reports their region key. */
async function migrateV2toV3(tx: Transaction): Promise<void> {
  await tx
    .table('reports')
    .toCollection()
    .modify((r: Record<string, unknown>) => {
      r.regionKey ??= regionKey(typeof r.region === 'string' ? r.region : '');
    });
  await tx.table('pledges').toCollection().modify(upgradePledgeV2);
}

let shared: GovLensDB | undefined;

/** The extension-wide database (one per JS context; Dexie opens it on first use). */
export function getDb(): GovLensDB {
  shared ??= new GovLensDB();
  return shared;
}
