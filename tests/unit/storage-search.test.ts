import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GovLensDB } from '../../src/storage/db';
import * as repo from '../../src/storage/repo';
import { warmSearchIndex } from '../../src/storage/search';
import type { AnnotationRecord } from '../../src/storage/types';

const seedDir = join(__dirname, '../../seeds');
const texts = readdirSync(seedDir)
  .filter((f) => /^\d{3}_.*\.txt$/.test(f))
  .sort()
  .map((f) => readFileSync(join(seedDir, f), 'utf8'));

function record(i: number, exact: string, note = '', tags: string[] = [], updatedAt = i): AnnotationRecord {
  return {
    id: `a${i}`,
    reportId: `r${i % 5}`,
    url: `https://example.gov.cn/${i % 5}.html`,
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: exact.length },
    exact,
    note,
    tags,
    color: 'yellow',
    createdAt: updatedAt,
    updatedAt,
    orphan: false,
    origin: 'user',
  };
}

describe('search', () => {
  const db = new GovLensDB(`govlens-search-${process.pid}`);
  const special: AnnotationRecord[] = [
    record(100_001, '發展經濟', '繁體筆記'),
    record(100_002, '国内生产总值', '目标 ＱＺＸ 增长', ['经济']),
    record(100_003, '经济经济经济', '', [], 5),
    record(100_004, '经济工作', '', [], 200_000),
    record(100_005, '文化', 'Qzx 比较', ['民生']),
  ];

  beforeAll(async () => {
    const rows: AnnotationRecord[] = [];
    for (let i = 0; i < 10_000; i++) {
      const t = texts[i % texts.length];
      const start = (i * 131) % (t.length - 60);
      rows.push(record(i, t.slice(start, start + 20 + (i % 40)), i % 3 ? `note ${i} ${t.slice(start + 80, start + 100)}` : '', i % 2 ? ['标签'] : []));
    }
    await db.annotations.bulkAdd([...rows, ...special]);
  });
  afterAll(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  it('folds Traditional to Simplified on both sides', async () => {
    const hits = await repo.search('发展经济', {}, db);
    expect(hits.map((h) => h.annotation.id)).toContain('a100001');
    const trad = await repo.search('繁体笔记', {}, db);
    expect(trad.map((h) => h.annotation.id)).toEqual(['a100001']);
    const tradQuery = await repo.search('國內生產總值', {}, db);
    expect(tradQuery.map((h) => h.annotation.id)).toEqual(['a100002']);
  });

  it('folds full-width ASCII and case; terms are ANDed', async () => {
    expect((await repo.search('qzx', {}, db)).map((h) => h.annotation.id).sort()).toEqual(['a100002', 'a100005']);
    expect((await repo.search('ＱＺＸ　民生', {}, db)).map((h) => h.annotation.id)).toEqual(['a100005']);
    expect(await repo.search('qzx 不存在的词', {}, db)).toEqual([]);
    expect(await repo.search('   ', {}, db)).toEqual([]);
  });

  it('ranks by hits, then recency', async () => {
    const hits = await repo.search('经济', { limit: 10_000 }, db);
    const ids = hits.map((h) => h.annotation.id);
    expect(ids[0]).toBe('a100003'); // three occurrences beats recency
    for (let k = 1; k < hits.length; k++) {
      const [a, b] = [hits[k - 1], hits[k]];
      expect(a.hits > b.hits || (a.hits === b.hits && a.annotation.updatedAt >= b.annotation.updatedAt)).toBe(true);
    }
    // Same hit count (one each): the more recently updated comes first.
    expect(ids.indexOf('a100004')).toBeLessThan(ids.indexOf('a100002'));
  });

  it('sees writes made after the index was built', async () => {
    await warmSearchIndex(db);
    await db.annotations.add(record(100_006, '新质生产力', '刚加的'));
    expect((await repo.search('刚加', {}, db)).map((h) => h.annotation.id)).toEqual(['a100006']);
    await db.annotations.delete('a100006');
    expect(await repo.search('刚加', {}, db)).toEqual([]);
  });

  it('sees writes made through another connection (another extension page)', async () => {
    await warmSearchIndex(db);
    const other = new GovLensDB(db.name);
    await other.annotations.add(record(100_007, '城市更新', '另一页面写的'));
    await new Promise((r) => setTimeout(r, 50)); // storagemutated is delivered asynchronously
    expect((await repo.search('另一页面', {}, db)).map((h) => h.annotation.id)).toEqual(['a100007']);
    await other.annotations.delete('a100007');
    other.close();
  });
// Index build and search speed over 10,000 annotations are measured in `npm run bench` (storage section).
});
