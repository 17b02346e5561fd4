import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { GovLensDB, SCHEMA_V2, SCHEMA_V3, type PledgeV2 } from '../../src/storage/db';
import type { AnnotationRecord, PledgeRecord, ReportRecord } from '../../src/storage/types';
import * as repo from '../../src/storage/repo';

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

/** A genuine version-2 database (the shape before sync), filled. */
async function filledV2(name: string, count: number) {
  const v2 = new Dexie(name);
  v2.version(2).stores(SCHEMA_V2);
  await v2.open();
  const reports: ReportRecord[] = [
    { id: 'r1', canonicalUrl: 'https://www.gov.cn/a', urls: ['https://www.gov.cn/a', 'https://www.news.cn/a'], title: '报告', region: '湖北', year: 2024, fingerprint: 'fp', createdAt: 1, updatedAt: 2 },
  ];
  const annotations: AnnotationRecord[] = [];
  for (let i = 0; i < count; i++) {
    annotations.push({
      id: `a${i}`, reportId: 'r1', url: 'https://www.gov.cn/a',
      quote: { type: 'TextQuoteSelector', exact: `第${i}条`, prefix: 'p', suffix: 's' },
      position: { type: 'TextPositionSelector', start: i, end: i + 3 },
      exact: `第${i}条`, note: `笔记 ${i}`, tags: i % 2 ? ['经济', '目标'] : [], color: 'yellow',
      createdAt: 1000 + i, updatedAt: 2000 + i, orphan: i % 7 === 0, origin: 'user',
    });
  }
  const pledges: PledgeV2[] = [
    { id: 'p1', reportId: 'r1', text: '新增城镇就业1200万人以上', region: '全国', year: 2024, dueYear: 2024, figure: { value: 1200, unit: '万人', text: '1200万人以上' }, status: 'met', note: '证据', selectors: null, createdAt: 5, updatedAt: 6 },
  ];
  await v2.table('reports').bulkAdd(reports);
  await v2.table('annotations').bulkAdd(annotations);
  await v2.table('pledges').bulkAdd(pledges);
  await v2.table('glossary').bulkAdd([{ term: '两个确立', definition: '自定义', updatedAt: 3 }]);
  await v2.table('settings').put({ key: 'theme', value: 'dark' });
  v2.close();
  return { reports, annotations, pledges };
}

/** A genuine version-3 database (issue #10's pledges), filled. */
async function filledV3(name: string) {
  const v3 = new Dexie(name);
  v3.version(2).stores(SCHEMA_V2);
  v3.version(3).stores(SCHEMA_V3);
  await v3.open();
  const report: ReportRecord & { regionKey: string } = { id: 'r1', canonicalUrl: 'https://www.gov.cn/a', urls: ['https://www.gov.cn/a'], title: '报告', region: '湖北', regionKey: '湖北', year: 2024, fingerprint: 'fp', createdAt: 1, updatedAt: 2 };
  const pledge: PledgeRecord = {
    id: 'p1', reportId: 'r1', text: '粮食产量1.3万亿斤以上', region: '湖北', regionKey: '湖北', year: 2024, dueYear: 2024, kind: 'target', area: ['一、', '（一）'],
    figure: { value: 1.3e12, unit: '斤', text: '1.3万亿斤以上' }, direction: 'floor', status: 'met', note: 'n',
    evidence: [], history: [{ status: 'met', at: 9 }], selectors: null, createdAt: 5, updatedAt: 6,
  } as unknown as PledgeRecord;
  await v3.table('reports').add(report);
  await v3.table('pledges').add(pledge);
  await v3.table('glossary').add({ term: '新三样', definition: 'd', updatedAt: 7 });
  v3.close();
  return { report, pledge };
}

describe('migration to version 4 (sync tables)', () => {
  it('opens a filled version-3 database at version 4 with every record exactly as it was', async () => {
    const name = `govlens-v4-from3-${process.pid}`;
    names.push(name);
    const before = await filledV3(name);
    const db = new GovLensDB(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.reports.toArray()).toEqual([before.report]);
    expect(await db.pledges.toArray()).toEqual([before.pledge]);
    expect(await db.glossary.toArray()).toEqual([{ term: '新三样', definition: 'd', updatedAt: 7 }]);
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });

  it('opens a filled version-2 database at version 4 with every record unchanged', async () => {
    const name = `govlens-v4-${process.pid}`;
    names.push(name);
    const before = await filledV2(name, 2_000);
    const db = new GovLensDB(name);
    await db.open();
    expect(db.verno).toBe(4);
    // Version 3 adds regionKey to reports; nothing else changes.
    expect(await db.reports.toArray()).toEqual(before.reports.map((r) => ({ ...r, regionKey: expect.any(String) })));
    expect(await db.annotations.orderBy('createdAt').toArray()).toEqual(before.annotations);
    // Version 3 (issue #10) adds its pledge fields on the way; every v2 field is kept.
    const [p] = await db.pledges.toArray();
    expect(p).toMatchObject(before.pledges[0]);
    expect(p).toMatchObject({ regionKey: expect.any(String), kind: 'target', area: [], evidence: [], history: [{ status: 'met', at: 6 }] });
    expect(await db.glossary.toArray()).toEqual([{ term: '两个确立', definition: '自定义', updatedAt: 3 }]);
    expect(await db.settings.get('theme')).toEqual({ key: 'theme', value: 'dark' });
    // The new tables exist, empty, and the old indexes still answer.
    expect(await db.outbox.count()).toBe(0);
    expect(await db.syncState.count()).toBe(0);
    expect(await db.sharedAnnotations.count()).toBe(0);
    expect(await db.annotations.where('tags').equals('经济').count()).toBe(1_000);
    expect(await repo.listAnnotations('r1', db)).toHaveLength(2_000);
    // Nothing was queued for a sync no one set up.
    await repo.updateAnnotation('a1', { note: 'changed' }, db);
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });
});
