/**
 * The side panel's only door to storage. Components use these functions and
 * types; when the storage module's API moves, only this file changes.
 *
 * Reads go straight to Dexie (the side panel is an extension page and shares
 * the background's IndexedDB), so liveQuery sees every change. Writes that
 * the in-page engine must hear about go through the background protocol.
 */
import type { AnnotationRecord as StoredAnnotation, PledgeEvidence, PledgeRecord as StoredPledge, PledgeStatus, ReportRecord } from '../../storage/types';
import { followPledge, type FollowUp } from '../../core/pledges/follow';
import { sameRegion } from '../../core/pledges/region';
import type { Direction, PledgeKind } from '../../core/pledges/types';
import type { PageItems } from '../../shared/messages';
import { getDb } from '../../storage/db';
import { warmSearchIndex } from '../../storage/search';
import * as repo from '../../storage/repo';
import { exportFile, type CsvHeader, type ExportFormat, type SkippedRecord } from '../../storage/export';
import { importData as importStored } from '../../storage/import';
import { countOccurrences, loadSearchFold, splitQuery, type Fold } from '../../core/search-text';
import { toBackground } from '../../shared/messaging';

export type { PledgeStatus, PledgeEvidence };
export const PLEDGE_STATUSES: PledgeStatus[] = ['pending', 'progress', 'met', 'partly', 'missed'];

/** A saved pledge with the report it came from, as the panel lists it. */
export interface SavedPledge {
  id: string;
  text: string;
  region: string;
  year: number | null;
  dueYear: number | null;
  status: PledgeStatus;
  note: string;
  figureText: string;
  reportId: string;
  reportTitle: string;
  reportUrl: string;
  updatedAt: number;
  kind: PledgeKind;
  area: string[];
  direction: Direction | null;
  figure: StoredPledge['figure'];
  evidence: PledgeEvidence[];
}

function toSavedPledge(p: StoredPledge, reports: Map<string, ReportRecord>): SavedPledge {
  const r = reports.get(p.reportId);
  return {
    id: p.id,
    text: p.text,
    region: p.region || r?.region || '',
    year: p.year ?? r?.year ?? null,
    dueYear: p.dueYear,
    status: p.status,
    note: p.note,
    figureText: p.figure?.text ?? '',
    reportId: p.reportId,
    reportTitle: r?.title ?? '',
    reportUrl: r?.urls[0] ?? r?.canonicalUrl ?? '',
    updatedAt: p.updatedAt,
    kind: p.kind,
    area: p.area,
    direction: p.direction,
    figure: p.figure,
    evidence: p.evidence,
  };
}

/** Every saved pledge, joined with its report. For liveQuery. */
export async function listSavedPledges(): Promise<SavedPledge[]> {
  const [pledges, reports] = await Promise.all([repo.listPledges(), repo.listReports()]);
  const byId = new Map(reports.map((r) => [r.id, r]));
  return pledges.map((p) => toSavedPledge(p, byId));
}

export async function updatePledge(id: string, changes: Partial<Pick<StoredPledge, 'status' | 'note'>>): Promise<void> {
  await repo.updatePledge(id, changes);
}

/** The reader's verdict on a pledge, with the later report's sentence it rests on. */
export async function ratePledge(id: string, status: PledgeStatus, evidence?: Omit<PledgeEvidence, 'at'>): Promise<void> {
  await repo.ratePledge(id, status, evidence);
}

/** A saved pledge of an earlier report, and what this page says about it. */
export interface PledgeFollowUp extends FollowUp {
  pledge: SavedPledge;
}

/**
 * Saved pledges of this page's region from earlier reports, each with the page's candidate evidence (and a
 * proposed verdict for targets). Pledges the page says nothing about are left out.
 */
