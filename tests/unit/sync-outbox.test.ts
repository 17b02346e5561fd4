import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { freshDbFactory } from '../support/fresh-db';
import * as repo from '../../src/storage/repo';
import { importData } from '../../src/storage/import';
import { markApplying } from '../../src/storage/outbox';
import type { GovLensDB } from '../../src/storage/db';
import { integrate } from '../../src/sync/local';
import { localDoc, withNewRev } from '../../src/sync/doc';

const freshDb = freshDbFactory('govlens-outbox');

async function tracked(): Promise<GovLensDB> {
  const db = freshDb();
  await db.syncMeta.put({ key: 'tracking', value: true });
  return db;
}

async function aReport(db: GovLensDB) {
  return repo.upsertReport({ url: 'http://www.gov.cn/report', title: '政府工作报告' }, db);
}

const quote = { type: 'TextQuoteSelector' as const, exact: '新质生产力', prefix: '发展', suffix: '。' };
const position = { type: 'TextPositionSelector' as const, start: 10, end: 15 };

describe('outbox (Dexie middleware)', () => {
  it('records nothing while sync is not set up', async () => {
    const db = freshDb();
    const r = await aReport(db);
    await repo.addAnnotation({ reportId: r.id, url: 'http://www.gov.cn/report', quote, position, note: 'n' }, db);
    expect(await db.outbox.count()).toBe(0);
  });

  it('records an added note with every field stamped, then only the fields an edit changed', async () => {
    const db = await tracked();
    const r = await aReport(db);
    const a = await repo.addAnnotation({ reportId: r.id, url: 'http://www.gov.cn/report', quote, position, note: 'first' }, db);
    const added = await db.outbox.get(`annotations/${a.id}`);
    expect(added?.deleted).toBe(false);
    expect(Object.keys(added!.stamps).sort()).toEqual(expect.arrayContaining(['note', 'tags', 'color', 'quote', 'position', 'reportId', 'url']));
    expect(added!.stamps).not.toHaveProperty('orphan');
    expect(added!.stamps).not.toHaveProperty('updatedAt');
    await db.outbox.clear();
    await repo.updateAnnotation(a.id, { note: 'second' }, db);
    const edited = await db.outbox.get(`annotations/${a.id}`);
    expect(Object.keys(edited!.stamps)).toEqual(['note']);
  });

  it('does not count re-anchoring (the orphan flag is this device’s own view)', async () => {
    const db = await tracked();
    const r = await aReport(db);
    const a = await repo.addAnnotation({ reportId: r.id, url: 'http://www.gov.cn/report', quote, position }, db);
    await db.outbox.clear();
    await repo.markOrphans([a.id], true, db);
    expect(await db.outbox.count()).toBe(0);
  });

  it('records deletions as tombstones, including a cleared table', async () => {
    const db = await tracked();
    const r = await aReport(db);
    const a = await repo.addAnnotation({ reportId: r.id, url: 'http://www.gov.cn/report', quote, position }, db);
    await repo.setGlossaryTerm('两个确立', 'x', db);
    await repo.deleteAnnotation(a.id, db);
    expect((await db.outbox.get(`annotations/${a.id}`))?.deleted).toBe(true);
    await repo.setUserGlossary([{ term: '三个一', definition: 'y' }], db);
    expect((await db.outbox.get('glossary/两个确立'))?.deleted).toBe(true);
    expect((await db.outbox.get('glossary/三个一'))?.deleted).toBe(false);
  });

  it('tracks writes of an import too', async () => {
    const db = await tracked();
    const backup = {
      format: 'govlens-backup',
      version: 2,
      exportedAt: new Date().toISOString(),
      tables: { reports: [], annotations: [], pledges: [], glossary: [{ term: '新质生产力', definition: 'd', updatedAt: 1 }], settings: [] },
    };
    await importData(JSON.stringify(backup), {}, db);
    expect(await db.outbox.get('glossary/新质生产力')).toBeTruthy();
  });

  it('does not track writes that apply pulled changes', async () => {
    const db = await tracked();
    await db.transaction('rw', db.glossary, async (tx) => {
      markApplying(tx.idbtrans);
      await db.glossary.put({ term: '两个维护', definition: 'from the server', updatedAt: 1 });
    });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.glossary.get('两个维护')).toBeTruthy();
  });

  it('rolls the outbox row back with a failed transaction', async () => {
    const db = await tracked();
    await expect(
      db.transaction('rw', db.glossary, async () => {
        await db.glossary.put({ term: '一', definition: 'x', updatedAt: 1 });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('bringing pulled versions in (integrate)', () => {
  const asPulled = (kind: 'reports' | 'annotations', record: { id: string }) =>
    withNewRev(localDoc({ kind, id: record.id, record: record as never, outbox: undefined, base: undefined, device: 'A' }), [], 'A');

  it('a note pulled after its report was merged into the one kept here is queued under the kept report', async () => {
    // Both devices saved the same report before syncing; the one with the smaller id is kept everywhere.
    const a = freshDb();
    const b = await tracked();
    const rb = await aReport(b);
    const made = await aReport(a);
    await a.reports.delete(made.id);
    const ra = { ...made, id: 'ffffffff-ffff-4fff-bfff-ffffffffffff' };
    await a.reports.put(ra);
    const na = await repo.addAnnotation({ reportId: ra.id, url: 'http://www.gov.cn/report', quote, position, note: 'from A' }, a);
    await b.outbox.clear();
    // The report arrives first (a pull fetches in parallel, in any order), then its note.
    await integrate(b, asPulled('reports', ra), null, 'GovLens/v1/reports/ff/r.json', 'B');
    await integrate(b, asPulled('annotations', na), null, 'GovLens/v1/annotations/aa/n.json', 'B');
    expect((await b.annotations.get(na.id))?.reportId).toBe(rb.id);
    // The move must go out, or device A keeps the note under a report that is deleted everywhere.
    const queued = await b.outbox.get(`annotations/${na.id}`);
    expect(queued?.stamps).toHaveProperty('reportId');
    expect(await b.outbox.get(`reports/${ra.id}`)).toMatchObject({ deleted: true });
  });
});
