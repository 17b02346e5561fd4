import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/ui/i18n', () => ({
  t: (key: string, subs?: unknown[]) => (subs?.length ? `${key}(${subs.join(',')})` : key),
  tn: (key: string, n: number, subs?: unknown[]) => `${key}(${(subs ?? [n]).join(',')})`,
  isZh: () => true,
}));

import { exportBackupJson, exportFile, toCsv, type Backup } from '../../src/storage/export';
import { ImportError, MAX_IMPORT_BYTES, importData } from '../../src/storage/import';
import * as repo from '../../src/storage/repo';
import type { AnnotationRecord } from '../../src/storage/types';
import type { Rule } from '../../src/storage/validate';
import { exportSkippedText, importErrorText } from '../../src/ui/common/storage-messages';
import { freshDbFactory } from '../support/fresh-db';
import type { GovLensDB } from '../../src/storage/db';

const freshDb = freshDbFactory('govlens-import-validation');
const URL1 = 'https://www.huli.gov.cn/zfgzbg/2025.html';
const T0 = Date.UTC(2025, 1, 14);

function note(id: string, reportId: string, over: Partial<AnnotationRecord> = {}): AnnotationRecord {
  const exact = `第${id}句`;
  return {
    id,
    reportId,
    url: URL1,
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: exact.length },
    exact,
    note: `笔记 ${id}`,
    tags: [],
    color: 'yellow',
    createdAt: T0,
    updatedAt: T0,
    orphan: false,
    origin: 'user',
    ...over,
  };
}

/** A database holding one report and one note, and a backup of it to build bad files from. */
async function start(): Promise<{ db: GovLensDB; backup: Backup; reportId: string }> {
  const db = freshDb();
  const r = await repo.upsertReport({ url: URL1, title: '湖里区政府工作报告' }, db);
  await db.annotations.add(note('kept', r.id));
  return { db, backup: JSON.parse(await exportBackupJson(db)) as Backup, reportId: r.id };
}

const counts = (db: GovLensDB) => Promise.all([db.reports, db.annotations, db.pledges, db.glossary, db.settings].map((t) => t.count()));

describe('imports that cannot poison the store', () => {
  it('refuses a backup with an out-of-range date, a malformed id, an overlong note and tag: all of them listed, nothing written', async () => {
    const { db, backup, reportId } = await start();
    const file = structuredClone(backup);
    file.tables.annotations.push(
      note('far-future', reportId, { createdAt: 1e20 }),
      note('has space', reportId),
      note('long-note', reportId, { note: 'x'.repeat(100_001) }),
      note('long-tag', reportId, { tags: ['t'.repeat(201)] }),
      note('fine', reportId),
    );
    const err = await importData(JSON.stringify(file), {}, freshDb()).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.failure).toBe('refused');
    expect(err.refusedCount).toBe(4);
    expect(err.refusals.map((r: { key: string; problem: { field: string; rule: Rule } }) => [r.key, r.problem.field, r.problem.rule])).toEqual([
      ['far-future', 'createdAt', 'date'],
      ['has space', 'id', 'id'],
      ['long-note', 'note', 'length'],
      ['long-tag', 'tags[0]', 'length'],
    ]);
    expect(err.message).toMatch(/nothing was changed: 4 records refused: annotations\[1\] \(far-future\): createdAt is not a date between 1970 and 2100; annotations\[2\]/);
    // The same file into the reader's own database: nothing of it is written, nothing there changes.
    const before = await counts(db);
    await expect(importData(JSON.stringify(file), {}, db)).rejects.toBeInstanceOf(ImportError);
    expect(await counts(db)).toEqual(before);
    // One message, in the UI language, listing every refused record and why.
    const text = importErrorText(err)!;
    expect(text.split('\n')).toEqual([
      'panel.import.refused(4)',
      'panel.import.record(panel.import.tables.annotations,2) (far-future): panel.import.rules.date(createdAt)',
      'panel.import.record(panel.import.tables.annotations,3) (has space): panel.import.rules.id(id)',
      'panel.import.record(panel.import.tables.annotations,4) (long-note): panel.import.rules.length(note,100000)',
      'panel.import.record(panel.import.tables.annotations,5) (long-tag): panel.import.rules.length(tags[0],200)',
    ]);
  });

  it('refuses JSON-LD whose created date no export could write', async () => {
    const db = freshDb();
    const item = (created: string) => ({ type: 'Annotation', created, bodyValue: '注', target: { source: URL1, selector: { type: 'TextQuoteSelector', exact: '湖里' } } });
    const err = await importData(JSON.stringify({ type: 'AnnotationCollection', items: [item('2024-03-01T00:00:00Z'), item('+275760-09-13T00:00:00.000Z')] }), {}, db).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.refusals.map((r: { index: number; problem: { field: string } }) => [r.index, r.problem.field])).toEqual([[1, 'createdAt']]);
    expect(await counts(db)).toEqual([0, 0, 0, 0, 0]);
  });

  it('keeps the newest updatedAt among duplicates, in the file and against the database, and counts what it skipped', async () => {
    const { db, backup, reportId } = await start();
    const file = structuredClone(backup);
    file.tables.annotations = [
      note('dup', reportId, { note: 'v1', updatedAt: T0 + 1 }),
      note('dup', reportId, { note: 'v3', updatedAt: T0 + 3 }),
      note('dup', reportId, { note: 'v2', updatedAt: T0 + 2 }),
    ];
    const result = await importData(JSON.stringify(file), {}, db);
    expect(result.added.annotations).toBe(1);
    expect(result.skipped.annotations).toBe(2);
    expect((await db.annotations.get('dup'))!.note).toBe('v3');

    // A newer copy replaces the stored one; an older copy is skipped.
    file.tables.annotations = [note('dup', reportId, { note: 'v5', updatedAt: T0 + 5 })];
    expect(await importData(JSON.stringify(file), {}, db)).toMatchObject({ added: { annotations: 0 }, updated: { annotations: 1 }, skipped: { annotations: 0 } });
    file.tables.annotations = [note('dup', reportId, { note: 'v4', updatedAt: T0 + 4 })];
    expect(await importData(JSON.stringify(file), {}, db)).toMatchObject({ added: { annotations: 0 }, updated: { annotations: 0 }, skipped: { annotations: 1 } });
    expect((await db.annotations.get('dup'))!.note).toBe('v5');
    // Pledges follow the same rule.
    const pledge = await repo.addPledge({ reportId, text: '新增城镇就业1.2万人' }, db);
    file.tables.annotations = [];
    file.tables.pledges = [{ ...pledge, note: '旧', updatedAt: pledge.updatedAt - 1 }, { ...pledge, note: '新', updatedAt: pledge.updatedAt + 1 }];
    expect(await importData(JSON.stringify(file), {}, db)).toMatchObject({ updated: { pledges: 1 }, skipped: { pledges: 1 } });
    expect((await db.pledges.get(pledge.id))!.note).toBe('新');
  });

  it('refuses files over 100 MB before reading them', async () => {
    expect(MAX_IMPORT_BYTES).toBe(100 * 1024 * 1024);
    const db = freshDb();
    const read = vi.fn(async () => '{}');
    const huge = { size: MAX_IMPORT_BYTES + 1, text: read } as unknown as Blob;
    const err = await importData(huge, {}, db).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.failure).toBe('too-large');
    expect(read).not.toHaveBeenCalled();
    expect(importErrorText(err)).toBe('panel.import.tooLarge(100)');
  });
});

