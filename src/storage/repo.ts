/**
 * The storage API the background message handler calls. Every function takes the database
 * last (defaulting to the shared one) so tests can pass a fresh instance. All failures are
 * thrown as StorageError; every multi-record write is one transaction.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../core/anchoring/types';
import { canonicalUrl, fingerprint as computeFingerprint, similarity } from '../core/fingerprint';
import { regionKey, sameRegion } from '../core/pledges/region';
import type { Direction, PledgeKind } from '../core/pledges/types';
import { getDb, type GovLensDB } from './db';
import { StorageError, guard } from './errors';
import { monotonicNow, newId } from './ids';
import { searchAnnotations, type SearchHit, type SearchOptions } from './search';
import type {
  AnnotationOrigin,
  AnnotationRecord,
  GlossaryRecord,
  PledgeEvidence,
  PledgeFigure,
  PledgeRecord,
  PledgeStatus,
  ReportRecord,
} from './types';
import { checkAnnotation, checkPledge, normalizeTags } from './validate';

/** Fingerprint similarity above which two pages are taken to be the same report. */
export const SAME_REPORT_SIMILARITY = 0.8;

function invalid(message: string): StorageError {
  return new StorageError('invalid', message);
}

// ---------------------------------------------------------------- reports

export interface ReportInfo {
  url: string;
  title?: string;
  region?: string;
  year?: number | null;
  /** The repaired main text; used to compute the fingerprint if none is given. */
  text?: string;
  fingerprint?: string;
}

/**
 * Find the report this page belongs to, or create it: same canonical URL first, else a
 * report whose fingerprint is similar enough (a mirror on another site), whose URL list
 * then gains this page's URL.
 */
export function upsertReport(info: ReportInfo, db: GovLensDB = getDb()): Promise<ReportRecord> {
  const url = canonicalUrl(info.url);
  if (!url) return Promise.reject(invalid('A report needs a URL.'));
  const fp = info.fingerprint ?? (info.text ? computeFingerprint(info.text) : '');
  return guard(() =>
    db.transaction('rw', db.reports, async () => {
      const now = monotonicNow();
      let report = await db.reports.where('urls').equals(url).first();
      if (!report && fp) {
        let best = 0;
        await db.reports.each((r) => {
          if (!r.fingerprint) return;
          const s = similarity(fp, r.fingerprint);
          if (s >= SAME_REPORT_SIMILARITY && s > best) {
            best = s;
            report = r;
          }
        });
      }
      if (!report) {
        const created: ReportRecord = {
          id: newId(),
          canonicalUrl: url,
          urls: [url],
          title: info.title ?? '',
          region: info.region ?? '',
          regionKey: regionKey(info.region ?? ''),
          year: info.year ?? null,
          fingerprint: fp,
          createdAt: now,
          updatedAt: now,
        };
        await db.reports.add(created);
        return created;
      }
      const r: ReportRecord = report;
      const updated: ReportRecord = {
        ...r,
        urls: r.urls.includes(url) ? r.urls : [...r.urls, url],
        title: r.title || info.title || '',
        region: r.region || info.region || '',
        regionKey: r.regionKey || regionKey(r.region || info.region || ''),
        year: r.year ?? info.year ?? null,
        fingerprint: r.fingerprint || fp,
        updatedAt: now,
      };
      await db.reports.put(updated);
      return updated;
    }),
  );
}

export function getReport(id: string, db: GovLensDB = getDb()): Promise<ReportRecord | undefined> {
  return guard(() => db.reports.get(id));
}

export function findReportByUrl(url: string, db: GovLensDB = getDb()): Promise<ReportRecord | undefined> {
  return guard(() => db.reports.where('urls').equals(canonicalUrl(url)).first());
}

/** Ids of the reports a page address belongs to (its own, and any it is a mirror of). */
export function reportIdsForUrl(url: string, db: GovLensDB = getDb()): Promise<string[]> {
  return guard(() => db.reports.where('urls').equals(canonicalUrl(url)).primaryKeys());
}

export function listReports(db: GovLensDB = getDb()): Promise<ReportRecord[]> {
  return guard(() => db.reports.orderBy('updatedAt').reverse().toArray());
}

// ---------------------------------------------------------------- annotations

