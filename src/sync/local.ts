/**
 * The local side of a sync: reading a record as a doc, and bringing a pulled
 * version in (merge, write, conflict copies, the next push queued) in one
 * Dexie transaction, so a crash leaves either all of it or none.
 */
import type { Table } from 'dexie';
import type { GovLensDB } from '../storage/db';
import { monotonicNow, newId } from '../storage/ids';
import { markApplying, outboxKey } from '../storage/outbox';
import type { OutboxEntry, ReportRecord, SyncDoc, SyncKind, SyncStateRecord } from '../storage/types';
import { docToRecord, localDoc, recordFields, sameContent } from './doc';
import { merge } from './merge';

export const META_DEVICE = 'device';
export const META_TRACKING = 'tracking';
export const META_ALIAS = 'reportAlias';

export function tableOf(db: GovLensDB, kind: SyncKind): Table<Record<string, unknown>, string> {
  return db[kind] as unknown as Table<Record<string, unknown>, string>;
}

export async function getMeta<T>(db: GovLensDB, key: string, fallback: T): Promise<T> {
  return ((await db.syncMeta.get(key))?.value as T | undefined) ?? fallback;
}

export async function setMeta(db: GovLensDB, key: string, value: unknown): Promise<void> {
  await db.syncMeta.put({ key, value });
}

/** This database's device id, made on first use. */
export async function deviceId(db: GovLensDB): Promise<string> {
  const id = await getMeta<string | null>(db, META_DEVICE, null);
  if (id) return id;
  const made = newId();
  await setMeta(db, META_DEVICE, made);
  return made;
}

/** Every field of a record stamped now: it goes out whole. */
function wholeEntry(kind: SyncKind, id: string, record: Record<string, unknown>, at: number): OutboxEntry {
  const stamps: Record<string, number> = {};
  for (const f of Object.keys(recordFields(kind, record))) stamps[f] = at;
  return { key: outboxKey(kind, id), kind, id, deleted: false, stamps, at };
}

/** Fields of `doc` whose value differs from `other`'s. */
function differing(doc: SyncDoc, other: SyncDoc): string[] {
  return Object.keys(doc.fields).filter((f) => JSON.stringify(doc.fields[f]) !== JSON.stringify(other.fields[f]));
}

/**
 * Queues every record that has never been pushed: run when sync is switched on
 * (tracking starts then, so earlier work is not in the outbox).
 */
export async function enqueueUnsynced(db: GovLensDB): Promise<number> {
  let n = 0;
  const kinds: SyncKind[] = ['reports', 'annotations', 'pledges', 'glossary'];
  await db.transaction('rw', [db.reports, db.annotations, db.pledges, db.glossary, db.outbox, db.syncState], async () => {
    const synced = new Set(await db.syncState.toCollection().primaryKeys());
    const queued = new Set(await db.outbox.toCollection().primaryKeys());
    for (const kind of kinds) {
      const key = kind === 'glossary' ? 'term' : 'id';
      const rows = (await tableOf(db, kind).toArray()).filter((r) => !synced.has(outboxKey(kind, String(r[key]))) && !queued.has(outboxKey(kind, String(r[key]))));
      await db.outbox.bulkPut(rows.map((r) => wholeEntry(kind, String(r[key]), r, (r.updatedAt as number) ?? monotonicNow())));
      n += rows.length;
    }
  });
  return n;
}

export interface IntegrateResult {
  /** The local record changed (the page should repaint). */
  changed: boolean;
  /** A push is queued for this record. */
  queued: boolean;
  conflicts: number;
}

/**
 * Brings one pulled version in: three-way merge against the last synced
 * version when the remote descends from it, field stamps otherwise; writes the
 * result, keeps conflicting note texts as copies, and queues a push when the
 * merge holds something the server lacks.
 */
