/**
 * The side panel's only door to storage. Components use these functions and
 * types; when the storage module's API moves, only this file changes.
 *
 * Reads go straight to Dexie (the side panel is an extension page and shares
 * the background's IndexedDB), so liveQuery sees every change. Writes that
 * the in-page engine must hear about go through the background protocol.
 */
import type { AnnotationRecord as StoredAnnotation, PledgeRecord as StoredPledge, PledgeStatus, ReportRecord } from '../../storage/types';
import { getDb } from '../../storage/db';
import { warmSearchIndex } from '../../storage/search';
import * as repo from '../../storage/repo';
import { exportFile, type ExportFormat, type SkippedRecord } from '../../storage/export';
import { importData as importStored } from '../../storage/import';
import { countOccurrences, loadSearchFold, splitQuery, type Fold } from '../../core/search-text';
import { toBackground, toPage } from '../../shared/messaging';
import type { PageItems } from '../../shared/messages';
import { isEarlierPledgeOfRegion } from '../../core/pledges/region';

export type { PledgeStatus };
export const PLEDGE_STATUSES: PledgeStatus[] = ['pending', 'met', 'missed', 'unclear'];

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

/**
 * The page's items, with the saved pledges of earlier reports of its region that it seems
 * to report on. The panel picks those pledges and sends the page only their text and
 * figure: a content script never reads the library (see background/scope.ts).
 */
export async function loadPageItems(tabId: number): Promise<PageItems> {
  const items = await toPage(tabId, 'page:items', {});
  const candidates = (await repo.listPledges()).filter((p) => isEarlierPledgeOfRegion(p, items.report, items.reportId));
  if (!candidates.length) return items;
  const pledgeMatches = await toPage(tabId, 'page:match-pledges', { pledges: candidates.map(({ id, text, figure }) => ({ id, text, figure })) });
  return { ...items, pledgeMatches };
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

// ---- search -------------------------------------------------------------

export interface SearchHit {
  kind: 'annotation' | 'pledge';
  id: string;
  /** The quoted or pledge text. */
  text: string;
  note: string;
  tags: string[];
  url: string;
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
  return { kind: 'annotation', id: a.id, text: a.exact, note: a.note, tags: a.tags, url: a.url, reportId: a.reportId };
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
    .map((p) => ({ kind: 'pledge' as const, id: p.id, text: p.text, note: p.note, tags: [], url: '', reportId: p.reportId }));
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

const EXPORT_FILES: Record<ExportFormat, { type: string; ext: string }> = {
  markdown: { type: 'text/markdown;charset=utf-8', ext: 'md' },
  // toCsv starts with a BOM, so Excel reads the CSV as UTF-8 instead of the system code page.
  csv: { type: 'text/csv;charset=utf-8', ext: 'csv' },
  jsonld: { type: 'application/ld+json', ext: 'jsonld' },
  backup: { type: 'application/json', ext: 'json' },
};

/** The file to download, and the stored records it had to leave out (shown to the reader). */
export async function exportData(format: ExportFormat): Promise<{ blob: Blob; filename: string; skipped: SkippedRecord[] }> {
  const spec = EXPORT_FILES[format];
  const { text, skipped } = await exportFile(format);
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
