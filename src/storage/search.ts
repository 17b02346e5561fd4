import Dexie from 'dexie';
import { countOccurrences, loadSearchFold, splitQuery, type Fold } from '../core/search-text';
import type { GovLensDB } from './db';
import type { AnnotationRecord } from './types';

/**
 * Full-text search over annotation quotes, notes and tags. Chinese has no word breaks, so
 * terms are matched as substrings of a folded copy of each annotation (Traditional →
 * Simplified, full-width → half-width, lower case); whitespace-separated terms are ANDed.
 *
 * The folded strings live in an in-memory index built once per JS context and rebuilt
 * lazily after any write to the annotations table (local writes via table hooks, writes from
 * other extension pages via Dexie's cross-context 'storagemutated' event).
 */

export interface SearchOptions {
  limit?: number;
  reportId?: string;
}

export interface SearchHit {
  annotation: AnnotationRecord;
  /** Total occurrences of all query terms. */
  hits: number;
}

/** Separates fields so a term never matches across quote/note/tags boundaries. */
const FIELD_SEP = '\u0001';

interface Entry {
  record: AnnotationRecord;
  folded: string;
}

export function searchableText(a: Pick<AnnotationRecord, 'exact' | 'note' | 'tags'>): string {
  return [a.exact, a.note, ...a.tags].join(FIELD_SEP);
}

class SearchIndex {
  private entries: Entry[] | null = null;
  private building: Promise<Entry[]> | null = null;
  private generation = 0;

  constructor(private readonly db: GovLensDB) {
    const invalidate = () => this.invalidate();
    db.annotations.hook('creating', invalidate);
    db.annotations.hook('updating', invalidate);
    db.annotations.hook('deleting', invalidate);
    const onMutated = (parts: Record<string, unknown>) => {
      const prefix = `idb://${db.name}/annotations/`;
      if (Object.keys(parts).some((k) => k.startsWith(prefix))) invalidate();
    };
    Dexie.on('storagemutated', onMutated);
    db.on('close', () => Dexie.on('storagemutated').unsubscribe(onMutated));
  }

  invalidate(): void {
    this.generation++;
    this.entries = null;
    this.building = null;
  }

  async get(fold: Fold): Promise<Entry[]> {
    if (this.entries) return this.entries;
    if (!this.building) {
      const gen = this.generation;
      this.building = this.db.annotations.toArray().then((records) => {
        const entries = records.map((record) => ({ record, folded: fold(searchableText(record)) }));
        if (gen === this.generation) this.entries = entries;
        return entries;
      });
    }
    return this.building;
  }
}

const indexes = new WeakMap<GovLensDB, SearchIndex>();

function indexFor(db: GovLensDB): SearchIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new SearchIndex(db);
    indexes.set(db, index);
  }
  return index;
}

/** Build (or reuse) the index now, e.g. when the side panel opens, so the first query is fast. */
export async function warmSearchIndex(db: GovLensDB): Promise<void> {
  await indexFor(db).get(await loadSearchFold());
}

export async function searchAnnotations(db: GovLensDB, query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  const fold = await loadSearchFold();
  const index = indexFor(db);
  const entries = await index.get(fold);
  return rank(entries, splitQuery(query, fold), options);
}

function rank(entries: Entry[], terms: string[], { limit = 50, reportId }: SearchOptions): SearchHit[] {
  if (terms.length === 0) return [];
  const hits: SearchHit[] = [];
  outer: for (const { record, folded } of entries) {
    if (reportId && record.reportId !== reportId) continue;
    let total = 0;
    for (const term of terms) {
      const n = countOccurrences(folded, term);
      if (n === 0) continue outer;
      total += n;
    }
    hits.push({ annotation: record, hits: total });
  }
  hits.sort((a, b) => b.hits - a.hits || b.annotation.updatedAt - a.annotation.updatedAt);
  return hits.slice(0, limit);
}