export async function integrate(db: GovLensDB, remote: SyncDoc, etag: string | null, path: string, device: string): Promise<IntegrateResult> {
  const kind = remote.kind;
  const key = outboxKey(kind, remote.id);
  const table = tableOf(db, kind);
  return db.transaction('rw', [db.reports, db.annotations, db.pledges, db.glossary, db.outbox, db.syncState, db.syncMeta], async (tx) => {
    markApplying(tx.idbtrans);
    const [state, entry] = await Promise.all([db.syncState.get(key), db.outbox.get(key)]);
    const saveState = (base: SyncDoc) => db.syncState.put({ key, kind, id: remote.id, etag, base, path } as SyncStateRecord);
    if (state && state.base.revs[0] === remote.revs[0]) {
      await saveState(state.base);
      return { changed: false, queued: !!entry, conflicts: 0 };
    }
    const alias = await getMeta<Record<string, string>>(db, META_ALIAS, {});
    const incoming = redirectReport(remote, alias);
    const record = await table.get(remote.id);
    const local = localDoc({ kind, id: remote.id, record, outbox: entry, base: state?.base, device });
    const base = state && incoming.revs.includes(state.base.revs[0]) ? state.base : undefined;
    const m = merge({ local, remote: incoming, base, localPending: !!entry || incoming !== remote, me: device });
    // Redirected to the report kept here, the merge differs from the server's copy even when it
    // equals `incoming`: it must go out, or other devices keep the note under the report merged away.
    const push = m.push || (incoming !== remote && !m.doc.deleted && !sameContent(m.doc, remote));
    const now = monotonicNow();
    let changed = false;
    let mergedAway = false;
    if (m.apply) {
      changed = true;
      if (m.doc.deleted) await table.delete(remote.id);
      else if (kind === 'reports') mergedAway = !(await putReport(db, docToRecord(m.doc, record) as unknown as ReportRecord, alias, now));
      else await table.put(docToRecord(m.doc, record));
    }
    await saveState(remote);
    if (mergedAway) {
      // Its tombstone is queued already.
    } else if (push) {
      const stamps: Record<string, number> = {};
      for (const f of differing(m.doc, remote)) stamps[f] = m.doc.stamps[f]?.t ?? now;
      await db.outbox.put({ key, kind, id: remote.id, deleted: !!m.doc.deleted, stamps, at: now });
    } else if (entry) await db.outbox.delete(key);
    for (const c of m.conflicts) {
      const copy = { ...docToRecord(m.doc, record), id: newId(), [c.field]: c.text, conflictOf: remote.id, createdAt: now, updatedAt: now, orphan: false };
      await table.put(copy);
      await db.outbox.put(wholeEntry(kind, copy.id as string, copy, now));
      changed = true;
    }
    return { changed, queued: push, conflicts: m.conflicts.length };
  });
}

/** A pulled note or pledge of a report merged into another one here points at the one kept. */
function redirectReport(doc: SyncDoc, alias: Record<string, string>): SyncDoc {
  const rid = doc.fields.reportId;
  if ((doc.kind !== 'annotations' && doc.kind !== 'pledges') || typeof rid !== 'string' || !alias[rid]) return doc;
  return { ...doc, fields: { ...doc.fields, reportId: alias[rid] } };
}

/**
 * Writes a pulled report. Two devices that opened the same report before
 * syncing made two records for it (same URL, different ids): every device
 * keeps the one with the smaller id, moves the other's notes and pledges over,
 * deletes it everywhere (a tombstone), and remembers the alias.
 */
async function putReport(db: GovLensDB, incoming: ReportRecord, alias: Record<string, string>, now: number): Promise<boolean> {
  const urls = [...new Set([incoming.canonicalUrl, ...incoming.urls])];
  const clash = (await db.reports.where('urls').anyOf(urls).toArray()).filter((r) => r.id !== incoming.id);
  const sameCanonical = await db.reports.where('canonicalUrl').equals(incoming.canonicalUrl).first();
  if (sameCanonical && sameCanonical.id !== incoming.id && !clash.some((r) => r.id === sameCanonical.id)) clash.push(sameCanonical);
  if (!clash.length) {
    await db.reports.put(incoming);
    return true;
  }
  const all = [incoming, ...clash];
  const keep = all.reduce((a, b) => (a.id < b.id ? a : b));
  const merged: ReportRecord = { ...keep, urls: [...new Set(all.flatMap((r) => r.urls))], title: keep.title || all.find((r) => r.title)?.title || '' };
  for (const gone of all.filter((r) => r.id !== keep.id)) {
    alias[gone.id] = keep.id;
    for (const kind of ['annotations', 'pledges'] as const) {
      const moved = await tableOf(db, kind).where('reportId').equals(gone.id).toArray();
      for (const r of moved) {
        await tableOf(db, kind).put({ ...r, reportId: keep.id });
        const k = outboxKey(kind, r.id as string);
        const prev = await db.outbox.get(k);
        await db.outbox.put({ key: k, kind, id: r.id as string, deleted: false, stamps: { ...(prev?.stamps ?? {}), reportId: now }, at: now });
      }
    }
    await db.reports.delete(gone.id);
    const k = outboxKey('reports', gone.id);
    const known = await db.syncState.get(k);
    if (gone === incoming || known) await db.outbox.put({ key: k, kind: 'reports', id: gone.id, deleted: true, stamps: {}, at: now });
    else await db.outbox.delete(k);
  }
  // Other ids' URLs would break the unique canonical URL: write the kept one after the others are gone.
  await db.reports.put(merged);
  if (keep !== incoming || merged.urls.length !== incoming.urls.length) {
    const k = outboxKey('reports', keep.id);
    const prev = await db.outbox.get(k);
    await db.outbox.put({ key: k, kind: 'reports', id: keep.id, deleted: false, stamps: { ...(prev?.stamps ?? {}), urls: now }, at: now });
  }
  await db.syncMeta.put({ key: META_ALIAS, value: alias });
  return keep === incoming;
}
