import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/storage/db';
import { CSV_COLUMNS } from '../../src/storage/export';
import * as repo from '../../src/storage/repo';
import { exportData, importData, listNotes, listSavedPledges, search, updatePledge } from '../../src/ui/sidepanel/data';

// The side panel's storage facade against a real (fake-indexeddb) GovLens database.
const quote = (exact: string) => ({
  quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start: 0, end: exact.length },
});

let national: string;
let fujian: string;
let pledgeId: string;

beforeAll(async () => {
  national = (await repo.upsertReport({ url: 'https://www.gov.cn/zhengce/2024/gzbg.htm', title: '2024年国务院政府工作报告', region: '全国', year: 2024 })).id;
  fujian = (await repo.upsertReport({ url: 'https://www.fujian.gov.cn/zwgk/2024/gzbg.htm', title: '2024年福建省政府工作报告', region: '福建', year: 2024 })).id;
  await repo.addAnnotation({ reportId: national, url: 'https://www.gov.cn/zhengce/2024/gzbg.htm', ...quote('大力推进现代化产业体系建设，加快发展新质生产力'), note: '提法变化', tags: ['产业'] });
  await repo.addAnnotation({ reportId: fujian, url: 'https://www.fujian.gov.cn/zwgk/2024/gzbg.htm', ...quote('坚持就业优先'), note: '', tags: ['民生'] });
  pledgeId = (await repo.addPledge({ reportId: national, text: '城镇新增就业1200万人以上', region: '全国', year: 2024, dueYear: 2024 })).id;
});

describe('side panel data', () => {
  it('joins saved pledges with their report', async () => {
    const [p] = await listSavedPledges();
    expect(p.text).toBe('城镇新增就业1200万人以上');
    expect(p.reportTitle).toBe('2024年国务院政府工作报告');
    expect(p.reportUrl).toContain('www.gov.cn/zhengce/2024/gzbg.htm');
    expect(p.status).toBe('pending');
  });

  it('updates a pledge status and note', async () => {
    await updatePledge(pledgeId, { status: 'met', note: '2025年报告：新增1256万人' });
    const [p] = await listSavedPledges();
    expect(p.status).toBe('met');
    expect(p.note).toBe('2025年报告：新增1256万人');
  });

  it('searches highlights and pledges, grouped by report', async () => {
    const groups = await search('就业');
    const byTitle = Object.fromEntries(groups.map((g) => [g.title, g.hits.map((h) => `${h.kind}:${h.text}`)]));
    expect(byTitle).toEqual({
      '2024年福建省政府工作报告': ['annotation:坚持就业优先'],
      '2024年国务院政府工作报告': ['pledge:城镇新增就业1200万人以上'],
    });
    expect((await search('产业 提法')).flatMap((g) => g.hits.map((h) => h.id)).length).toBe(1);
    expect(await search('   ')).toEqual([]);
  });

  it('finds Simplified text from a Traditional query', async () => {
    const hits = (await search('新質生產力')).flatMap((g) => g.hits);
    expect(hits.map((h) => h.text)).toEqual(['大力推进现代化产业体系建设，加快发展新质生产力']);
  });

  it('exports files with a name and type per format, and restores a backup', async () => {
    const csv = await exportData('csv');
    expect(csv.filename).toMatch(/^govlens-\d{4}-\d{2}-\d{2}\.csv$/);
    // Bytes, not Blob.text(): decoding UTF-8 swallows a leading BOM, which hid a second one.
    const bytes = new Uint8Array(await csv.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...bytes.slice(3, 6)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).match(/\uFEFF/g)).toHaveLength(1);
    const backup = await exportData('backup');
    expect(JSON.parse(await backup.blob.text()).format).toBe('govlens-backup');

    const db = getDb();
    await Promise.all([db.reports.clear(), db.annotations.clear(), db.pledges.clear()]);
    const progress: number[] = [];
    const summary = await importData(new File([backup.blob], backup.filename), (p) => progress.push(p));
    expect(summary).toEqual({ reports: 2, annotations: 2, pledges: 1, updated: 0, skipped: 0 });
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(1);
    expect((await listSavedPledges())[0].status).toBe('met');
  });

  it('names the CSV columns in the words it is given (the reader\'s language)', async () => {
    const csv = await exportData('csv', { csvHeader: (c) => `列:${c}` });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.blob.arrayBuffer());
    expect(text.split('\r\n')[0]).toBe('\uFEFF' + CSV_COLUMNS.map((c) => `列:${c}`).join(','));
  });

  it('lists every note newest first, or those with a tag', async () => {
    const older = await repo.addAnnotation({ reportId: national, url: 'https://www.gov.cn/zhengce/2024/gzbg.htm', ...quote('扎实推进高质量发展'), note: '旧', tags: ['产业'] });
    await new Promise((r) => setTimeout(r, 5));
    const newer = await repo.addAnnotation({ reportId: fujian, url: 'https://www.fujian.gov.cn/zwgk/2024/gzbg.htm', ...quote('稳就业'), note: '新', tags: ['民生'] });
    const all = await listNotes();
    expect(all[0].id).toBe(newer.id);
    expect(all.map((n) => n.updatedAt)).toEqual([...all.map((n) => n.updatedAt)].sort((a, b) => b - a));
    expect(all[0].reportTitle).toBe('2024年福建省政府工作报告');
    const tagged = await listNotes('产业');
    expect(tagged.map((n) => n.text)).toEqual(['扎实推进高质量发展', '大力推进现代化产业体系建设，加快发展新质生产力']);
    expect(tagged.every((n) => n.tags.includes('产业'))).toBe(true);
    await repo.deleteAnnotation(older.id);
    await repo.deleteAnnotation(newer.id);
  });

  it('rejects a file that is not a backup with a readable message', async () => {
    await expect(importData(new File(['not json'], 'x.json'), () => {})).rejects.toThrow(/JSON/);
  });
});
