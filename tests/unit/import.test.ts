import 'fake-indexeddb/auto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describe as describeRange } from '../../src/core/anchoring';
import { GovLensDB } from '../../src/storage/db';
import { StorageError } from '../../src/storage/errors';
import { exportBackup, exportBackupJson, exportJsonLd, type Backup } from '../../src/storage/export';
import { importData } from '../../src/storage/import';
import { freshDbFactory } from '../support/fresh-db';
import * as repo from '../../src/storage/repo';
import type { AnnotationRecord } from '../../src/storage/types';

const seedDir = join(__dirname, '../../seeds');
const S000 = readFileSync(join(seedDir, readdirSync(seedDir).find((f) => f.startsWith('000_'))!), 'utf8');

const freshDb = freshDbFactory('govlens-import');

const XSS = '<img src=x onerror=alert(1)>';
const URL1 = 'https://www.huli.gov.cn/zfgzbg/2025.html';

/** A database with `count` annotations over one report, plus a pledge, glossary entry and setting. */
async function populated(count: number) {
  const db = freshDb();
  const r = await repo.upsertReport({ url: URL1, title: '湖里区政府工作报告', region: '湖里区', year: 2025, text: S000 }, db);
  const rows: AnnotationRecord[] = [];
  for (let i = 0; i < count; i++) {
    const start = (i * 13) % (S000.length - 30);
    const { quote, position } = describeRange(S000, start, start + 5 + (i % 20));
    rows.push({
      id: `id-${i}`,
      reportId: r.id,
      url: URL1,
      quote,
      position,
      exact: quote.exact,
      note: i === 0 ? XSS : i % 3 ? `第${i}条笔记,含"引号"与逗号` : '',
      tags: i % 2 ? ['经济', `t${i % 11}`] : [],
      color: i % 4 ? 'yellow' : 'green',
      createdAt: 1_700_000_000_000 + i,
      updatedAt: 1_700_000_000_000 + i * 2,
      orphan: i % 17 === 0,
      origin: 'user',
    });
  }
  await db.annotations.bulkAdd(rows);
  await repo.addPledge({ reportId: r.id, text: '新增城镇就业1.2万人', region: '湖里区', year: 2025, dueYear: 2025, figure: { value: 1.2, unit: '万人', text: '1.2万人' } }, db);
  await repo.setGlossaryTerm('三争', '争优、争先、争效', db);
  await repo.setSetting('panel', { width: 360 }, db);
  return db;
}

const sortById = <T extends { id?: string; term?: string; key?: string }>(rows: T[]) =>
  [...rows].sort((a, b) => String(a.id ?? a.term ?? a.key).localeCompare(String(b.id ?? b.term ?? b.key)));

function normalized(b: Backup) {
  return Object.fromEntries(Object.entries(b.tables).map(([k, rows]) => [k, sortById(rows as { id?: string }[])]));
}

async function counts(db: GovLensDB) {
  return Promise.all([db.reports, db.annotations, db.pledges, db.glossary, db.settings].map((t) => t.count()));
}