describe('exports that one bad record cannot break', () => {
  it('writes every other record and reports the one it left out, in every format', async () => {
    const { db, reportId } = await start();
    // As an older GovLens's import let it in: stored without any check.
    await db.annotations.add(note('poison', reportId, { createdAt: 1e20 }));
    await db.annotations.add(note('later', reportId, { createdAt: T0 + 10 }));
    expect(() => toCsv([], [note('poison', reportId, { createdAt: 1e20 })])).toThrow(); // what used to fail the whole export
    for (const format of ['markdown', 'csv', 'jsonld', 'backup'] as const) {
      const { text, skipped } = await exportFile(format, {}, db);
      expect(text, format).toContain('第kept句');
      expect(text, format).toContain('第later句');
      expect(text, format).not.toContain('第poison句');
      expect(skipped.map((s) => [s.table, s.key, s.problem.field]), format).toEqual([['annotations', 'poison', 'createdAt']]);
      expect(exportSkippedText(skipped).split('\n')).toEqual(['panel.exportSkipped(1)', 'panel.import.tables.annotations (poison): panel.import.rules.date(createdAt)']);
    }
    // Nothing is deleted by an export, and its backup imports cleanly elsewhere.
    expect(await db.annotations.count()).toBe(3);
    const restored = freshDb();
    const { text } = await exportFile('backup', {}, db);
    expect((await importData(text, {}, restored)).added.annotations).toBe(2);
  });
});

describe('messages for every rule, in both languages', () => {
  it('has each rule and table in en.yml and zh_CN.yml', () => {
    const rules: Rule[] = ['object', 'type', 'required', 'id', 'date', 'length', 'url', 'integer', 'enum', 'selector', 'mismatch'];
    for (const locale of ['en', 'zh_CN']) {
      const yml = readFileSync(join(__dirname, `../../src/locales/${locale}.yml`), 'utf8');
      const rulesBlock = yml.slice(yml.indexOf('\n    rules:\n'));
      for (const r of rules) expect(rulesBlock, `${locale} ${r}`).toMatch(new RegExp(`\\n      ${r}: \\S`));
      for (const table of ['reports', 'annotations', 'pledges', 'glossary', 'settings']) expect(yml, `${locale} ${table}`).toMatch(new RegExp(`\\n      ${table}: \\S`));
      for (const key of ['refused', 'tooLarge', 'updated', 'skipped', 'record', 'more']) expect(yml, `${locale} ${key}`).toMatch(new RegExp(`\\n    ${key}: \\S`));
      expect(yml).toMatch(/\n {2}exportSkipped: \S/);
    }
  });
});
