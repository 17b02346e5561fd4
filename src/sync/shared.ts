/**
 * Read-only sources: a second WebDAV folder (a teacher's shared Nextcloud
 * folder) whose notes are shown as their own layer. Pulled like the reader's
 * own folder, through a Remote made read-only (it cannot write at all), into
 * tables of their own, so nothing of it is ever pushed anywhere.
 */
import { canonicalUrl } from '../core/fingerprint';
import type { GovLensDB } from '../storage/db';
import type { SharedAnnotationRecord, SharedReportRecord, SyncDoc } from '../storage/types';
import type { Codec } from './layout';
import { pull } from './pull';
import type { Remote } from './remote';

export const sharedPullState = (sourceId: string) => `shared:${sourceId}:pull`;

export async function pullShared(db: GovLensDB, remote: Remote, codec: Codec, sourceId: string): Promise<{ fetched: number; changed: number }> {
  if (!remote.readOnly) throw new Error('a shared source is read through a read-only Remote');
  let changed = 0;
  const res = await pull(db, remote, codec, {
    stateKey: sharedPullState(sourceId),
    knownEtags: async () => {
      const [a, r] = await Promise.all([db.sharedAnnotations.where('sourceId').equals(sourceId).toArray(), db.sharedReports.where('sourceId').equals(sourceId).toArray()]);
      return new Map([...a, ...r].map((x) => [x.path, x.etag]));
    },
    apply: async (doc, etag, path) => {
      if (await applyShared(db, sourceId, doc, etag, path)) changed++;
    },
  });
  return { fetched: res.fetched, changed };
}

async function applyShared(db: GovLensDB, sourceId: string, doc: SyncDoc, etag: string | null, path: string): Promise<boolean> {
  const key = `${sourceId}/${doc.id}`;
  if (doc.kind === 'reports') {
    if (doc.deleted) return (await db.sharedReports.where('key').equals(key).delete()) > 0;
    const f = doc.fields as { canonicalUrl?: string; urls?: string[]; title?: string };
    const urls = [...new Set([f.canonicalUrl, ...(f.urls ?? [])].filter((u): u is string => !!u).map(canonicalUrl))];
    const record: SharedReportRecord = { key, sourceId, id: doc.id, title: f.title ?? '', urls, path, etag };
    await db.sharedReports.put(record);
    return true;
  }
  if (doc.kind !== 'annotations') return false;
  if (doc.deleted) return (await db.sharedAnnotations.where('key').equals(key).delete()) > 0;
  const f = doc.fields as Pick<SharedAnnotationRecord, 'reportId' | 'url' | 'quote' | 'position' | 'exact' | 'note' | 'tags'>;
  await db.sharedAnnotations.put({
    key, sourceId, id: doc.id, reportId: f.reportId, url: canonicalUrl(f.url), quote: f.quote, position: f.position,
    exact: f.exact ?? f.quote.exact, note: f.note ?? '', tags: f.tags ?? [], modified: doc.modified, path, etag,
  });
  return true;
}

/** Notes of every read-only source on a page: by the report's URLs (any mirror) or the page's own. */
export async function sharedForUrls(db: GovLensDB, urls: string[]): Promise<SharedAnnotationRecord[]> {
  const canon = [...new Set(urls.map(canonicalUrl))];
  const reports = await db.sharedReports.where('urls').anyOf(canon).toArray();
  const byReport = await Promise.all(reports.map((r) => db.sharedAnnotations.where('[sourceId+reportId]').equals([r.sourceId, r.id]).toArray()));
  const byUrl = await db.sharedAnnotations.where('url').anyOf(canon).toArray();
  const seen = new Map<string, SharedAnnotationRecord>();
  for (const a of [...byReport.flat(), ...byUrl]) seen.set(a.key, a);
  return [...seen.values()];
}

/** Forgets a source entirely (the reader removed it). */
export async function forgetShared(db: GovLensDB, sourceId: string): Promise<void> {
  await db.transaction('rw', db.sharedAnnotations, db.sharedReports, db.syncMeta, async () => {
    await db.sharedAnnotations.where('sourceId').equals(sourceId).delete();
    await db.sharedReports.where('sourceId').equals(sourceId).delete();
    await db.syncMeta.delete(sharedPullState(sourceId));
  });
}
