/**
 * Sync (issue #18): 10,000 notes through real WebDAV servers on loopback
 * (Apache mod_dav_fs, rclone serve webdav), encrypted, each device its own
 * Dexie database on fake-indexeddb. Rows: the first sync of 10,000 notes, a
 * second device's first pull of them, one change pushed with 10,000 notes on
 * the server, the pull that finds nothing changed, one change pulled. The
 * note column counts HTTP requests by method; the baseline is one PROPFIND.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe } from '../src/core/anchoring';
import { GovLensDB } from '../src/storage/db';
import { updateAnnotation } from '../src/storage/repo';
import { Remote } from '../src/sync/remote';
import { Codec, DEVICES_DIR } from '../src/sync/layout';
import { SyncEngine } from '../src/sync/engine';
import { enableSync } from '../src/sync/setup';
import { davAvailable, startDav, type DavKind } from '../tests/support/dav-servers';
import { measure, summarise, type BenchRow } from './util';

const NOTES = 10_000;
const PASSPHRASE = 'bench passphrase';

function requestsNote(remote: Remote, before: Record<string, number>): string {
  const parts = Object.entries(remote.counts)
    .map(([m, n]) => [m, n - (before[m] ?? 0)] as const)
    .filter(([, n]) => n > 0)
    .map(([m, n]) => `${m} ${n}`);
  const total = Object.values(remote.counts).reduce((a, b) => a + b, 0) - Object.values(before).reduce((a, b) => a + b, 0);
  return `${total} requests (${parts.join(', ')})`;
}

async function filledDb(name: string): Promise<GovLensDB> {
  const text = readFileSync(new URL('../seeds/000_0cf104e84806d453.txt', import.meta.url), 'utf8');
  const db = new GovLensDB(name);
  const now = Date.now();
  const reports = Array.from({ length: 20 }, (_, i) => ({ id: crypto.randomUUID(), canonicalUrl: `https://www.example.gov.cn/r${i}.html`, urls: [`https://www.example.gov.cn/r${i}.html`], title: `报告${i}`, region: '湖里区', year: 2025, fingerprint: '', createdAt: now, updatedAt: now }));
  await db.reports.bulkAdd(reports);
  await db.annotations.bulkAdd(
    Array.from({ length: NOTES }, (_, i) => {
      const start = (i * 97) % (text.length - 60);
      const { quote, position } = describe(text, start, start + 20);
      return { id: crypto.randomUUID(), reportId: reports[i % 20].id, url: reports[i % 20].canonicalUrl, quote, position, exact: quote.exact, note: i % 3 ? `笔记${i}：关注固定资产投资` : '', tags: i % 5 ? ['经济'] : ['民生', '教育'], color: 'yellow', createdAt: now + i, updatedAt: now + i, orphan: false, origin: 'user' as const };
    }),
  );
  return db;
}

async function benchServer(kind: DavKind): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const server = await startDav(kind);
  try {
    const tag = kind === 'apache' ? 'Apache' : 'rclone';
    const remoteFor = () => new Remote({ url: server.url, username: server.username, password: server.password });

    const probe = remoteFor();
    await probe.mkdir('probe');
    rows.push(await measure(`${tag}: one PROPFIND (Depth 1) of a folder`, () => probe.list('probe'), { runs: 20 }));
    const floor = rows[rows.length - 1].name;

    // First sync: turn sync on with 10,000 notes in the database and push them all.
    const dbA = await filledDb(`bench-sync-a-${kind}-${Date.now()}`);
    const remoteA = remoteFor();
    let t0 = performance.now();
    const onA = await enableSync(dbA, remoteA, { passphrase: PASSPHRASE });
    const engineA = new SyncEngine(dbA, remoteA, new Codec(onA.keys), { ifMatch: onA.ifMatch });
    await engineA.sync();
    rows.push(summarise(`${tag}: first sync of ${NOTES.toLocaleString('en')} notes (+20 reports), encrypted`, [performance.now() - t0], { note: requestsNote(remoteA, {}), baseline: floor }));

    // A second device joins and pulls all of it.
    const dbB = new GovLensDB(`bench-sync-b-${kind}-${Date.now()}`);
    const remoteB = remoteFor();
    t0 = performance.now();
    const onB = await enableSync(dbB, remoteB, { passphrase: PASSPHRASE });
    const engineB = new SyncEngine(dbB, remoteB, new Codec(onB.keys), { ifMatch: onB.ifMatch });
    await engineB.sync();
    const pulled = await dbB.annotations.count();
    rows.push(summarise(`${tag}: second device's first pull of ${pulled.toLocaleString('en')} notes`, [performance.now() - t0], { note: requestsNote(remoteB, {}), baseline: floor }));

    // One change pushed, with 10,000 notes on the server.
    const ids = (await dbA.annotations.limit(50).primaryKeys()) as string[];
    let before = { ...remoteA.counts };
    let i = 0;
    const pushRow = await measure(
      `${tag}: one note edited and pushed, ${NOTES.toLocaleString('en')} on the server`,
      async () => {
        await updateAnnotation(ids[i++ % ids.length], { note: `edit ${i}` }, dbA);
        await engineA.push();
      },
      { runs: 10, warmup: 0, baseline: floor },
    );
    pushRow.note = `${requestsNote(remoteA, before)} over ${pushRow.runs} runs`;
    rows.push(pushRow);

    // The other device's pull: the first brings the 10 changes, then nothing has changed.
    before = { ...remoteB.counts };
    t0 = performance.now();
    await engineB.sync();
    rows.push(summarise(`${tag}: pull of those 10 changes`, [performance.now() - t0], { note: requestsNote(remoteB, before), baseline: floor }));
    before = { ...remoteB.counts };
    const nothing = await measure(`${tag}: pull that finds nothing changed`, () => engineB.sync(), { runs: 20, warmup: 0, baseline: floor });
    nothing.note = `${requestsNote(remoteB, before)} over ${nothing.runs} runs (PROPFIND of ${DEVICES_DIR})`;
    rows.push(nothing);
    dbA.close();
    dbB.close();
  } finally {
    await server.close();
  }
  return rows;
}

export async function runSyncBenchmarks(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const kind of ['apache', 'rclone'] as const) {
    if (!davAvailable(kind)) {
      console.log(`(${kind} not installed: skipped; .ci/run installs it)`);
      continue;
    }
    rows.push(...(await benchServer(kind)));
  }
  return rows;
}
