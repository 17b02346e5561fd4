import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { GovLensDB, SCHEMA_V1, SCHEMA_V2 } from '../../src/storage/db';
import { exportFile } from '../../src/storage/export';

/**
 * A database filled at every earlier schema version, opened by today's GovLens: nothing the
 * reader stored may be lost, and everything must still export. Each version's filler writes
 * records in that version's own shape; an issue that adds a Dexie version adds its filler
 * here (the first test fails until it does).
 */
interface Filled {
  /** Ids (or keys) of what must survive, per current table. */
  ids: Partial<Record<'reports' | 'annotations' | 'pledges' | 'glossary' | 'settings', string[]>>;
  /** Reader-written text that must still be there, anywhere in the upgraded database. */
  texts: string[];
}

type Filler = (name: string) => Promise<Filled>;

const T = Date.UTC(2025, 1, 14);
const URL_A = 'https://www.huli.gov.cn/zwgk/2025.html';

const FILLERS: Record<number, Filler> = {
  1: async (name) => {
    const db = new Dexie(name);
    db.version(1).stores(SCHEMA_V1);
    await db.open();
    await db.table('reports').add({ id: 'r1', url: URL_A, title: '湖里区政府工作报告', region: '湖里区', year: 2025, createdAt: new Date(T).toISOString() });
    await db.table('annotations').add({ id: 'a1', reportId: 'r1', url: URL_A, exact: '扩内需', prefix: '', suffix: '', start: 0, end: 3, note: 'v1 的笔记', tags: '经济, 民生', color: 'yellow', createdAt: new Date(T).toISOString(), updatedAt: new Date(T).toISOString() });
    await db.table('settings').put({ key: 'v1-setting', value: { width: 360 } });
    db.close();
    return { ids: { reports: ['r1'], annotations: ['a1'], settings: ['v1-setting'] }, texts: ['v1 的笔记', '经济', '民生', '扩内需', '湖里区政府工作报告'] };
  },
  2: async (name) => {
    const db = new Dexie(name);
    db.version(1).stores(SCHEMA_V1);
    db.version(2).stores(SCHEMA_V2);
    await db.open();
    await db.table('reports').add({ id: 'r2', canonicalUrl: URL_A, urls: [URL_A], title: '湖里区政府工作报告', region: '湖里区', year: 2025, fingerprint: '', createdAt: T, updatedAt: T });
    await db.table('annotations').add({
      id: 'a2',
      reportId: 'r2',
      url: URL_A,
      quote: { type: 'TextQuoteSelector', exact: '稳增长', prefix: '扩内需', suffix: '' },
      position: { type: 'TextPositionSelector', start: 3, end: 6 },
      exact: '稳增长',
      note: 'v2 的笔记',
      tags: ['目标'],
      color: 'green',
      createdAt: T,
      updatedAt: T,
      orphan: false,
      origin: 'user',
    });
    await db.table('pledges').add({ id: 'p2', reportId: 'r2', text: '新增城镇就业3万人以上', region: '湖里区', year: 2025, dueYear: 2025, figure: { value: 30000, unit: '人', text: '3万人' }, status: 'pending', note: 'v2 承诺备注', selectors: null, createdAt: T, updatedAt: T });
    await db.table('glossary').put({ term: '三争', definition: 'v2 术语解释', updatedAt: T });
    await db.table('settings').put({ key: 'v2-setting', value: true });
    db.close();
    return { ids: { reports: ['r2'], annotations: ['a2'], pledges: ['p2'], glossary: ['三争'], settings: ['v2-setting'] }, texts: ['v2 的笔记', '目标', 'v2 承诺备注', 'v2 术语解释', '新增城镇就业3万人以上'] };
  },
};

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

describe('migration from every earlier schema version', () => {
  it('has a filler for every version before the current one', () => {
    const current = new GovLensDB('govlens-verno-probe').verno;
    for (let v = 1; v < current; v++) expect(FILLERS[v], `no filler for schema version ${v}`).toBeDefined();
  });

  for (const [version, fill] of Object.entries(FILLERS)) {
    it(`upgrades a database filled at version ${version} and loses nothing`, async () => {
      const name = `govlens-migrate-from-${version}-${process.pid}`;
      const filled = await fill(name);
      const db = new GovLensDB(name);
      opened.push(db);
      await db.open();
      expect(db.verno).toBeGreaterThanOrEqual(Number(version));
      for (const [table, ids] of Object.entries(filled.ids)) {
        const rows = await db.table(table).bulkGet(ids!);
        expect(rows.every(Boolean), `${table} ${ids}`).toBe(true);
      }
      const everything = JSON.stringify(await Promise.all(db.tables.map((t) => t.toArray())));
      for (const text of filled.texts) expect(everything).toContain(text);
      // And it all still exports: nothing stored by an older version is left out of a backup.
      const { text, skipped } = await exportFile('backup', {}, db);
      expect(skipped).toEqual([]);
      for (const t of filled.texts) expect(text).toContain(t);
    });
  }
});
