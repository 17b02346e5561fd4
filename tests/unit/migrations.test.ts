import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { GovLensDB, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4 } from '../../src/storage/db';
import { exportFile } from '../../src/storage/export';

/**
 * A database filled at every earlier schema version, opened by today's GovLens: nothing the
 * reader stored may be lost, and everything must still export. Each version's filler writes
 * records in that version's own shape; an issue that adds a Dexie version adds its filler
 * here (the first test fails until it does).
 */
interface Filled {
  /** Ids (or keys) of what must survive, per current table. */
  ids: Partial<Record<'reports' | 'annotations' | 'pledges' | 'glossary' | 'settings' | 'outbox' | 'syncState' | 'syncMeta' | 'sharedReports' | 'sharedAnnotations', string[]>>;
  /** Reader-written text that must still be there, anywhere in the upgraded database, and in a backup. */
  texts: string[];
  /** Text kept in the database but not in a backup (sync's bookkeeping, a read-only source's notes). */
  stored?: string[];
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
    // 'unclear' is no longer a status from version 3 on: the pledge and its note must survive it.
    await db.table('pledges').add({ id: 'p2u', reportId: 'r2', text: '推进老旧小区改造', region: '湖里区', year: 2025, dueYear: null, figure: null, status: 'unclear', note: 'v2 待核实', selectors: null, createdAt: T, updatedAt: T });
    await db.table('glossary').put({ term: '三争', definition: 'v2 术语解释', updatedAt: T });
    await db.table('settings').put({ key: 'v2-setting', value: true });
    db.close();
    return { ids: { reports: ['r2'], annotations: ['a2'], pledges: ['p2', 'p2u'], glossary: ['三争'], settings: ['v2-setting'] }, texts: ['v2 的笔记', '目标', 'v2 承诺备注', 'v2 术语解释', '新增城镇就业3万人以上', '推进老旧小区改造', 'v2 待核实'] };
  },
  3: async (name) => {
    const db = new Dexie(name);
    db.version(1).stores(SCHEMA_V1);
    db.version(2).stores(SCHEMA_V2);
    db.version(3).stores(SCHEMA_V3);
    await db.open();
    await fillV3Records(db, '3');
    db.close();
    return { ids: { reports: ['r3'], annotations: ['a3'], pledges: ['p3'], glossary: ['新质生产力'], settings: ['v3-setting'] }, texts: V3_TEXTS('3') };
  },
  4: async (name) => {
    const db = new Dexie(name);
    db.version(1).stores(SCHEMA_V1);
    db.version(2).stores(SCHEMA_V2);
    db.version(3).stores(SCHEMA_V3);
    db.version(4).stores(SCHEMA_V4);
    await db.open();
    await fillV3Records(db, '4');
    // Sync's own tables: a change waiting to be pushed, what the server last agreed on, the device, a teacher's folder.
    await db.table('outbox').put({ key: 'annotations/a4', kind: 'annotations', id: 'a4', deleted: false, stamps: { note: T }, at: T });
    await db.table('syncState').put({
      key: 'pledges/p4',
      kind: 'pledges',
      id: 'p4',
      path: 'GovLens/v1/pledges/p4/p4.json',
      etag: '"e4"',
      base: { kind: 'pledges', id: 'p4', fields: { note: 'v4 上次同步的承诺备注' }, stamps: { note: { t: T, d: 'dev4' } }, created: T, modified: T, device: 'dev4', revs: ['r1'] },
    });
    await db.table('syncMeta').put({ key: 'device', value: 'dev4' });
    await db.table('sharedReports').put({ key: 's4/R', sourceId: 's4', id: 'R', title: '老师共享的报告', urls: [URL_A], path: 'GovLens/v1/reports/R.json', etag: null });
    await db.table('sharedAnnotations').put({
      key: 's4/A',
      sourceId: 's4',
      id: 'A',
      reportId: 'R',
      url: URL_A,
      quote: { type: 'TextQuoteSelector', exact: '稳增长', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 3, end: 6 },
      exact: '稳增长',
      note: '老师的批注',
      tags: ['课堂'],
      modified: T,
      path: 'GovLens/v1/annotations/A.json',
      etag: null,
    });
    db.close();
    return {
      ids: { reports: ['r4'], annotations: ['a4'], pledges: ['p4'], glossary: ['新质生产力'], settings: ['v4-setting'], outbox: ['annotations/a4'], syncState: ['pledges/p4'], syncMeta: ['device'], sharedReports: ['s4/R'], sharedAnnotations: ['s4/A'] },
      texts: V3_TEXTS('4'),
      stored: ['v4 上次同步的承诺备注', '老师的批注', '课堂', '老师共享的报告'],
    };
  },
};

const V3_TEXTS = (v: string) => [`v${v} 的笔记`, '改革', `v${v} 承诺备注`, `v${v} 证据句：城镇新增就业3.2万人`, `v${v} 术语解释`, '新增城镇就业3万人以上', '就业'];

/** The user's records in version 3's shape (issue #10's pledges: kind, area, evidence, history), as versions 3 and 4 store them. */
async function fillV3Records(db: Dexie, v: string): Promise<void> {
  await db.table('reports').add({ id: `r${v}`, canonicalUrl: URL_A, urls: [URL_A], title: '湖里区政府工作报告', region: '湖里区', regionKey: '湖里', year: 2025, fingerprint: '', createdAt: T, updatedAt: T });
  await db.table('annotations').add({
    id: `a${v}`,
    reportId: `r${v}`,
    url: URL_A,
    quote: { type: 'TextQuoteSelector', exact: '稳增长', prefix: '扩内需', suffix: '' },
    position: { type: 'TextPositionSelector', start: 3, end: 6 },
    exact: '稳增长',
    note: `v${v} 的笔记`,
    tags: ['改革'],
    color: 'blue',
    createdAt: T,
    updatedAt: T,
    orphan: true,
    origin: 'user',
  });
  await db.table('pledges').add({
    id: `p${v}`,
    reportId: `r${v}`,
    text: '新增城镇就业3万人以上',
    region: '湖里区',
    regionKey: '湖里',
    year: 2025,
    dueYear: 2025,
    kind: 'target',
    area: ['就业'],
    figure: { value: 30000, unit: '人', text: '3万人' },
    direction: 'floor',
    status: 'met',
    note: `v${v} 承诺备注`,
    evidence: [{ reportId: `r${v}`, reportTitle: '湖里区政府工作报告', url: URL_A, year: 2026, sentence: `v${v} 证据句：城镇新增就业3.2万人`, at: T + 1 }],
    history: [{ status: 'unclear', at: T }, { status: 'met', at: T + 1 }],
    selectors: null,
    createdAt: T,
    updatedAt: T + 1,
  });
  await db.table('glossary').put({ term: '新质生产力', definition: `v${v} 术语解释`, updatedAt: T });
  await db.table('settings').put({ key: `v${v}-setting`, value: { sidebar: true } });
}

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
      for (const text of [...filled.texts, ...(filled.stored ?? [])]) expect(everything).toContain(text);
      // And it all still exports: nothing stored by an older version is left out of a backup.
      const { text, skipped } = await exportFile('backup', {}, db);
      expect(skipped).toEqual([]);
      for (const t of filled.texts) expect(text).toContain(t);
    });
  }
});
