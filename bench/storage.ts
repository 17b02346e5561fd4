/**
 * The reader's-data half of `npm run bench` (issue: highlights, notes and
 * pledges): re-anchoring on a long page, search, and 10,000-annotation
 * export and import, against fake-indexeddb in Node (the same Dexie code the
 * extension runs; the browser's IndexedDB is usually faster).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { anchorMany, describe } from '../src/core/anchoring';
import { GovLensDB } from '../src/storage/db';
import { exportBackupJson, exportJsonLd } from '../src/storage/export';
import { importData } from '../src/storage/import';
import { searchAnnotations, warmSearchIndex } from '../src/storage/search';
import { measure, type BenchRow } from './util';

const SEEDS = ['000_0cf104e84806d453', '002_da23955f95c06a62', '003_79a18ab8566106eb'].map((s) => readFileSync(new URL(`../seeds/${s}.txt`, import.meta.url), 'utf8'));

/** 100,000 characters of report text without long verbatim repeats (repeats would make anchoring ambiguous, not slow). */
function page100k(): string {
  let text = SEEDS.join('\n');
  for (let k = 1; text.length < 100_000; k++) text += '\n' + SEEDS.map((s) => s.split('\n').map((l) => `${k}.${l}`).reverse().join('\n')).join('\n');
  return text.slice(0, 100_000);
}

export async function runStorageBenchmarks(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const text = page100k();
  // 500 highlights spread over the page, then an edit near the top shifts half of them.
  const requests = Array.from({ length: 500 }, (_, i) => {
    const start = Math.floor((i * (text.length - 80)) / 500);
    const { quote, position } = describe(text, start, start + 12 + (i % 30));
    return { selectors: { quote, position } };
  });
  const edited = text.slice(0, 50_000) + '（新增一段说明文字。）' + text.slice(50_000);
  rows.push(await measure('re-anchor 500 annotations, 100k page, unchanged', () => anchorMany(text, requests), { runs: 10 }));
  rows.push(await measure('re-anchor 500 annotations, 100k page, text inserted mid-page', () => anchorMany(edited, requests), { runs: 10 }));

  const db = new GovLensDB(`bench-${Date.now()}`);
  const now = Date.now();
  const reports = Array.from({ length: 20 }, (_, i) => ({ id: `r${i}`, canonicalUrl: `http://www.example.gov.cn/r${i}.html`, urls: [`http://www.example.gov.cn/r${i}.html`], title: `报告${i}`, region: '湖里区', year: 2025, fingerprint: '', createdAt: now, updatedAt: now }));
  await db.reports.bulkAdd(reports);
  await db.annotations.bulkAdd(
    Array.from({ length: 10_000 }, (_, i) => {
      const start = (i * 97) % (text.length - 60);
      const { quote, position } = describe(text, start, start + 20);
      return { id: `a${i}`, reportId: `r${i % 20}`, url: reports[i % 20].canonicalUrl, quote, position, exact: quote.exact, note: i % 3 ? `笔记${i}：关注固定资产投资` : '', tags: i % 5 ? ['经济'] : ['民生', '教育'], color: 'yellow', createdAt: now + i, updatedAt: now + i, orphan: false, origin: 'user' as const };
    }),
  );
  await warmSearchIndex(db);
  rows.push(await measure('search 10,000 annotations (“固定资产 民生”)', () => searchAnnotations(db, '固定资产 民生'), { runs: 20 }));
  rows.push(await measure('search 10,000 annotations, Traditional query (“經濟”)', () => searchAnnotations(db, '經濟'), { runs: 20 }));

  let backup = '';
  let jsonld = '';
  rows.push(await measure('export 10,000 annotations: full backup', async () => (backup = await exportBackupJson(db)), { runs: 3, warmup: 1 }));
  rows.push(await measure('export 10,000 annotations: JSON-LD', async () => (jsonld = await exportJsonLd({}, db)), { runs: 3, warmup: 1 }));
  let n = 0;
  rows.push(
    await measure('import 10,000-annotation backup into an empty database', async () => {
      const fresh = new GovLensDB(`bench-import-${Date.now()}-${n++}`);
      await importData(backup, {}, fresh);
      fresh.close();
    }, { runs: 3, warmup: 0 }),
  );
  rows.push(
    await measure('import 10,000-annotation JSON-LD into an empty database', async () => {
      const fresh = new GovLensDB(`bench-import-${Date.now()}-${n++}`);
      await importData(jsonld, {}, fresh);
      fresh.close();
    }, { runs: 3, warmup: 0 }),
  );
  db.close();
  return rows;
}
