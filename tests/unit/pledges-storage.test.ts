// Saved pledges in the database (Dexie version 3): the v2 → v3 migration, rating with evidence, region
// normalisation, and the pledges in every export (Markdown, CSV, JSON-LD, backup) and back through import.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { GovLensDB, SCHEMA_V1, SCHEMA_V2, type PledgeV2 } from '../../src/storage/db';
import { exportBackup, exportCsv, exportJsonLd, exportMarkdown } from '../../src/storage/export';
import { importData } from '../../src/storage/import';
import * as repo from '../../src/storage/repo';
import { freshDbFactory } from '../support/fresh-db';

const freshDb = freshDbFactory('govlens-pledges');
const open: Dexie[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const URL_2025 = 'https://www.huli.gov.cn/zwgk/2025.html';
const URL_2024 = 'https://www.huli.gov.cn/fgj/2024.html';

/** Two reports of one district, as their titles name it, with a pledge saved from the older one. */
async function district(db: GovLensDB) {
  const plan = await repo.upsertReport({ url: URL_2024, title: '湖里区发改局2024年工作计划', region: '厦门市湖里区', year: 2024 }, db);
  const later = await repo.upsertReport({ url: URL_2025, title: '2025年湖里区政府工作报告', region: '湖里区', year: 2025 }, db);
  const target = await repo.addPledge(
    {
      reportId: plan.id,
      text: '助力17个城中村加快“空间梳理”和“四打通”等改造工作',
      region: '厦门市湖里区',
      year: 2024,
      dueYear: 2024,
      kind: 'target',
      area: ['二、2024年工作计划', '(四)精谋划、促落地'],
      figure: { text: '17个', value: 17, unit: '个', kind: 'count' },
      direction: 'exact',
      selectors: { position: { type: 'TextPositionSelector', start: 900, end: 927 } },
    },
    db,
  );
  const action = await repo.addPledge({ reportId: plan.id, text: '加强土地房屋储备信息化建设', region: '厦门市湖里区', year: 2024, dueYear: 2024, kind: 'action', area: ['二、2024年工作计划', '(四)精谋划、促落地'] }, db);
  const untouched = await repo.addPledge({ reportId: plan.id, text: '推进人防工作站建设', region: '厦门市湖里区', year: 2024, dueYear: 2024, kind: 'action', area: ['二、2024年工作计划', '(五)优服务、惠民生'] }, db);
  return { plan, later, target, action, untouched };
}

describe('migration v2 → v3', () => {
  it('keeps every v2 pledge and field, adds kind, area, region key, evidence and history, and re-homes unclear', async () => {
    const name = `govlens-v2-${process.pid}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    const statuses: PledgeV2['status'][] = ['pending', 'met', 'missed', 'unclear'];
    const pledges: PledgeV2[] = [];
    for (let i = 0; i < 400; i++) {
      pledges.push({
        id: `p${i}`,
        reportId: `r${i % 3}`,
        text: `承诺第${i}条`,
        region: ['厦门市湖里区', '湖里区', '', '河北省'][i % 4],
        year: 2024,
        dueYear: i % 5 === 0 ? null : 2024 + (i % 3),
        figure: i % 2 ? { value: i, unit: '个', text: `${i}个`, kind: 'count' } : null,
        status: statuses[i % 4],
        note: i % 7 ? `备注${i}` : '',
        selectors: i % 6 ? { quote: { type: 'TextQuoteSelector', exact: `承诺第${i}条`, prefix: '', suffix: '' } } : null,
        createdAt: 1_700_000_000_000 + i,
        updatedAt: 1_700_000_100_000 + i,
      });
    }
    await v2.open();
    await v2.table('pledges').bulkAdd(pledges);
    await v2.table('reports').bulkAdd([
      { id: 'r0', canonicalUrl: URL_2024, urls: [URL_2024], title: '计划', region: '厦门市湖里区', year: 2024, fingerprint: '', createdAt: 1, updatedAt: 1 },
      { id: 'r1', canonicalUrl: URL_2025, urls: [URL_2025], title: '报告', region: '', year: null, fingerprint: '', createdAt: 2, updatedAt: 2 },
    ]);
    await v2.table('annotations').add({ id: 'a1', reportId: 'r0', url: URL_2024, exact: 'x', quote: { type: 'TextQuoteSelector', exact: 'x' }, position: { type: 'TextPositionSelector', start: 0, end: 1 }, note: '', tags: [], color: 'yellow', createdAt: 1, updatedAt: 1, orphan: false, origin: 'user' });
    v2.close();

    const db = new GovLensDB(name);
    open.push(db);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3); // 4 adds the sync tables (issue #18)
    const after = new Map((await db.pledges.toArray()).map((p) => [p.id, p]));
    expect(after.size).toBe(400);
    for (const old of pledges) {
      const p = after.get(old.id)!;
      // Everything v2 had is still there, unchanged (except the status unclear, which v3 has no more).
      const { status, ...rest } = old;
      expect(p).toMatchObject(rest);
      expect(p.status).toBe(status === 'unclear' ? 'pending' : status);
      expect(p.history).toEqual(status === 'pending' ? [] : [{ status, at: old.updatedAt }]);
      expect(p.kind).toBe(old.figure ? 'target' : 'action');
      expect(p.regionKey).toBe({ 厦门市湖里区: '湖里', 湖里区: '湖里', '': '', 河北省: '河北' }[old.region]);
      expect(p).toMatchObject({ area: [], direction: null, evidence: [] });
    }
    expect((await db.reports.get('r0'))!.regionKey).toBe('湖里');
    expect(await db.annotations.count()).toBe(1);
    // The new index finds both spellings of the district.
    expect(await db.pledges.where('[regionKey+year]').equals(['湖里', 2024]).count()).toBe(200);
    // A migrated record passes the v3 checks: it can be rated like a new one.
    const rated = await repo.ratePledge('p3', 'met', undefined, db);
    expect(rated.history.map((h) => h.status)).toEqual(['unclear', 'met']);
  });
});

describe('rating and listing pledges', () => {
  it('records the reader\'s verdict with its evidence once, and the status history', async () => {
    const db = freshDb();
    const { later, target } = await district(db);
    const evidence = { reportId: later.id, reportTitle: later.title, url: URL_2025, year: 2025, sentence: '完成19个城中村8大提升', figure: '19个', proposed: 'met' as const };
    await repo.ratePledge(target.id, 'progress', undefined, db);
    const rated = await repo.ratePledge(target.id, 'met', evidence, db);
    const again = await repo.ratePledge(target.id, 'met', evidence, db);
    expect(again.evidence).toHaveLength(1);
    expect(again.evidence[0]).toMatchObject(evidence);
    expect(rated.history.map((h) => h.status)).toEqual(['progress', 'met']);
    expect(again.history).toHaveLength(2);
    const dropped = await repo.dropEvidence(target.id, evidence.sentence, db);
    expect(dropped.evidence).toEqual([]);
  });

  it('finds a region whatever the report calls it, and filters by kind and due year', async () => {
    const db = freshDb();
    await district(db);
    await repo.addPledge({ reportId: 'x', text: '建成县域快递物流中心44个', region: '河北省', year: 2026, dueYear: 2026, kind: 'target', figure: { text: '44个', value: 44, unit: '个' } }, db);
    const texts = async (f: repo.PledgeFilter) => (await repo.listPledges(f, db)).map((p) => p.text);
    expect(await texts({ region: '湖里区' })).toHaveLength(3);
    expect(await texts({ region: '福建省厦门市湖里区', year: 2024 })).toHaveLength(3);
    expect(await texts({ region: '河北' })).toEqual(['建成县域快递物流中心44个']);
    expect(await texts({ region: '湖里区', kind: 'target' })).toEqual(['助力17个城中村加快“空间梳理”和“四打通”等改造工作']);
    expect(await texts({ dueYear: 2026 })).toEqual(['建成县域快递物流中心44个']);
  });

  it('rejects a status version 3 does not know', async () => {
    const db = freshDb();
    const { target } = await district(db);
    await expect(repo.updatePledge(target.id, { status: 'unclear' as never }, db)).rejects.toThrow(/status is not one of/);
  });
});

describe('pledges in exports and imports', () => {
  it('writes Markdown grouped by report and area, with status, evidence and overdue pledges', async () => {
    const db = freshDb();
    const { later, target } = await district(db);
    await repo.ratePledge(target.id, 'met', { reportId: later.id, reportTitle: later.title, url: URL_2025, year: 2025, sentence: '完成19个城中村8大提升', figure: '19个', proposed: 'met' }, db);
    const md = await exportMarkdown({}, db);
    expect(md).toContain('## 湖里区发改局2024年工作计划');
    expect(md).toContain('### Pledges (3)');
    const area4 = md.indexOf('#### 二、2024年工作计划 › \\(四\\)精谋划、促落地 (2)');
    const area5 = md.indexOf('#### 二、2024年工作计划 › \\(五\\)优服务、惠民生 (1)');
    expect(area4).toBeGreaterThan(0);
    expect(area5).toBeGreaterThan(area4);
    expect(md).toContain('- **met**: 助力17个城中村加快“空间梳理”和“四打通”等改造工作 (target, exact 17个, due 2024)');
    expect(md).toContain('  - Evidence (2025年湖里区政府工作报告, 2025), GovLens proposed met:\n    > 完成19个城中村8大提升');
    // Due in 2024, nothing reported: overdue once 2024 is over.
    expect(md).toContain('- **overdue**: 推进人防工作站建设 (action, due 2024)');
  });

  it('writes one CSV row per pledge with its kind, area, due year, status, figure and evidence', async () => {
    const db = freshDb();
    const { later, target } = await district(db);
    await repo.ratePledge(target.id, 'partly', { reportId: later.id, reportTitle: later.title, url: URL_2025, year: 2025, sentence: '完成19个城中村8大提升' }, db);
    const lines = (await exportCsv({}, db)).slice(1).trimEnd().split('\r\n');
    const rows = lines.slice(1).filter((l) => l.includes(',pledge,'));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toBe(
      `湖里区发改局2024年工作计划,${URL_2024},助力17个城中村加快“空间梳理”和“四打通”等改造工作,,,${new Date(target.createdAt).toISOString()},pledge,target,二、2024年工作计划 › (四)精谋划、促落地,2024,partly met,17个,exact,2025年湖里区政府工作报告: 完成19个城中村8大提升`,
    );
  });

  it('carries pledges through JSON-LD and the backup into a fresh database unchanged', async () => {
    const db = freshDb();
    const { later, target } = await district(db);
    await repo.ratePledge(target.id, 'met', { reportId: later.id, reportTitle: later.title, url: URL_2025, year: 2025, sentence: '完成19个城中村8大提升', proposed: 'met' }, db);
    const before = await db.pledges.toArray();
    const jsonld = JSON.parse(await exportJsonLd({}, db));
    const item = jsonld.items.find((i: { id: string }) => i.id === `urn:uuid:${target.id}`);
    expect(item.motivation).toBe('assessing');
    expect(item.body[0]).toEqual({ type: 'TextualBody', value: 'met', purpose: 'assessing' });
    expect(item.body[1]).toEqual({ type: 'TextualBody', value: '完成19个城中村8大提升', purpose: 'describing', 'dcterms:source': URL_2025 });
    expect(item.target.source).toEqual({ id: URL_2024, type: 'Text', 'dcterms:title': '湖里区发改局2024年工作计划' });

    for (const file of [JSON.stringify(jsonld), JSON.stringify(await exportBackup(db))]) {
      const fresh = freshDb();
      const result = await importData(file, {}, fresh);
      expect(result.added.pledges).toBe(3);
      const after = await fresh.pledges.toArray();
      const strip = ({ reportId: _r, ...p }: (typeof before)[number]) => p;
      expect(after.map(strip).sort((a, b) => a.id.localeCompare(b.id))).toEqual(before.map(strip).sort((a, b) => a.id.localeCompare(b.id)));
      // The pledges hang off the report of their page.
      const report = await fresh.reports.where('urls').equals(URL_2024).first();
      expect(new Set(after.map((p) => p.reportId))).toEqual(new Set([report!.id]));
    }
  });

  it('imports a version 2 backup, upgrading its pledges', async () => {
    const v2Backup = {
      format: 'govlens-backup',
      version: 2,
      exportedAt: '2025-03-01T00:00:00.000Z',
      tables: {
        reports: [{ id: 'r', canonicalUrl: URL_2024, urls: [URL_2024], title: '计划', region: '厦门市湖里区', year: 2024, fingerprint: '', createdAt: 1, updatedAt: 1 }],
        annotations: [],
        pledges: [{ id: 'p', reportId: 'r', text: '新增学位720个', region: '厦门市湖里区', year: 2024, dueYear: 2024, figure: { value: 720, unit: '个', text: '720个' }, status: 'unclear', note: '看明年', selectors: null, createdAt: 5, updatedAt: 6 }],
        glossary: [],
        settings: [],
      },
    };
    const db = freshDb();
    const result = await importData(JSON.stringify(v2Backup), {}, db);
    expect(result.added).toMatchObject({ reports: 1, pledges: 1 });
    expect(await db.pledges.get('p')).toMatchObject({ status: 'pending', history: [{ status: 'unclear', at: 6 }], kind: 'target', regionKey: '湖里', note: '看明年', evidence: [] });
    expect((await db.reports.get('r'))!.regionKey).toBe('湖里');
  });
});
