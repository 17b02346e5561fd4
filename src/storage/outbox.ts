/**
 * The sync outbox, kept by a Dexie middleware: every write to the user's tables
 * (from the background, the side panel or an import) adds or updates one outbox
 * row per changed record, in the same transaction, with the time each field
 * changed. A push reads the outbox; nothing has to remember to call it.
 *
 * Tracking is on only while sync is set up (syncMeta 'tracking'), so a reader
 * who never syncs pays one small read per write transaction and stores nothing.
 * Writes that apply what a pull brought are marked (markApplying) and not
 * tracked, or every pulled change would be pushed straight back.
 */
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import { monotonicNow } from './ids';
import type { OutboxEntry, SyncKind } from './types';

export const TRACKED_TABLES: Record<string, SyncKind> = {
  reports: 'reports',
  annotations: 'annotations',
  pledges: 'pledges',
  glossary: 'glossary',
};

/** Fields that describe this device's view of a record, not the record: never synced, never a change. */
export const LOCAL_FIELDS = new Set(['orphan', 'updatedAt', 'createdAt']);

const applying = new WeakSet<object>();

/** Marks a transaction (Dexie's `tx.idbtrans`) as applying pulled changes: its writes are not tracked. */
export function markApplying(idbtrans: object): void {
  applying.add(idbtrans);
}

type Listener = () => void;
let listener: Listener | null = null;

/** Called (at most once per write) after a tracked change, so the background can schedule a push. */
export function onTrackedChange(fn: Listener | null): void {
  listener = fn;
}

export const outboxKey = (kind: SyncKind, id: string) => `${kind}/${id}`;

/** The fields of a record whose value differs between two versions (local-only fields ignored). */
export function changedFields(before: Record<string, unknown> | undefined, after: Record<string, unknown>, primaryKey: string): string[] {
  const out: string[] = [];
  const names = new Set([...Object.keys(after), ...Object.keys(before ?? {})]);
  for (const f of names) {
    if (f === primaryKey || LOCAL_FIELDS.has(f)) continue;
    if (!before || JSON.stringify(before[f]) !== JSON.stringify(after[f])) out.push(f);
  }
  return out;
}

interface Change {
  /** Position in the request (failures are reported by it). */
  index: number;
  id: string;
  deleted: boolean;
  fields: string[];
}

async function isTracking(down: DBCore, trans: DBCoreTransaction): Promise<boolean> {
  const row = (await down.table('syncMeta').get({ trans, key: 'tracking' })) as { value?: unknown } | undefined;
  return row?.value === true;
}

/** What a mutation is about to change, read before it runs. */
async function describeChanges(table: DBCoreTable, req: DBCoreMutateRequest): Promise<Change[]> {
  const pk = table.schema.primaryKey;
  const keyPath = typeof pk.keyPath === 'string' ? pk.keyPath : '';
  if (req.type === 'add' || req.type === 'put') {
    const keys = req.keys ?? req.values.map((v) => pk.extractKey!(v));
    const before = req.type === 'put' ? await table.getMany({ trans: req.trans, keys }) : [];
    const changes: Change[] = [];
    req.values.forEach((v, i) => {
      const fields = changedFields(before[i] as Record<string, unknown> | undefined, v as Record<string, unknown>, keyPath);
      if (fields.length) changes.push({ index: i, id: String(keys[i]), deleted: false, fields });
    });
    return changes;
  }
  const keys =
    req.type === 'delete'
      ? req.keys
      : (await table.query({ trans: req.trans, values: false, query: { index: pk, range: req.range } })).result;
  // Only records that exist: deleting a missing key changes nothing.
  const existing = await table.getMany({ trans: req.trans, keys });
  return keys.flatMap((k, i) => (existing[i] === undefined ? [] : [{ index: i, id: String(k), deleted: true, fields: [] }]));
}

/** Folds changes into the outbox rows of the same records. */
export function foldChanges(kind: SyncKind, changes: Change[], current: Array<OutboxEntry | undefined>, now: number): OutboxEntry[] {
  return changes.map((c, i) => {
    const prev = current[i];
    if (c.deleted) return { key: outboxKey(kind, c.id), kind, id: c.id, deleted: true, stamps: prev?.stamps ?? {}, at: now };
    // A record written again after a delete starts afresh: every field it has is new.
    const stamps = prev && !prev.deleted ? { ...prev.stamps } : {};
    for (const f of c.fields) stamps[f] = now;
    return { key: outboxKey(kind, c.id), kind, id: c.id, deleted: false, stamps, at: now };
  });
}

/**
 * Dexie's middlewares above and below read the transaction from Dexie's zone (PSD), which a
 * native await loses: the zone is taken before the first await and restored for each call down.
 */
const zones = Dexie.Promise as unknown as { PSD: unknown; usePSD<T>(psd: unknown, fn: () => T): T };

export const outboxMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'GovLensOutbox',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        // The outbox is written in the same transaction as the change it records.
        const extra = mode === 'readwrite' && stores.some((s) => s in TRACKED_TABLES) ? ['outbox', 'syncMeta'].filter((s) => !stores.includes(s)) : [];
        return down.transaction(extra.length ? [...stores, ...extra] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        const kind = TRACKED_TABLES[name];
        if (!kind) return table;
        return {
          ...table,
          async mutate(req) {
            const zone = zones.PSD;
            const inZone = <T,>(fn: () => T): T => zones.usePSD(zone, fn);
            const trans = req.trans as DBCoreTransaction & { mode?: string; objectStoreNames?: DOMStringList };
            // Schema upgrades run before the outbox exists; pulled changes are not the user's.
            if (trans.mode === 'versionchange' || applying.has(trans) || !trans.objectStoreNames?.contains('outbox')) return table.mutate(req);
            if (!(await isTracking(down, req.trans))) return inZone(() => table.mutate(req));
            const described = await inZone(() => describeChanges(table, req));
            const res = await inZone(() => table.mutate(req));
            const changes = res.numFailures ? described.filter((c) => !(c.index in res.failures)) : described;
            if (!changes.length) return res;
            const outbox = down.table('outbox');
            const current = (await inZone(() => outbox.getMany({ trans: req.trans, keys: changes.map((c) => outboxKey(kind, c.id)) }))) as Array<OutboxEntry | undefined>;
            await inZone(() => outbox.mutate({ type: 'put', trans: req.trans, values: foldChanges(kind, changes, current, monotonicNow()) }));
            listener?.();
            return res;
          },
        };
      },
    };
  },
};
