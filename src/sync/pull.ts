/**
 * Finding what changed on a server, cheaply:
 *
 * 1. One listing of GovLens/v1/devices/: each device's journal file, by ETag.
 *    If none changed since the last pull, that was the only request.
 * 2. A changed journal lists the files its device wrote since we last read
 *    it; those are fetched, nothing else.
 * 3. A journal that no longer reaches back far enough (a device offline for
 *    long, the first pull) means a walk of the record folders: a folder whose
 *    ETag is unchanged is skipped (Apache and Nextcloud give folders ETags;
 *    rclone gives none, so there every folder is listed), and within a
 *    folder only files whose ETag differs from the one last seen are fetched.
 *
 * Progress is saved only after every file was brought in, so a pull cut off
 * by a server going away is simply done again; bringing a version in twice
 * changes nothing.
 */
import type { GovLensDB } from '../storage/db';
import type { SyncDoc } from '../storage/types';
import { KINDS } from './doc';
import { DEVICES_DIR, ROOT, kindDir, type Codec } from './layout';
import { getMeta, setMeta } from './local';
import type { Remote } from './remote';

export interface PullState {
  heads: Record<string, { etag: string | null; seq: number }>;
  dirs: Record<string, string | null>;
}

export interface PullSource {
  /** syncMeta key of this source's pull state. */
  stateKey: string;
  /** The journal file this device writes itself (skipped), if any. */
  ownHead?: string;
  /** ETag last seen for each file path. */
  knownEtags(): Promise<Map<string, string | null>>;
  /** Brings one fetched version in. */
  apply(doc: SyncDoc, etag: string | null, path: string): Promise<void>;
}

/** Runs `fn` over `items`, at most `limit` at a time; the first failure stops the rest. */
export async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed: unknown = null;
  const worker = async () => {
    while (failed === null && next < items.length) {
      const item = items[next++];
      try {
        await fn(item);
      } catch (err) {
        failed ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed !== null) throw failed;
}

export async function pull(db: GovLensDB, remote: Remote, codec: Codec, source: PullSource, concurrency = 6): Promise<{ fetched: number; walked: boolean }> {
  const listing = await remote.list(DEVICES_DIR);
  if (!listing) return { fetched: 0, walked: false };
  const seen = await getMeta<PullState>(db, source.stateKey, { heads: {}, dirs: {} });
  const changed = listing.filter((e) => e.type === 'file' && e.name.endsWith('.json') && e.name !== source.ownHead && (e.etag === null || seen.heads[e.name]?.etag !== e.etag));
  if (!changed.length) return { fetched: 0, walked: false };

  const paths = new Set<string>();
  const heads: PullState['heads'] = {};
  let walk = false;
  for (const e of changed) {
    const file = await remote.get(e.path);
    if (!file) continue;
    const head = await codec.decodeHead(file.text, e.path);
    const prev = seen.heads[e.name]?.seq ?? 0;
    if (head.seq > prev) {
      if (!head.journal.length || head.journal[0].s > prev + 1) walk = true;
      else for (const j of head.journal) if (j.s > prev) paths.add(`${ROOT}/${j.p}`);
    }
    heads[e.name] = { etag: e.etag, seq: head.seq };
  }
  const dirs = { ...seen.dirs };
  if (walk) for (const p of await walkFolders(remote, source, dirs)) paths.add(p);

  const list = [...paths];
  await pool(list, concurrency, async (path) => {
    const file = await remote.get(path);
    if (!file) return; // gone since the journal was written
    await source.apply(await codec.decodeDoc(file.text, path), file.etag, path);
  });
  await setMeta(db, source.stateKey, { heads: { ...seen.heads, ...heads }, dirs } satisfies PullState);
  return { fetched: list.length, walked: walk };
}

/** Files under the record folders whose ETag differs from the last one seen. Updates `dirs` with the folders' ETags. */
async function walkFolders(remote: Remote, source: PullSource, dirs: PullState['dirs']): Promise<string[]> {
  const known = await source.knownEtags();
  const out: string[] = [];
  for (const kind of KINDS) {
    const prefixes = await remote.list(kindDir(kind));
    if (!prefixes) continue;
    for (const d of prefixes) {
      if (d.type !== 'directory') continue;
      if (d.etag !== null && dirs[d.path] === d.etag) continue;
      const files = (await remote.list(d.path)) ?? [];
      for (const f of files) {
        if (f.type === 'file' && f.name.endsWith('.json') && (f.etag === null || known.get(f.path) !== f.etag)) out.push(f.path);
      }
      dirs[d.path] = d.etag;
    }
  }
  return out;
}