export function followUps(page: PageItems, saved: SavedPledge[]): PledgeFollowUp[] {
  const report = page.report;
  if (!report || !page.later) return [];
  const out: PledgeFollowUp[] = [];
  for (const p of saved) {
    if (p.reportId === page.reportId) continue;
    // One region (厦门市湖里区 = 湖里区; two national reports have none), and an earlier report.
    if (!sameRegion(p.region, report.region)) continue;
    if (report.year !== null && (p.year === null || p.year >= report.year || (p.dueYear ?? p.year) > report.year)) continue;
    const f = followPledge({ text: p.text, kind: p.kind, figure: p.figure, direction: p.direction }, page.later);
    if (f.evidence.length) out.push({ ...f, pledge: p });
  }
  // Proposed verdicts first, then by strength of the best evidence.
  return out.sort((a, b) => Number(Boolean(b.verdict)) - Number(Boolean(a.verdict)) || b.evidence[0].score - a.evidence[0].score);
}

/**
 * A token that changes whenever this page's stored records change, so the
 * panel knows to ask the engine for fresh page items. For liveQuery.
 */
export async function pageDataVersion(url: string): Promise<string> {
  const db = getDb();
  const [anns, pledges, glossary] = await Promise.all([
    db.annotations.where('url').equals(url).toArray(),
    db.pledges.toArray(),
    db.glossary.toArray(),
  ]);
  let latest = 0;
  for (const r of [...anns, ...pledges, ...glossary]) latest = Math.max(latest, r.updatedAt);
  return `${anns.length}:${pledges.length}:${glossary.length}:${latest}`;
}

export async function updateAnnotation(id: string, changes: { note?: string; tags?: string[]; color?: string }): Promise<void> {
  await toBackground('annotation:update', { id, changes });
}

export async function deleteAnnotation(id: string): Promise<void> {
  await toBackground('annotation:delete', { id });
}

export async function setUserDefinition(term: string, definition: string): Promise<void> {
  await toBackground('glossary:set-user', { term, definition });
}

// ---- sync ---------------------------------------------------------------

export interface SyncLine {
  enabled: boolean;
  lastSync: number | null;
  lastError: import('../../sync/errors').SyncErrorCode | null;
  pending: number;
  running: boolean;
}

/** The sync state as the background leaves it in the database. For liveQuery. */
export async function readSyncLine(): Promise<SyncLine> {
  const db = getDb();
  const [tracking, status, pending] = await Promise.all([db.syncMeta.get('tracking'), db.syncMeta.get('status'), db.outbox.count()]);
  const s = (status?.value ?? {}) as { lastSync?: number | null; lastError?: { code: import('../../sync/errors').SyncErrorCode } | null; running?: boolean };
  return { enabled: tracking?.value === true, lastSync: s.lastSync ?? null, lastError: s.lastError?.code ?? null, pending, running: !!s.running };
}

// ---- search -------------------------------------------------------------

export interface SearchHit {
  kind: 'annotation' | 'pledge';
  id: string;
  /** The quoted or pledge text. */
  text: string;
  note: string;
  tags: string[];
  url: string;
  /** Last change, for newest-first lists. */
  updatedAt: number;
  color?: string;
}

/** A note in the list of every note: the hit plus the report it is in. */
export interface NoteRow extends SearchHit {
  reportTitle: string;
}

/**
 * Every highlight and note, newest first (as Hypothesis and Memex list
 * them), or only those with `tag`. For liveQuery: it re-runs when they change.
 */
export async function listNotes(tag?: string): Promise<NoteRow[]> {
  const db = getDb();
  const [annotations, reports] = await Promise.all([
    tag ? db.annotations.where('tags').equals(tag).toArray() : db.annotations.toArray(),
    repo.listReports(),
  ]);
  const titles = new Map(reports.map((r) => [r.id, r.title || r.canonicalUrl]));
  return annotations
    .sort((a, b) => (b.updatedAt || b.createdAt) - (a.updatedAt || a.createdAt))
    .map((a) => ({ ...annotationHit(a), reportTitle: titles.get(a.reportId) ?? a.url }));
}
export interface SearchGroup {
  reportId: string;
  title: string;
  url: string;
  hits: SearchHit[];
}

/**
 * Full-text search over quotes, notes and tags (the storage index, which folds
 * Traditional/Simplified and full-width forms), plus saved pledges' text and
 * notes with the same folding, grouped by report.
 */
/** Builds the search index now (the Search tab was opened), so the first query does not wait for it. */
export function warmSearch(): Promise<void> {
  return warmSearchIndex(getDb());
}