export interface NewAnnotation {
  /**
   * Chosen by the page, so a save retried after a lost reply (the service worker stopped
   * between the write and its answer) finds its first attempt instead of saving twice.
   */
  id?: string;
  reportId: string;
  url: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  note?: string;
  tags?: string[];
  color?: string;
  origin?: AnnotationOrigin;
}

export function addAnnotation(input: NewAnnotation, db: GovLensDB = getDb()): Promise<AnnotationRecord> {
  const now = monotonicNow();
  const record: AnnotationRecord = {
    id: input.id ?? newId(),
    reportId: input.reportId,
    url: input.url,
    quote: { ...input.quote },
    position: { ...input.position },
    exact: input.quote?.exact,
    note: input.note ?? '',
    tags: normalizeTags(input.tags),
    color: input.color ?? 'yellow',
    createdAt: now,
    updatedAt: now,
    orphan: false,
    origin: input.origin ?? 'user',
  };
  const problem = checkAnnotation(record) ?? (record.exact ? null : 'the quote is empty');
  if (problem) return Promise.reject(invalid(`Annotation not saved: ${problem}.`));
  return guard(() =>
    db.transaction('rw', db.annotations, async () => {
      const earlier = input.id ? await db.annotations.get(input.id) : undefined;
      if (earlier) {
        // The same save again (a retry): answer with what the first attempt stored.
        if (earlier.reportId === record.reportId && earlier.exact === record.exact) return earlier;
        throw invalid(`Annotation not saved: id ${input.id} is taken.`);
      }
      await db.annotations.add(record);
      return record;
    }),
  );
}

export type AnnotationPatch = Partial<Pick<AnnotationRecord, 'note' | 'tags' | 'color' | 'quote' | 'position' | 'orphan'>>;

export function updateAnnotation(id: string, patch: AnnotationPatch, db: GovLensDB = getDb()): Promise<AnnotationRecord> {
  return guard(() =>
    db.transaction('rw', db.annotations, async () => {
      const current = await db.annotations.get(id);
      if (!current) throw invalid(`No annotation with id ${id}.`);
      // Only what a reader can change: a patch never moves a highlight to another report or page.
      const { note, tags, color, quote, position, orphan } = patch;
      const allowed = Object.fromEntries(Object.entries({ note, tags, color, quote, position, orphan }).filter(([, v]) => v !== undefined));
      const next: AnnotationRecord = { ...current, ...allowed, updatedAt: monotonicNow() };
      if (patch.tags) next.tags = normalizeTags(patch.tags);
      if (patch.quote) next.exact = patch.quote.exact;
      const problem = checkAnnotation(next);
      if (problem) throw invalid(`Annotation not saved: ${problem}.`);
      await db.annotations.put(next);
      return next;
    }),
  );
}

export function getAnnotations(ids: readonly string[], db: GovLensDB = getDb()): Promise<(AnnotationRecord | undefined)[]> {
  return guard(() => db.annotations.bulkGet(ids as string[]));
}

export function deleteAnnotation(id: string, db: GovLensDB = getDb()): Promise<void> {
  return guard(() => db.annotations.delete(id));
}

/**
 * A report's annotations, oldest first. With `limit`, one page: those after `after` (the last
 * of the previous page; equal creation times are ordered by id), so a report with ten
 * thousand notes travels to its page in messages small enough to decode in a short task.
 */
export function listAnnotations(
  reportId: string,
  db: GovLensDB = getDb(),
  page: { after?: { createdAt: number; id: string }; limit?: number } = {},
): Promise<AnnotationRecord[]> {
  return guard(async () => {
    const { after, limit } = page;
    const range = db.annotations.where('[reportId+createdAt]').between([reportId, after ? after.createdAt : -Infinity], [reportId, Infinity], true, true);
    // The whole list in one getAll(); a page walks a cursor from its start, at most `limit` rows past it.
    if (!after && limit === undefined) return range.toArray();
    return range
      .filter((a) => !after || a.createdAt > after.createdAt || a.id > after.id)
      .limit(limit ?? Infinity)
      .toArray();
  });
}

export function listAnnotationsByTag(tag: string, db: GovLensDB = getDb()): Promise<AnnotationRecord[]> {
  return guard(() => db.annotations.where('tags').equals(tag).toArray());
}

