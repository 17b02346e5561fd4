/**
 * A record as it travels: its fields, when each field last changed (a stamp:
 * time, device, and the stamp it replaced), and its revision history. Pure
 * functions; the engine reads the records and the outbox, these shape them.
 */
import { LOCAL_FIELDS } from '../storage/outbox';
import type { OutboxEntry, Stamp, SyncDoc, SyncKind } from '../storage/types';

export const KINDS: SyncKind[] = ['reports', 'annotations', 'pledges', 'glossary'];

/** Each kind's primary key in Dexie. */
export const PRIMARY_KEY: Record<SyncKind, string> = { reports: 'id', annotations: 'id', pledges: 'id', glossary: 'term' };

/** Revisions remembered per record: enough to tell "descends from" across many offline edits. */
export const MAX_REVS = 32;

export const stampKey = (s: Stamp | undefined): string => (s ? `${s.t}.${s.d}` : '');

/** Later time wins; the device id breaks ties, so every device picks the same winner. */
export function newer(a: Stamp, b: Stamp): boolean {
  return a.t !== b.t ? a.t > b.t : a.d > b.d;
}

export function randomRev(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The fields of a record that sync: everything but its key and this device's own view of it. */
export function recordFields(kind: SyncKind, record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    if (k === PRIMARY_KEY[kind] || LOCAL_FIELDS.has(k) || v === undefined) continue;
    out[k] = v;
  }
  return out;
}

/** Back from a doc to a stored record (local-only fields from the existing record, if any). */
export function docToRecord(doc: SyncDoc, existing?: Record<string, unknown>): Record<string, unknown> {
  const record: Record<string, unknown> = { ...doc.fields, [PRIMARY_KEY[doc.kind]]: doc.id };
  if (doc.kind !== 'glossary') record.createdAt = (existing?.createdAt as number | undefined) ?? doc.created;
  record.updatedAt = Math.max(doc.modified, (existing?.updatedAt as number | undefined) ?? 0);
  if (doc.kind === 'annotations') record.orphan = (existing?.orphan as boolean | undefined) ?? false;
  return record;
}

export interface LocalDocInput {
  kind: SyncKind;
  id: string;
  /** The stored record; undefined when it was deleted. */
  record: Record<string, unknown> | undefined;
  outbox: OutboxEntry | undefined;
  base: SyncDoc | undefined;
  device: string;
}

/**
 * This device's version of a record: fields edited since the last sync (the
 * outbox) get this device's stamp, pointing at the stamp they replaced; the
 * rest keep the stamps of the last synced version.
 */
export function localDoc({ kind, id, record, outbox, base, device }: LocalDocInput): SyncDoc {
  const revs = base?.revs ?? [];
  if (!record) {
    const t = outbox?.at ?? Date.now();
    return { kind, id, deleted: true, fields: {}, stamps: {}, created: base?.created ?? t, modified: t, device, revs };
  }
  const fields = recordFields(kind, record);
  const fallback = (record.updatedAt as number | undefined) ?? (record.createdAt as number | undefined) ?? 0;
  const stamps: Record<string, Stamp> = {};
  let modified = 0;
  for (const f of Object.keys(fields)) {
    const edited = outbox && !outbox.deleted ? outbox.stamps[f] : undefined;
    const prior = base && !base.deleted ? base.stamps[f] : undefined;
    const s: Stamp =
      edited !== undefined ? { t: edited, d: device, ...(prior ? { p: stampKey(prior) } : {}) } : prior ?? { t: fallback, d: device };
    stamps[f] = s;
    modified = Math.max(modified, s.t);
  }
  const created = (record.createdAt as number | undefined) ?? base?.created ?? modified;
  return { kind, id, fields, stamps, created, modified, device, revs };
}

/** The same content (fields and deletion), whoever wrote it. */
export function sameContent(a: SyncDoc, b: SyncDoc): boolean {
  if (!!a.deleted !== !!b.deleted) return false;
  const keys = new Set([...Object.keys(a.fields), ...Object.keys(b.fields)]);
  for (const k of keys) if (JSON.stringify(a.fields[k]) !== JSON.stringify(b.fields[k])) return false;
  return true;
}

/** A new version to write: a fresh revision on top of the given history. */
export function withNewRev(doc: SyncDoc, history: string[], device: string): SyncDoc {
  const revs = [randomRev(), ...history.filter(Boolean)].filter((r, i, all) => all.indexOf(r) === i).slice(0, MAX_REVS);
  return { ...doc, device, revs };
}
