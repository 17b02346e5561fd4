/**
 * Sync with the reader's own folder: push what the outbox holds, pull what
 * other devices wrote, push again what merging produced.
 *
 * A write is conditional where the server honours it: If-None-Match for a
 * new file, If-Match with the ETag last seen for a changed one; a refused
 * write (412) brings the server's version in (merge) and tries again. Where
 * the server ignores preconditions (rclone), the file is read just before it
 * is overwritten and read again just after, and a version written by someone
 * else in between is merged the same way. A version lost anyway (two writes
 * in the same instant) still carries its revision and stamps, so the next
 * pull of either device tells the fork and merges it: nothing is dropped.
 */
import type { GovLensDB } from '../storage/db';
import { monotonicNow } from '../storage/ids';
import { outboxKey } from '../storage/outbox';
import type { OutboxEntry, SyncDoc, SyncStateRecord } from '../storage/types';
import { localDoc, withNewRev } from './doc';
import { SyncError } from './errors';
import { JOURNAL_LENGTH, headPath, relPath, type Codec, type DeviceHead } from './layout';
import { deviceId, getMeta, integrate, setMeta, tableOf } from './local';
import { pool, pull, type PullState } from './pull';
import type { Remote } from './remote';

export const OWN_PULL_STATE = 'own:pull';
const OWN_HEAD = 'own:head';

/** This device's journal file as last written; its entries are rows of their own (JOURNAL_ROW), one per pushed file. */
interface HeadState {
  seq: number;
  etag: string | null;
  dirty: boolean;
}

const JOURNAL_ROW = 'own:j:';
const journalKey = (seq: number) => `${JOURNAL_ROW}${String(seq).padStart(12, '0')}`;

export interface SyncReport {
  pushed: number;
  fetched: number;
  /** Local records changed by what was pulled (open pages should repaint). */
  changed: number;
  conflicts: number;
  walked: boolean;
}

export interface EngineOptions {
  /** The server refuses writes whose If-Match does not match (probed once, see folder.ts). */
  ifMatch: boolean;
  concurrency?: number;
}

export class SyncEngine {
  private device = '';
  private report: SyncReport = { pushed: 0, fetched: 0, changed: 0, conflicts: 0, walked: false };

  constructor(
    private db: GovLensDB,
    private remote: Remote,
    private codec: Codec,
    private options: EngineOptions,
  ) {}

  async sync(): Promise<SyncReport> {
    this.report = { pushed: 0, fetched: 0, changed: 0, conflicts: 0, walked: false };
    this.device = await deviceId(this.db);
    await this.pushAll();
    await this.pullAll();
    // Merges may have queued versions the server lacks.
    if (await this.db.outbox.count()) await this.pushAll();
    return this.report;
  }

  /** Push only (soon after a change). */
  async push(): Promise<SyncReport> {
    this.report = { pushed: 0, fetched: 0, changed: 0, conflicts: 0, walked: false };
    this.device = await deviceId(this.db);
    await this.pushAll();
    return this.report;
  }

  private async pullAll(): Promise<void> {
    const res = await pull(this.db, this.remote, this.codec, {
      stateKey: OWN_PULL_STATE,
      ownHead: `${this.device}.json`,
      knownEtags: async () => new Map((await this.db.syncState.toArray()).map((s) => [s.path, s.etag])),
      apply: async (doc, etag, path) => {
        const r = await integrate(this.db, doc, etag, path, this.device);
        if (r.changed) this.report.changed++;
        this.report.conflicts += r.conflicts;
      },
    }, this.options.concurrency);
    this.report.fetched += res.fetched;
    this.report.walked ||= res.walked;
  }

  private async pushAll(): Promise<void> {
    const keys = await this.db.outbox.toCollection().primaryKeys();
    // In random order: parallel writes then rarely meet in one new folder.
    for (let i = keys.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [keys[i], keys[j]] = [keys[j], keys[i]];
    }
    await pool(keys, this.options.concurrency ?? 6, (key) => this.pushOne(key));
    await this.writeHead();
  }

