/**
 * Sync in the background: pushes soon after a change, pulls every few
 * minutes through chrome.alarms (which wake an MV3 service worker that went
 * to sleep), and answers the options page and the side panel. Nothing here
 * runs, and no request is made, until the reader sets sync up.
 */
import { browser } from 'wxt/browser';
import { getDb } from '../storage/db';
import { onTrackedChange } from '../storage/outbox';
import * as repo from '../storage/repo';
import type { AnnotationRecord } from '../storage/types';
import { newId } from '../storage/ids';
import { Codec } from '../sync/layout';
import { SyncEngine } from '../sync/engine';
import { SyncError, toSyncError, type SyncErrorCode } from '../sync/errors';
import { inspectFolder, openFolder, restoreKeys, type FolderState } from '../sync/folder';
import { Remote } from '../sync/remote';
import { disableSync, enableSync } from '../sync/setup';
import { forgetShared, pullShared, sharedForUrls } from '../sync/shared';
import { getMeta, setMeta } from '../sync/local';
import { checkServerUrl, sharedSources, SHARED_COLORS, syncConfig, type SharedSourceConfig, type SyncConfig } from '../shared/sync-config';
import type { SharedNote, SyncStatus } from '../shared/messages';
import { toPage } from '../shared/messaging';
import { syncUserSites } from './inject';

const ALARM = 'govlens-sync';
const PULL_EVERY_MINUTES = 5;
const PUSH_DELAY_MS = 2_000;
const STATUS = 'status';

interface StoredStatus {
  lastSync: number | null;
  lastError: { code: SyncErrorCode; at: number } | null;
  shared: Record<string, { lastSync: number | null; lastError: SyncErrorCode | null }>;
  running: boolean;
}

const initial: StoredStatus = { lastSync: null, lastError: null, shared: {}, running: false };

async function readStatus(): Promise<StoredStatus> {
  return { ...initial, ...(await getMeta<Partial<StoredStatus>>(getDb(), STATUS, {})) };
}

async function writeStatus(patch: Partial<StoredStatus>): Promise<void> {
  await setMeta(getDb(), STATUS, { ...(await readStatus()), ...patch });
}

export async function syncStatus(): Promise<SyncStatus> {
  const [cfg, shared, status, pending] = await Promise.all([syncConfig.getValue(), sharedSources.getValue(), readStatus(), getDb().outbox.count()]);
  return {
    enabled: !!cfg,
    url: cfg?.url ?? '',
    username: cfg?.username ?? '',
    encrypted: !!cfg?.keys,
    lastSync: status.lastSync,
    lastError: status.lastError,
    pending: cfg ? pending : 0,
    running: status.running,
    shared: shared.map((s) => ({ id: s.id, name: s.name, url: s.url, color: s.color, lastSync: status.shared[s.id]?.lastSync ?? null, lastError: status.shared[s.id]?.lastError ?? null })),
  };
}

async function hasPermission(url: string): Promise<boolean> {
  const c = checkServerUrl(url);
  return 'pattern' in c && (await browser.permissions.contains({ origins: [c.pattern] }));
}

/** A Remote for a server the reader configured, once its URL and the browser's permission check out. */
async function remoteFor(cfg: { url: string; username: string; password: string }, readOnly = false): Promise<Remote> {
  const c = checkServerUrl(cfg.url);
  if ('error' in c) throw new SyncError(c.error);
  if (!(await hasPermission(c.url))) throw new SyncError('permission');
  return new Remote({ url: c.url, username: cfg.username, password: cfg.password, readOnly });
}

// ---------------------------------------------------------------- running a sync

let running: Promise<void> | null = null;
/** The run asked for while one was under way: it starts when that one ends. */
let queued: { mode: 'push' | 'full'; done: Promise<void> } | null = null;
let pushTimer: ReturnType<typeof setTimeout> | null = null;

