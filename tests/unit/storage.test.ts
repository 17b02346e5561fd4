import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describe as describeRange } from '../../src/core/anchoring';
import { GovLensDB, SCHEMA_V1, type AnnotationV1, type ReportV1 } from '../../src/storage/db';
import { StorageError, toStorageError } from '../../src/storage/errors';
import * as repo from '../../src/storage/repo';

const seedDir = join(__dirname, '../../seeds');
const seed = (n: string) => readFileSync(join(seedDir, readdirSync(seedDir).find((f) => f.startsWith(n))!), 'utf8');
const S000 = seed('000_');

const open: Dexie[] = [];
let counter = 0;
function freshDb(): GovLensDB {
  const db = new GovLensDB(`govlens-test-${process.pid}-${++counter}`);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function highlight(db: GovLensDB, reportId: string, phrase: string, extra: Partial<repo.NewAnnotation> = {}) {
  const start = S000.indexOf(phrase);
  const { quote, position } = describeRange(S000, start, start + phrase.length);
  return repo.addAnnotation({ reportId, url: 'https://www.huli.gov.cn/report.html', quote, position, ...extra }, db);
}

describe('reports', () => {
  it('matches by canonical URL, then by fingerprint (mirror on another site)', async () => {
    const db = freshDb();
    const a = await repo.upsertReport({ url: 'https://www.huli.gov.cn/zwgk/index.html?utm_source=wx#x', title: '湖里区政府工作报告', text: S000 }, db);
    const again = await repo.upsertReport({ url: 'https://www.huli.gov.cn/zwgk/' }, db);
    expect(again.id).toBe(a.id);
    const mirrorText = '网站首页 新闻中心\n' + S000.replace(/\s+/g, ' ') + '\n版权所有';
    const mirror = await repo.upsertReport({ url: 'http://news.example.com/a/123.shtml', text: mirrorText }, db);
    expect(mirror.id).toBe(a.id);
    expect(mirror.urls).toEqual(['https://www.huli.gov.cn/zwgk/', 'http://news.example.com/a/123.shtml']);
    const other = await repo.upsertReport({ url: 'http://x.gov.cn/other', text: seed('003_') }, db);
    expect(other.id).not.toBe(a.id);
    expect(await db.reports.count()).toBe(2);
    expect((await repo.findReportByUrl('http://news.example.com/a/123.shtml?spm=1', db))?.id).toBe(a.id);
  });
});

describe('annotations', () => {
  it('adds, updates, lists in order, marks orphans and deletes', async () => {
    const db = freshDb();
    const r = await repo.upsertReport({ url: 'https://www.huli.gov.cn/report.html', text: S000 }, db);
    const a1 = await highlight(db, r.id, '招商引资', { note: '重点', tags: [' 招商 ', '招商', '经济'] });
    const a2 = await highlight(db, r.id, '营商环境');
    expect(a1.tags).toEqual(['招商', '经济']);
    expect(a1.exact).toBe('招商引资');
    const list = await repo.listAnnotations(r.id, db);
    expect(list.map((a) => a.id)).toEqual([a1.id, a2.id]);
    const upd = await repo.updateAnnotation(a2.id, { note: 'n', tags: ['x'] }, db);
    expect(upd.note).toBe('n');
    expect((await repo.listAnnotationsByTag('x', db)).map((a) => a.id)).toEqual([a2.id]);
    expect(await repo.markOrphans([a1.id, a2.id], true, db)).toBe(2);
    expect((await db.annotations.get(a1.id))!.orphan).toBe(true);
    await repo.deleteAnnotation(a1.id, db);
    expect(await repo.listAnnotations(r.id, db)).toHaveLength(1);
  });

  it('rejects invalid input with a typed error', async () => {
    const db = freshDb();
    const err = await repo
      .addAnnotation({ reportId: 'r', url: 'javascript:alert(1)', quote: { type: 'TextQuoteSelector', exact: 'x' }, position: { type: 'TextPositionSelector', start: 0, end: 1 } }, db)
      .catch((e) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(err.code).toBe('invalid');
    expect(await db.annotations.count()).toBe(0);
    await expect(repo.updateAnnotation('missing', { note: 'x' }, db)).rejects.toMatchObject({ code: 'invalid' });
  });

  it('keeps markup in notes as plain text', async () => {
    const db = freshDb();
    const note = '<img src=x onerror=alert(1)> & <b>粗</b>';
    const a = await highlight(db, 'r1', '招商引资', { note });
    expect((await db.annotations.get(a.id))!.note).toBe(note);
  });
});

describe('pledges, glossary, settings', () => {
  it('filters pledges and sorts them by due year', async () => {
    const db = freshDb();
    const base = { reportId: 'r', region: '湖里区', year: 2025 };
    await repo.addPledge({ ...base, text: '新增就业1万人', dueYear: 2027 }, db);
    const p2 = await repo.addPledge({ ...base, text: 'GDP增长6%', dueYear: 2025, figure: { value: 6, unit: '%', text: '6%' } }, db);
    await repo.addPledge({ ...base, text: '未定期限', dueYear: null }, db);
    await repo.addPledge({ ...base, region: '鲤城区', text: '别的区', dueYear: 2024 }, db);
    const list = await repo.listPledges({ region: '湖里区', year: 2025 }, db);
    expect(list.map((p) => p.dueYear)).toEqual([2025, 2027, null]);
    await repo.updatePledge(p2.id, { status: 'met' }, db);
    expect((await repo.listPledges({ status: 'met' }, db)).map((p) => p.id)).toEqual([p2.id]);
    await expect(repo.updatePledge(p2.id, { status: 'done' as never }, db)).rejects.toMatchObject({ code: 'invalid' });
  });

  it('replaces the user glossary and stores settings', async () => {
    const db = freshDb();
    await repo.setUserGlossary([{ term: '三争', definition: 'a' }, { term: '新质生产力', definition: 'b' }], db);
    await repo.setUserGlossary([{ term: '三争', definition: 'c' }], db);
    expect((await repo.getUserGlossary(db)).map((g) => [g.term, g.definition])).toEqual([['三争', 'c']]);
    await repo.setGlossaryTerm('两个确立', 'd', db);
    expect(await repo.getUserGlossary(db)).toHaveLength(2);
    expect(await repo.getSetting('theme', 'light', db)).toBe('light');
    await repo.setSetting('theme', 'dark', db);
    expect(await repo.getSetting('theme', 'light', db)).toBe('dark');
  });
});

describe('errors', () => {
  it('classifies Dexie/DOM errors', () => {
    expect(toStorageError(new DOMException('full', 'QuotaExceededError')).code).toBe('quota');
    const wrapped = new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError'));
    expect(toStorageError(wrapped).code).toBe('quota');
    expect(toStorageError(new Dexie.DatabaseClosedError()).code).toBe('closed');
    expect(toStorageError(new Dexie.VersionError('v')).code).toBe('blocked');
    expect(toStorageError(new Error('weird')).code).toBe('unknown');
  });

  it('reports a closed database as closed', async () => {
    const db = freshDb();
    await db.open();
    db.close({ disableAutoOpen: true });
    const err = await repo.setSetting('a', 1, db).catch((e) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(err.code).toBe('closed');
  });
});

describe('migration v1 → v2', () => {
  it('converts 10,000 v1 annotations and their reports without losing anything', async () => {
    const name = `govlens-migrate-${process.pid}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    const reports: ReportV1[] = [
      { id: 'r1', url: 'https://www.huli.gov.cn/a/index.html', title: '湖里区报告', region: '湖里区', year: 2025, createdAt: '2025-02-14T08:00:00.000Z' },
      { id: 'r2', url: 'https://www.huli.gov.cn/a/?utm_source=wx', title: '同一页面', createdAt: '2025-02-15T08:00:00.000Z' },
      { id: 'r3', url: 'http://www.lc.gov.cn/b.htm', title: '鲤城区报告', createdAt: '2025-01-01T00:00:00.000Z' },
    ];
    const annotations: AnnotationV1[] = [];
    for (let i = 0; i < 10_000; i++) {
      const start = (i * 7) % (S000.length - 20);
      annotations.push({
        id: `a${i}`,
        reportId: ['r1', 'r2', 'r3'][i % 3],
        url: 'https://www.huli.gov.cn/a/index.html',
        exact: S000.slice(start, start + 10),
        prefix: S000.slice(Math.max(0, start - 32), start),
        suffix: S000.slice(start + 10, start + 42),
        start,
        end: start + 10,
        note: i % 5 === 0 ? '' : `笔记 ${i}`,
        tags: i % 4 === 0 ? '' : `标签${i % 7}, 经济 ,民生`,
        color: 'green',
        createdAt: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString(),
        updatedAt: new Date(Date.UTC(2025, 0, 2) + i * 1000).toISOString(),
        ...(i % 9 === 0 ? { orphan: true } : {}),
      });
    }
    await v1.open();
    await v1.table('reports').bulkAdd(reports);
    await v1.table('annotations').bulkAdd(annotations);
    await v1.table('settings').put({ key: 'theme', value: 'dark' });
    v1.close();

    const db = new GovLensDB(name);
    open.push(db);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3); // v1 → v2 → v3 (→ v4, sync tables) in one open
    const r1 = (await db.reports.get('r1'))!;
    expect(r1).toMatchObject({ canonicalUrl: 'https://www.huli.gov.cn/a/', urls: ['https://www.huli.gov.cn/a/'], title: '湖里区报告', region: '湖里区', year: 2025, fingerprint: '' });
    expect(r1.createdAt).toBe(Date.parse('2025-02-14T08:00:00.000Z'));
    expect(await db.reports.get('r2')).toBeUndefined(); // same page as r1: merged
    expect((await db.reports.get('r3'))!).toMatchObject({ canonicalUrl: 'http://www.lc.gov.cn/b.htm', region: '', year: null });
    expect(await db.settings.get('theme')).toEqual({ key: 'theme', value: 'dark' });

    const migrated = await db.annotations.toArray();
    expect(migrated).toHaveLength(10_000);
    const byId = new Map(migrated.map((a) => [a.id, a]));
    for (const old of annotations) {
      const a = byId.get(old.id)!;
      expect(a).toEqual({
        id: old.id,
        reportId: old.reportId === 'r2' ? 'r1' : old.reportId,
        url: old.url,
        quote: { type: 'TextQuoteSelector', exact: old.exact, prefix: old.prefix, suffix: old.suffix },
        position: { type: 'TextPositionSelector', start: old.start, end: old.end },
        exact: old.exact,
        note: old.note,
        tags: old.tags ? old.tags.split(',').map((t) => t.trim()) : [],
        color: 'green',
        createdAt: Date.parse(old.createdAt),
        updatedAt: Date.parse(old.updatedAt),
        orphan: old.orphan === true,
        origin: 'user',
      });
    }
    // The new indexes work on migrated data.
    expect(await db.annotations.where('tags').equals('民生').count()).toBe(7500);
    expect(await repo.listAnnotations('r3', db)).toHaveLength(3333);
  });
});
