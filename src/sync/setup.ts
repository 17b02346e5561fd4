/**
 * Switching sync on and off for the reader's own folder. On: open (or
 * create) the folder, learn whether the server honours If-Match, start
 * tracking changes and queue everything never pushed. Off: stop tracking and
 * forget every trace of that server (its ETags, versions and journal), so a
 * later sync with another server starts clean. Local records are untouched.
 */
import type { GovLensDB } from '../storage/db';
import { deviceId, enqueueUnsynced, META_ALIAS, META_TRACKING, setMeta } from './local';
import { openFolder, probeIfMatch, type OpenOptions } from './folder';
import type { SyncKeys } from './crypto';
import type { Remote } from './remote';
import { OWN_PULL_STATE } from './engine';

export interface Enabled {
  keys: SyncKeys | null;
  ifMatch: boolean;
  created: boolean;
  queued: number;
}

export async function enableSync(db: GovLensDB, remote: Remote, options: OpenOptions): Promise<Enabled> {
  const { keys, created } = await openFolder(remote, { ...options, create: true });
  const ifMatch = await probeIfMatch(remote, await deviceId(db));
  await setMeta(db, META_TRACKING, true);
  const queued = await enqueueUnsynced(db);
  return { keys, ifMatch, created, queued };
}

export async function disableSync(db: GovLensDB): Promise<void> {
  await db.transaction('rw', [db.outbox, db.syncState, db.syncMeta], async () => {
    await db.outbox.clear();
    await db.syncState.clear();
    for (const key of [META_TRACKING, META_ALIAS, OWN_PULL_STATE, 'own:head', 'status']) await db.syncMeta.delete(key);
    await db.syncMeta.where('key').startsWith('own:j:').delete();
  });
}