/** MV3 stops an idle worker after 30 s; an extension call now and then keeps it up through a long first sync. */
function keepAlive(): () => void {
  const timer = setInterval(() => void browser.runtime.getPlatformInfo().catch(() => undefined), 20_000);
  return () => clearInterval(timer);
}

async function repaintTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((t) => (t.id === undefined ? undefined : toPage(t.id, 'page:refresh-annotations', {}).catch(() => undefined))));
}

async function runOnce(mode: 'push' | 'full'): Promise<void> {
  const cfg = await syncConfig.getValue();
  const shared = mode === 'full' ? await sharedSources.getValue() : [];
  if (!cfg && !shared.length) return;
  const stop = keepAlive();
  await writeStatus({ running: true });
  let changed = 0;
  try {
    if (cfg) {
      try {
        const engine = new SyncEngine(getDb(), await remoteFor(cfg), new Codec(await restoreKeys(cfg.keys)), { ifMatch: cfg.ifMatch });
        const report = mode === 'push' ? await engine.push() : await engine.sync();
        changed += report.changed;
        await writeStatus({ lastSync: Date.now(), lastError: null });
      } catch (err) {
        await writeStatus({ lastError: { code: toSyncError(err).code, at: Date.now() } });
      }
    }
    for (const s of shared) {
      const status = (await readStatus()).shared;
      try {
        const res = await pullShared(getDb(), await remoteFor(s, true), new Codec(await restoreKeys(s.keys)), s.id);
        changed += res.changed;
        status[s.id] = { lastSync: Date.now(), lastError: null };
      } catch (err) {
        status[s.id] = { lastSync: status[s.id]?.lastSync ?? null, lastError: toSyncError(err).code };
      }
      await writeStatus({ shared: status });
    }
  } finally {
    await writeStatus({ running: false });
    stop();
  }
  if (changed) await repaintTabs();
}

/**
 * Runs a sync, one at a time; asked again while one runs, it runs once more after, and the caller's promise is
 * that later run's: "Sync now" answers once a sync that began after the request is over, not the push under way.
 */
export function runSync(mode: 'push' | 'full'): Promise<void> {
  if (!running) {
    running = runOnce(mode).finally(() => {
      running = null;
    });
    return running;
  }
  if (queued) {
    if (mode === 'full') queued.mode = 'full';
    return queued.done;
  }
  const next: { mode: 'push' | 'full'; done: Promise<void> } = { mode, done: Promise.resolve() };
  next.done = running
    .catch(() => undefined)
    .then(() => {
      queued = null;
      return runSync(next.mode);
    });
  queued = next;
  return next.done;
}

function schedulePush(): void {
  if (pushTimer) clearTimeout(pushTimer);
  pushTimer = setTimeout(() => {
    pushTimer = null;
    void runSync('push');
  }, PUSH_DELAY_MS);
}

async function ensureAlarm(): Promise<void> {
  const [cfg, shared] = await Promise.all([syncConfig.getValue(), sharedSources.getValue()]);
  if (!cfg && !shared.length) {
    await browser.alarms.clear(ALARM);
    return;
  }
  if (!(await browser.alarms.get(ALARM))) await browser.alarms.create(ALARM, { periodInMinutes: PULL_EVERY_MINUTES, delayInMinutes: PULL_EVERY_MINUTES });
}

// ---------------------------------------------------------------- setting up

export interface EnableRequest {
  url: string;
  username: string;
  password: string;
  passphrase?: string;
  encrypt: boolean;
  acceptPlain?: boolean;
}

async function testConnection(req: { url: string; username: string; password: string }): Promise<{ state: FolderState }> {
  const remote = await remoteFor(req, true);
  try {
    return await inspectFolder(remote);
  } finally {
    void syncUserSites();
  }
}