/** Set the orphan flag on many annotations at once (after re-anchoring). Returns how many changed. */
export function markOrphans(ids: readonly string[], orphan: boolean, db: GovLensDB = getDb()): Promise<number> {
  return guard(() =>
    db.transaction('rw', db.annotations, async () => {
      const rows = await db.annotations.bulkGet(ids as string[]);
      const changed = rows.filter((a): a is AnnotationRecord => !!a && a.orphan !== orphan).map((a) => ({ ...a, orphan }));
      await db.annotations.bulkPut(changed);
      return changed.length;
    }),
  );
}

export function searchNotes(query: string, options: SearchOptions = {}, db: GovLensDB = getDb()): Promise<SearchHit[]> {
  return guard(() => searchAnnotations(db, query, options));
}
export { searchNotes as search };

// ---------------------------------------------------------------- pledges

export interface NewPledge {
  reportId: string;
  text: string;
  region?: string;
  year?: number | null;
  dueYear?: number | null;
  kind?: PledgeKind;
  area?: string[];
  figure?: PledgeFigure | null;
  direction?: Direction | null;
  status?: PledgeStatus;
  note?: string;
  selectors?: PledgeRecord['selectors'];
}

export function addPledge(input: NewPledge, db: GovLensDB = getDb()): Promise<PledgeRecord> {
  const now = monotonicNow();
  const status = input.status ?? 'pending';
  const record: PledgeRecord = {
    id: newId(),
    reportId: input.reportId,
    text: input.text,
    region: input.region ?? '',
    regionKey: regionKey(input.region ?? ''),
    year: input.year ?? null,
    dueYear: input.dueYear ?? null,
    kind: input.kind ?? (input.figure ? 'target' : 'action'),
    area: input.area ?? [],
    figure: input.figure ?? null,
    direction: input.direction ?? null,
    status,
    note: input.note ?? '',
    evidence: [],
    history: status === 'pending' ? [] : [{ status, at: now }],
    selectors: input.selectors ?? null,
    createdAt: now,
    updatedAt: now,
  };
  const problem = checkPledge(record);
  if (problem) return Promise.reject(invalid(`Pledge not saved: ${problem}.`));
  return guard(async () => {
    await db.pledges.add(record);
    return record;
  });
}

/** Fields the reader may change; status changes go to the history, region changes re-key the pledge. */
export type PledgePatch = Partial<Omit<PledgeRecord, 'id' | 'createdAt' | 'updatedAt' | 'regionKey' | 'history' | 'evidence'>>;

export function updatePledge(id: string, patch: PledgePatch, db: GovLensDB = getDb()): Promise<PledgeRecord> {
  return changePledge(id, db, (current, now) => {
    // A patch never moves a pledge to another report.
    const { reportId: _keepReport, ...rest } = patch;
    const next: PledgeRecord = { ...current, ...rest };
    if (patch.region !== undefined) next.regionKey = regionKey(patch.region);
    if (patch.status && patch.status !== current.status) next.history = [...current.history, { status: patch.status, at: now }];
    return next;
  });
}

/**
 * Reads a pledge, applies `change` and writes it back, in one transaction: the id, the creation time and
 * a fresh updatedAt are kept whatever `change` returns, and every write is checked like a new pledge.
 */
function changePledge(id: string, db: GovLensDB, change: (current: PledgeRecord, now: number) => PledgeRecord): Promise<PledgeRecord> {
  return guard(() =>
    db.transaction('rw', db.pledges, async () => {
      const current = await db.pledges.get(id);
      if (!current) throw invalid(`No pledge with id ${id}.`);
      const now = monotonicNow();
      const next: PledgeRecord = { ...change(current, now), id, createdAt: current.createdAt, updatedAt: now };
      const problem = checkPledge(next);
      if (problem) throw invalid(`Pledge not saved: ${problem}.`);
      await db.pledges.put(next);
      return next;
    }),
  );
}

export function getPledges(ids: readonly string[], db: GovLensDB = getDb()): Promise<(PledgeRecord | undefined)[]> {
  return guard(() => db.pledges.bulkGet(ids as string[]));
}

/**
 * The reader's verdict on a pledge, with the later report's sentence it rests on: the status is set, the
 * evidence kept (once per sentence and report) and the change recorded in the history.
 */