describe('import', () => {
  it('round-trips a backup of 10,000 annotations into a fresh database', async () => {
    const source = await populated(10_000);
    const json = await exportBackupJson(source);

    const target = freshDb();
    const progress: [number, number][] = [];
    const result = await importData(json, { onProgress: (d, t) => progress.push([d, t]) }, target);

    expect(result.added).toEqual({ reports: 1, annotations: 10_000, pledges: 1, glossary: 1, settings: 1 });
    expect(normalized(await exportBackup(target))).toEqual(normalized(await exportBackup(source)));

    expect((await target.annotations.get('id-0'))!.note).toBe(XSS);
    // Progress arrives in chunks, ends at the total, and never goes backwards.
    const total = 10_004;
    expect(progress[0]).toEqual([0, total]);
    expect(progress[progress.length - 1]).toEqual([total, total]);
    expect(progress.length).toBeGreaterThan(10);
    for (let i = 1; i < progress.length; i++) expect(progress[i][0]).toBeGreaterThan(progress[i - 1][0]);

    // Importing the same file again adds nothing.
    const again = await importData(json, {}, target);
    expect(again.added).toEqual({ reports: 0, annotations: 0, pledges: 0, glossary: 0, settings: 0 });
    expect(again.skipped.annotations).toBe(10_000);
  });

  it('round-trips 10,000 annotations through JSON-LD (its speed is in `npm run bench`)', async () => {
    const source = await populated(10_000);
    const jsonld = await exportJsonLd({}, source);
    const target = freshDb();
    const result = await importData(jsonld, {}, target);
    // Distinct (page, quote, note) triples: the generator repeats a few empty-note highlights.
    const rows = await source.annotations.toArray();
    const distinct = new Set(rows.map((r) => `${r.url}|${r.exact}|${r.note}`)).size;
    expect(distinct).toBeLessThan(10_000);
    expect(result.added.annotations).toBe(distinct);
    expect(result.skipped.annotations).toBe(10_000 - distinct);
    const a = (await target.annotations.get('id-5'))!;
    const b = (await source.annotations.get('id-5'))!;
    expect({ ...a, reportId: '', origin: 'user' }).toEqual({ ...b, reportId: '' });
    expect(a.origin).toBe('import');
  });

  it('carries report titles through a JSON-LD export and import', async () => {
    const source = await populated(3);
    const target = freshDb();
    await importData(await exportJsonLd({}, source), {}, target);
    const titles = (db: GovLensDB) => db.reports.toArray().then((rs) => rs.map((r) => [r.canonicalUrl, r.title]));
    expect(await titles(target)).toEqual(await titles(source));
    expect((await titles(target))[0][1]).toBe('湖里区政府工作报告');
  });

  it('rejects malformed files and writes nothing', async () => {
    const db = freshDb();
    const cases: [string, RegExp][] = [
      ['{not json', /not JSON/],
      ['{"hello": 1}', /neither/],
      [JSON.stringify({ format: 'govlens-backup', version: 99, tables: {} }), /version is not supported/],
    ];
    const good = JSON.parse(await exportBackupJson(await populated(5)));
    const badRecord = structuredClone(good);
    badRecord.tables.annotations[3].tags = 'a,b';
    cases.push([JSON.stringify(badRecord), /annotations\[3\] \(id-\d+\): tags has the wrong type/]);
    const badUrl = structuredClone(good);
    badUrl.tables.annotations[1].url = 'javascript:alert(1)';
    cases.push([JSON.stringify(badUrl), /annotations\[1\].*url/]);
    const jsonld = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      items: [
        { type: 'Annotation', target: { source: URL1, selector: { type: 'TextQuoteSelector', exact: '湖里' } } },
        { type: 'Annotation', id: 'x2', target: { source: URL1 } },
      ],
    };
    cases.push([JSON.stringify(jsonld), /annotations\[1\] \(x2\): target.selector is missing/]);
    for (const [text, message] of cases) {
      const err = await importData(text, {}, db).catch((e) => e);
      expect(err).toBeInstanceOf(StorageError);
      expect(err.code).toBe('invalid');
      expect(err.message).toMatch(message);
      expect(err.message).toMatch(/nothing was changed/);
    }
    expect(await counts(db)).toEqual([0, 0, 0, 0, 0]);
  });

  it('reads a File/Blob as given by a file input', async () => {
    const json = await exportBackupJson(await populated(20));
    const db = freshDb();
    const result = await importData(new Blob([json], { type: 'application/json' }), {}, db);
    expect(result.added.annotations).toBe(20);
    expect((await db.annotations.get('id-0'))!.note).toBe(XSS);
  });

  it('rejects files over the size limit before parsing', async () => {
    const db = freshDb();
    const big = JSON.stringify({ items: [], pad: 'x'.repeat(2000) });
    await expect(importData(big, { maxBytes: 1000 }, db)).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(/larger than/) });
    await expect(importData(new Blob([big]), { maxBytes: 1000 }, db)).rejects.toMatchObject({ code: 'invalid' });
    // Byte size counts, not characters: 400 Han characters are 1200 UTF-8 bytes.
    await expect(importData(JSON.stringify({ p: '湖'.repeat(400) }), { maxBytes: 1000 }, db)).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(/larger than/) });
    expect(await counts(db)).toEqual([0, 0, 0, 0, 0]);
  });

  it('imports JSON-LD from other tools and skips duplicates', async () => {
    const db = freshDb();
    const existing = await repo.upsertReport({ url: URL1, title: '已有报告' }, db);
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [
        {
          id: 'https://hypothes.is/a/abc',
          type: 'Annotation',
          created: '2024-03-01T10:00:00Z',
          body: [
            { type: 'TextualBody', value: XSS, purpose: 'commenting' },
            { type: 'TextualBody', value: '民生', purpose: 'tagging' },
          ],
          target: [
            {
              source: URL1 + '?utm_source=share',
              selector: [
                { type: 'RangeSelector', startSelector: {}, endSelector: {} },
                { type: 'TextPositionSelector', start: 5, end: 9 },
                { type: 'TextQuoteSelector', exact: '湖里区', prefix: '2025年', suffix: '人民政府' },
              ],
            },
          ],
        },
        // Same page, quote and note as the first: a duplicate inside the file.
        {
          type: 'Annotation',
          bodyValue: XSS,
          target: { source: URL1 + '?utm_source=share', selector: { type: 'TextQuoteSelector', exact: '湖里区' } },
        },
        // Position only (offsets from another tool's DOM): kept, but as an orphan.
        { type: 'Annotation', target: { source: 'https://other.gov.cn/p', selector: { type: 'TextPositionSelector', start: 1, end: 4 } } },
      ],
    };
    const result = await importData(JSON.stringify(foreign), {}, db);
    expect(result.format).toBe('jsonld');
    expect(result.added.annotations).toBe(2);
    expect(result.skipped.annotations).toBe(1);
    expect(result.added.reports).toBe(1); // other.gov.cn; URL1 maps to the existing report
    const a = (await db.annotations.get('https://hypothes.is/a/abc'))!;
    expect(a).toMatchObject({
      reportId: existing.id,
      exact: '湖里区',
      note: XSS,
      tags: ['民生'],
      quote: { exact: '湖里区', prefix: '2025年', suffix: '人民政府' },
      position: { start: 5, end: 9 },
      createdAt: Date.parse('2024-03-01T10:00:00Z'),
      orphan: false,
      origin: 'import',
    });
    const positionOnly = (await db.annotations.where('url').equals('https://other.gov.cn/p').first())!;
    expect(positionOnly).toMatchObject({ exact: '', orphan: true });

    // Importing the file again: every annotation is a duplicate now.
    const again = await importData(JSON.stringify(foreign), {}, db);
    expect(again.added.annotations).toBe(0);
    expect(again.skipped.annotations).toBe(3);
  });

  it('writes nothing when the disk fills up midway through an import', async () => {
    const source = await populated(3000);
    const json = await exportBackupJson(source);
    const db = freshDb();
    await repo.setSetting('before', 1, db);
    let created = 0;
    db.annotations.hook('creating', () => {
      if (++created === 1500) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const progress: number[] = [];
    const err = await importData(json, { onProgress: (d) => progress.push(d), chunkSize: 500 }, db).catch((e) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(err.code).toBe('quota');
    expect(err.message).toMatch(/storage space/);
    expect(created).toBeGreaterThanOrEqual(1500);
    expect(progress.some((d) => d >= 1000)).toBe(true); // chunks had been written before the failure
    expect(await counts(db)).toEqual([0, 0, 0, 0, 1]);
  });
});
