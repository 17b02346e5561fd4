/**
 * The reader's glossary through storage.sync: it follows the browser's own
 * account with no server to set up (settings already live there). The
 * browser's quotas are small (about 100 KB, 8 KB an item, 512 items), so the
 * entries go in chunks of under 7 KB, newest first, and whatever does not
 * fit stays local only (and syncs through WebDAV if that is on). Entries
 * arriving from another browser are merged by their edit time; nothing is
 * deleted through this channel, so no entry can be lost by it.
 */
import { browser } from 'wxt/browser';
import { getDb } from '../storage/db';
import { setGlossaryTerm } from '../storage/repo';

const PREFIX = 'glossary.';
const CHUNK_BYTES = 7_000;
const MAX_TOTAL_BYTES = 90_000;

type Entry = [term: string, definition: string, updatedAt: number];

const bytes = (s: string) => new TextEncoder().encode(s).length;

/** Splits entries (newest first) into storage.sync items within the quotas. Pure. */
export function chunkGlossary(entries: Entry[]): { items: Record<string, Entry[]>; dropped: number } {
  const sorted = [...entries].sort((a, b) => b[2] - a[2]);
  const items: Record<string, Entry[]> = {};
  let current: Entry[] = [];
  let size = 2;
  let total = 0;
  let n = 0;
  let dropped = 0;
  for (const e of sorted) {
    const b = bytes(JSON.stringify(e)) + 1;
    if (b > CHUNK_BYTES - 20 || total + b > MAX_TOTAL_BYTES) {
      dropped++;
      continue;
    }
    if (size + b > CHUNK_BYTES - 20) {
      items[`${PREFIX}${n++}`] = current;
      current = [];
      size = 2;
    }
    current.push(e);
    size += b;
    total += b;
  }
  if (current.length) items[`${PREFIX}${n}`] = current;
  return { items, dropped };
}

let writing = false;

/** Writes the local glossary to storage.sync (replacing the previous chunks). */
export async function pushGlossaryToBrowserSync(): Promise<void> {
  const rows = await getDb().glossary.toArray();
  const { items } = chunkGlossary(rows.map((g) => [g.term, g.definition, g.updatedAt]));
  const old = Object.keys(await browser.storage.sync.get(null)).filter((k) => k.startsWith(PREFIX) && !(k in items));
  writing = true;
  try {
    if (old.length) await browser.storage.sync.remove(old);
    await browser.storage.sync.set(items);
  } finally {
    writing = false;
  }
}

/** Brings entries another browser wrote into the local glossary, newest edit winning. */
export async function pullGlossaryFromBrowserSync(): Promise<number> {
  const all = await browser.storage.sync.get(null);
  const incoming = Object.entries(all)
    .filter(([k]) => k.startsWith(PREFIX))
    .flatMap(([, v]) => (Array.isArray(v) ? (v as Entry[]) : []));
  const db = getDb();
  let n = 0;
  for (const [term, definition, updatedAt] of incoming) {
    if (typeof term !== 'string' || typeof definition !== 'string' || typeof updatedAt !== 'number') continue;
    const local = await db.glossary.get(term);
    if (local && local.updatedAt >= updatedAt) continue;
    if (local?.definition === definition) continue;
    await setGlossaryTerm(term, definition, db);
    n++;
  }
  return n;
}

export function startGlossarySync(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync' || writing || !Object.keys(changes).some((k) => k.startsWith(PREFIX))) return;
    void pullGlossaryFromBrowserSync();
  });
  browser.runtime.onStartup.addListener(() => void pullGlossaryFromBrowserSync());
}