export function ratePledge(id: string, status: PledgeStatus, evidence?: Omit<PledgeEvidence, 'at'>, db: GovLensDB = getDb()): Promise<PledgeRecord> {
  return changePledge(id, db, (current, now) => {
    const known = evidence && current.evidence.some((e) => e.sentence === evidence.sentence && e.reportId === evidence.reportId);
    return {
      ...current,
      status,
      evidence: evidence && !known ? [...current.evidence, { ...evidence, at: now }] : current.evidence,
      history: status !== current.status ? [...current.history, { status, at: now }] : current.history,
    };
  });
}

/** Removes one piece of evidence (the reader thinks it does not report on the pledge after all). */
export function dropEvidence(id: string, sentence: string, db: GovLensDB = getDb()): Promise<PledgeRecord> {
  return changePledge(id, db, (current) => ({ ...current, evidence: current.evidence.filter((e) => e.sentence !== sentence) }));
}

export function deletePledge(id: string, db: GovLensDB = getDb()): Promise<void> {
  return guard(() => db.pledges.delete(id));
}

export interface PledgeFilter {
  /** A region as any report names it (厦门市湖里区 finds the pledges saved under 湖里区). */
  region?: string;
  year?: number;
  status?: PledgeStatus;
  reportId?: string;
  kind?: PledgeKind;
  dueYear?: number;
}

/** Pledges matching every given filter, by due year (undated last), then creation time. */
export function listPledges(filter: PledgeFilter = {}, db: GovLensDB = getDb()): Promise<PledgeRecord[]> {
  return guard(async () => {
    const { region, year, status, reportId, kind, dueYear } = filter;
    const key = region !== undefined ? regionKey(region) : undefined;
    const base =
      key !== undefined && year !== undefined
        ? db.pledges.where('[regionKey+year]').equals([key, year])
        : reportId !== undefined
          ? db.pledges.where('reportId').equals(reportId)
          : status !== undefined
            ? db.pledges.where('status').equals(status)
            : db.pledges.toCollection();
    const rows = await base
      .filter(
        (p) =>
          (region === undefined || sameRegion(p.region, region)) &&
          (year === undefined || p.year === year) &&
          (status === undefined || p.status === status) &&
          (reportId === undefined || p.reportId === reportId) &&
          (kind === undefined || p.kind === kind) &&
          (dueYear === undefined || p.dueYear === dueYear),
      )
      .toArray();
    const due = (p: PledgeRecord) => p.dueYear ?? Number.POSITIVE_INFINITY;
    return rows.sort((a, b) => due(a) - due(b) || a.createdAt - b.createdAt);
  });
}

// ---------------------------------------------------------------- glossary and settings

/** Replace the user's glossary entries with these (one transaction). */
export function setUserGlossary(
  entries: readonly { term: string; definition: string }[],
  db: GovLensDB = getDb(),
): Promise<GlossaryRecord[]> {
  const now = monotonicNow();
  const records = new Map<string, GlossaryRecord>();
  for (const e of entries) {
    const term = e.term.trim();
    if (!term) return Promise.reject(invalid('A glossary entry has an empty term.'));
    records.set(term, { term, definition: e.definition, updatedAt: now });
  }
  return guard(() =>
    db.transaction('rw', db.glossary, async () => {
      await db.glossary.clear();
      await db.glossary.bulkAdd([...records.values()]);
      return [...records.values()];
    }),
  );
}

/** Add or change one user glossary entry. */
export function setGlossaryTerm(term: string, definition: string, db: GovLensDB = getDb()): Promise<GlossaryRecord> {
  const t = term.trim();
  if (!t) return Promise.reject(invalid('A glossary entry has an empty term.'));
  const record = { term: t, definition, updatedAt: monotonicNow() };
  return guard(async () => {
    await db.glossary.put(record);
    return record;
  });
}

export function deleteGlossaryTerm(term: string, db: GovLensDB = getDb()): Promise<void> {
  return guard(() => db.glossary.delete(term.trim()));
}

export function getUserGlossary(db: GovLensDB = getDb()): Promise<GlossaryRecord[]> {
  return guard(() => db.glossary.orderBy('term').toArray());
}

export function getSetting<T>(key: string, fallback: T, db: GovLensDB = getDb()): Promise<T> {
  return guard(async () => ((await db.settings.get(key))?.value as T | undefined) ?? fallback);
}

export function setSetting(key: string, value: unknown, db: GovLensDB = getDb()): Promise<void> {
  return guard(async () => {
    await db.settings.put({ key, value });
  });
}