export async function search(query: string): Promise<SearchGroup[]> {
  if (!query.trim()) return [];
  const [annHits, pledges, reports, fold] = await Promise.all([
    // Every hit: the list is virtual, and the count the reader sees is the true one.
    repo.searchNotes(query, { limit: Infinity }),
    repo.listPledges(),
    repo.listReports(),
    loadSearchFold(),
  ]);
  const hits: Array<SearchHit & { reportId: string }> = annHits.map(({ annotation: a }) => annotationHit(a));
  hits.push(...searchPledges(pledges, query, fold));
  return groupHits(hits, reports);
}

function annotationHit(a: StoredAnnotation): SearchHit & { reportId: string } {
  return { kind: 'annotation', id: a.id, text: a.exact, note: a.note, tags: a.tags, url: a.url, reportId: a.reportId, updatedAt: a.updatedAt || a.createdAt, color: a.color };
}

/** Pledges whose text or note holds every query term, after folding. */
function searchPledges(pledges: StoredPledge[], query: string, fold: Fold): Array<SearchHit & { reportId: string }> {
  const terms = splitQuery(query, fold);
  if (!terms.length) return [];
  return pledges
    .filter((p) => {
      const hay = fold(`${p.text}\u0001${p.note}`);
      return terms.every((term) => countOccurrences(hay, term) > 0);
    })
    .map((p) => ({ kind: 'pledge' as const, id: p.id, text: p.text, note: p.note, tags: [], url: '', reportId: p.reportId, updatedAt: p.updatedAt }));
}

function groupHits(hits: Array<SearchHit & { reportId: string }>, reports: ReportRecord[]): SearchGroup[] {
  const byId = new Map(reports.map((r) => [r.id, r]));
  const groups = new Map<string, SearchGroup>();
  for (const h of hits) {
    let g = groups.get(h.reportId);
    if (!g) {
      const r = byId.get(h.reportId);
      g = { reportId: h.reportId, title: r?.title || h.url, url: h.url || r?.urls[0] || r?.canonicalUrl || '', hits: [] };
      groups.set(h.reportId, g);
    }
    g.hits.push(h);
  }
  return [...groups.values()];
}

// ---- export / import ----------------------------------------------------

export type { ExportFormat, SkippedRecord };

/** What the exports say in the reader's language: the CSV's column names. */
export interface ExportWords {
  csvHeader?: CsvHeader;
}

const EXPORT_FILES: Record<ExportFormat, { type: string; ext: string }> = {
  markdown: { type: 'text/markdown;charset=utf-8', ext: 'md' },
  // toCsv starts with the one BOM Excel needs to read UTF-8; a second would show as a stray character.
  csv: { type: 'text/csv;charset=utf-8', ext: 'csv' },
  jsonld: { type: 'application/ld+json', ext: 'jsonld' },
  backup: { type: 'application/json', ext: 'json' },
};

/** The file to download, and the stored records it had to leave out (shown to the reader). */
export async function exportData(format: ExportFormat, words: ExportWords = {}): Promise<{ blob: Blob; filename: string; skipped: SkippedRecord[] }> {
  const spec = EXPORT_FILES[format];
  const { text, skipped } = await exportFile(format, { header: words.csvHeader });
  const stamp = new Date().toISOString().slice(0, 10);
  const name = format === 'backup' ? `govlens-backup-${stamp}` : `govlens-${stamp}`;
  return { blob: new Blob([text], { type: spec.type }), filename: `${name}.${spec.ext}`, skipped };
}

export interface ImportSummary {
  annotations: number;
  pledges: number;
  reports: number;
  /** Stored records replaced by a newer version from the file. */
  updated: number;
  /** Duplicates not written (an older or equal version of a record already there). */
  skipped: number;
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Imports a file; a refused file throws the storage layer's ImportError (see storage-messages.ts). */
export async function importData(file: File, onProgress: (fraction: number) => void): Promise<ImportSummary> {
  onProgress(0);
  const result = await importStored(file, { onProgress: (done, total) => onProgress(total ? done / total : 1) });
  onProgress(1);
  return {
    reports: result.added.reports,
    annotations: result.added.annotations,
    pledges: result.added.pledges,
    updated: sum(result.updated),
    skipped: sum(result.skipped),
  };
}