  private async pushOne(key: string, attempt = 0): Promise<void> {
    const entry = await this.db.outbox.get(key);
    if (!entry) return;
    const { kind, id } = entry;
    const [state, record] = await Promise.all([this.db.syncState.get(key), tableOf(this.db, kind).get(id)]);
    const path = state?.path ?? (await this.codec.path(kind, id));
    const local = localDoc({ kind, id, record, outbox: entry, base: state?.base, device: this.device });
    if (!state && local.deleted) {
      // Made and deleted between two pushes: the server never saw it.
      await this.finish(entry, null, null, path);
      return;
    }
    const doc = withNewRev(local, state?.base.revs ?? [], this.device);
    const text = await this.codec.encodeDoc(doc, path);
    if (attempt > 4) throw new SyncError('conflict', path);
    let etag: string | null;
    try {
      if (!state) etag = (await this.putCreating(path, text)).etag;
      else if (this.options.ifMatch && state.etag) etag = (await this.remote.put(path, text, { ifMatch: state.etag })).etag;
      else {
        // No precondition to rely on: read just before writing.
        const current = await this.remote.get(path);
        if (current) {
          const remoteDoc = await this.codec.decodeDoc(current.text, path);
          if (remoteDoc.revs[0] !== state.base.revs[0]) {
            await this.bringIn(remoteDoc, current.etag, path);
            return this.pushOne(key, attempt + 1);
          }
        }
        const ifMatch = this.options.ifMatch && current?.etag ? current.etag : undefined;
        etag = (await this.remote.put(path, text, ifMatch ? { ifMatch } : {})).etag;
      }
    } catch (err) {
      if (!(err instanceof SyncError) || err.code !== 'conflict') throw err;
      const current = await this.remote.get(path);
      if (!current) return this.pushOne(key, attempt + 1);
      const remoteDoc = await this.codec.decodeDoc(current.text, path);
      if (state && remoteDoc.revs[0] === state.base.revs[0]) {
        // Our own version after all: an ETag that was weak a moment ago (Apache). Write without it.
        await this.saveEtag(state, current.etag);
        etag = (await this.remote.put(path, text)).etag;
      } else {
        await this.bringIn(remoteDoc, current.etag, path);
        return this.pushOne(key, attempt + 1);
      }
    }
    if (!this.options.ifMatch && (state || kind === 'glossary')) {
      // The server ignores preconditions: read back, in case another device wrote right after us.
      const after = await this.remote.get(path);
      if (after) {
        const afterDoc = await this.codec.decodeDoc(after.text, path);
        if (afterDoc.revs[0] !== doc.revs[0]) {
          await this.finish(entry, doc, etag, path);
          await this.bringIn(afterDoc, after.etag, path);
          return;
        }
        etag = after.etag;
      }
    }
    await this.finish(entry, doc, etag, path);
  }

  private async putCreating(path: string, text: string): Promise<{ etag: string | null }> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.remote.put(path, text, { ifNoneMatch: true });
      } catch (err) {
        if (!(err instanceof SyncError) || err.code !== 'not-found' || attempt >= 3) throw err;
        // The two-character folder does not exist yet. Another push may be making it at this very
        // moment (Apache then answers 403, and a write in between 404): make it, wait a little, write again.
        await this.remote.mkdir(path.slice(0, path.lastIndexOf('/'))).catch(() => undefined);
        if (attempt) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      }
    }
  }

  private async bringIn(doc: SyncDoc, etag: string | null, path: string): Promise<void> {
    const r = await integrate(this.db, doc, etag, path, this.device);
    if (r.changed) this.report.changed++;
    this.report.conflicts += r.conflicts;
    // A version this device wrote, found on the server: a write whose answer was lost (the server
    // went away after storing it). Other devices learn of it only through this device's journal.
    if (doc.device === this.device) await this.db.transaction('rw', this.db.syncMeta, () => this.journal(path));
  }

  private async saveEtag(state: SyncStateRecord, etag: string | null): Promise<void> {
    await this.db.syncState.put({ ...state, etag });
  }

  /** After a write: the pushed version is the new base, the outbox row goes (unless edited meanwhile), the journal grows. */
  private async finish(entry: OutboxEntry, doc: SyncDoc | null, etag: string | null, path: string): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.outbox, db.syncState, db.syncMeta, async () => {
      const now = await db.outbox.get(entry.key);
      if (now && now.at === entry.at) await db.outbox.delete(entry.key);
      if (!doc) return;
      await db.syncState.put({ key: outboxKey(entry.kind, entry.id), kind: entry.kind, id: entry.id, etag, base: doc, path });
      await this.journal(path);
    });
    this.report.pushed++;
  }

  /** Adds a written file to this device's journal (inside the caller's transaction). */
  private async journal(path: string): Promise<void> {
    // One small row per write, not the whole journal rewritten: a first sync of 10,000 notes stays linear.
    const head = await getMeta<HeadState>(this.db, OWN_HEAD, { seq: 0, etag: null, dirty: false });
    head.seq += 1;
    head.dirty = true;
    await setMeta(this.db, journalKey(head.seq), relPath(path));
    await setMeta(this.db, OWN_HEAD, head);
  }

  /** Publishes this device's journal, so other devices fetch just what changed. */
  private async writeHead(): Promise<void> {
    const head = await getMeta<HeadState>(this.db, OWN_HEAD, { seq: 0, etag: null, dirty: false });
    if (!head.dirty) return;
    const rows = this.db.syncMeta.where('key').between(JOURNAL_ROW, `${JOURNAL_ROW}\uffff`);
    const all = await rows.toArray();
    const old = all.slice(0, Math.max(0, all.length - JOURNAL_LENGTH));
    if (old.length) await this.db.syncMeta.bulkDelete(old.map((r) => r.key));
    const journal: DeviceHead['journal'] = all.slice(old.length).map((r) => ({ s: Number(r.key.slice(JOURNAL_ROW.length)), p: String(r.value) }));
    const path = headPath(this.device);
    const text = await this.codec.encodeHead({ device: this.device, seq: head.seq, journal, updated: monotonicNow() }, path);
    let etag: string | null;
    try {
      // Only this device writes this file; the condition guards against a copied profile.
      etag = (await this.remote.put(path, text, this.options.ifMatch && head.etag ? { ifMatch: head.etag } : {})).etag;
    } catch (err) {
      if (!(err instanceof SyncError) || err.code !== 'conflict') throw err;
      etag = (await this.remote.put(path, text)).etag;
    }
    const latest = await getMeta<HeadState>(this.db, OWN_HEAD, head);
    await setMeta(this.db, OWN_HEAD, { ...latest, etag, dirty: latest.seq !== head.seq });
  }
}

export type { PullState };