async function enable(req: EnableRequest): Promise<SyncStatus> {
  const remote = await remoteFor(req);
  await disableSync(getDb());
  const done = await enableSync(getDb(), remote, { passphrase: req.passphrase, encrypt: req.encrypt, acceptPlain: req.acceptPlain });
  const cfg: SyncConfig = { url: remote.url, username: req.username, password: req.password, keys: done.keys?.raw ?? null, ifMatch: done.ifMatch };
  await syncConfig.setValue(cfg);
  await writeStatus({ lastError: null });
  await syncUserSites();
  await ensureAlarm();
  void runSync('full');
  return syncStatus();
}

async function disable(): Promise<void> {
  await syncConfig.setValue(null);
  await disableSync(getDb());
  await writeStatus({ lastSync: null, lastError: null });
  await ensureAlarm();
}

async function addShared(req: { name: string; url: string; username: string; password: string; passphrase?: string }): Promise<SyncStatus> {
  const remote = await remoteFor(req, true);
  const { keys } = await openFolder(remote, { passphrase: req.passphrase, acceptPlain: true, encrypt: !!req.passphrase, create: false });
  const list = await sharedSources.getValue();
  const color = SHARED_COLORS[list.length % SHARED_COLORS.length];
  const source: SharedSourceConfig = { id: newId(), name: req.name.trim() || new URL(req.url).host, url: remote.url, username: req.username, password: req.password, keys: keys?.raw ?? null, color };
  await sharedSources.setValue([...list, source]);
  await syncUserSites();
  await ensureAlarm();
  void runSync('full');
  return syncStatus();
}

async function removeShared(id: string): Promise<void> {
  await sharedSources.setValue((await sharedSources.getValue()).filter((s) => s.id !== id));
  await forgetShared(getDb(), id);
  await ensureAlarm();
  await repaintTabs();
}

// ---------------------------------------------------------------- the page's shared layer

/** The read-only sources' notes on the page the asking frame shows (and only that page). */
export async function sharedNotesFor(pageUrl: string): Promise<SharedNote[]> {
  const sources = await sharedSources.getValue();
  if (!sources.length) return [];
  const report = await repo.findReportByUrl(pageUrl);
  const notes = await sharedForUrls(getDb(), [pageUrl, ...(report?.urls ?? [])]);
  const byId = new Map(sources.map((s) => [s.id, s]));
  return notes
    .filter((n) => byId.has(n.sourceId))
    .map((n) => ({ key: n.key, source: byId.get(n.sourceId)!.name, color: byId.get(n.sourceId)!.color, quote: n.quote, position: n.position, exact: n.exact, note: n.note, tags: n.tags }));
}

/** Copies a shared note on this page into the reader's own notes. */
export async function copySharedNote(pageUrl: string, key: string): Promise<AnnotationRecord> {
  const note = (await sharedNotesFor(pageUrl)).find((n) => n.key === key);
  if (!note) throw new Error('This shared note is not on this page.');
  const report = await repo.findReportByUrl(pageUrl);
  if (!report) throw new Error('This page has no report saved yet.');
  return repo.addAnnotation({ reportId: report.id, url: pageUrl, quote: note.quote, position: note.position, note: note.note, tags: note.tags, color: 'yellow' });
}

// ---------------------------------------------------------------- wiring

export const syncHandlers = {
  'sync:status': () => syncStatus(),
  'sync:test': (req: { url: string; username: string; password: string }) => testConnection(req),
  'sync:enable': (req: EnableRequest) => enable(req),
  'sync:disable': () => disable(),
  'sync:now': async () => {
    await runSync('full');
    return syncStatus();
  },
  'sync:changed': () => {
    schedulePush();
  },
  'sync:shared-add': (req: { name: string; url: string; username: string; password: string; passphrase?: string }) => addShared(req),
  'sync:shared-remove': ({ id }: { id: string }) => removeShared(id),
};

export function startSync(): void {
  // Changes made in this worker (messages from pages); the side panel's own writes arrive as 'sync:changed'.
  onTrackedChange(schedulePush);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void runSync('full');
  });
  browser.runtime.onStartup.addListener(() => void runSync('full'));
  void ensureAlarm();
}
