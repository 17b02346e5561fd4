import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { GovLensDB } from '../../src/storage/db';
import { exportBackup, exportCsv, exportJsonLd, exportMarkdown, toCsv } from '../../src/storage/export';
import { freshDbFactory } from '../support/fresh-db';
import * as repo from '../../src/storage/repo';
import type { AnnotationRecord, ReportRecord } from '../../src/storage/types';

const freshDb = freshDbFactory('govlens-export');

const URL1 = 'https://www.huli.gov.cn/zfgzbg/2025.html';

async function sample(db: GovLensDB) {
  const r = await repo.upsertReport({ url: URL1, title: '2025年湖里区政府工作报告' }, db);
  const q = (exact: string) => ({
    quote: { type: 'TextQuoteSelector' as const, exact, prefix: '前文', suffix: '后文' },
    position: { type: 'TextPositionSelector' as const, start: 10, end: 10 + exact.length },
  });
  const a = await repo.addAnnotation({ reportId: r.id, url: URL1, ...q('地区生产总值增长5.5%'), note: '对比去年, "增速"\n第二行', tags: ['经济', 'GDP'] }, db);
  const b = await repo.addAnnotation({ reportId: r.id, url: URL1, ...q('=HYPERLINK("x")'), note: '<img src=x onerror=alert(1)>' }, db);
  return { r, a, b };
}

describe('exports', () => {
  it('writes Markdown grouped by report with quotes, notes and tags', async () => {
    const db = freshDb();
    await sample(db);
    const md = await exportMarkdown({}, db);
    expect(md.startsWith('## 2025年湖里区政府工作报告\n\n<' + URL1 + '>')).toBe(true);
    expect(md).toContain('> 地区生产总值增长5.5%');
    expect(md).toContain('`#经济` `#GDP`');
    expect(md).toContain('对比去年, "增速"  \n第二行'); // hard line break keeps the note's lines
    // Raw HTML in a note is escaped so a Markdown viewer shows it as text.
    expect(md).toContain('\\<img src=x onerror=alert\\(1\\)\\>');
    expect(md).not.toMatch(/(^|[^\\])<img/);
  });

  it('writes CSV that Excel reads as UTF-8 with RFC 4180 quoting', async () => {
    const db = freshDb();
    const { a } = await sample(db);
    const csv = await exportCsv({}, db);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('report title,url,quote,note,tags,created,type,kind,area,due year,status,figure,direction,evidence');
    expect(lines).toHaveLength(4); // header, two records, empty string after the final CRLF
    // The note's own line break stays inside its quoted field.
    expect(lines[1]).toBe(
      `2025年湖里区政府工作报告,${URL1},地区生产总值增长5.5%,"对比去年, ""增速""\n第二行","经济, GDP",${new Date(a.createdAt).toISOString()},highlight,,,,,,,`,
    );
    // A quote starting with '=' is neutralised instead of becoming a formula.
    expect(lines[2]).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(lines[3]).toBe('');
  });

  it('keeps numbers that start with a minus sign as they are', () => {
    const r = { id: 'r', title: 't' } as ReportRecord;
    const a = { reportId: 'r', url: 'u', exact: '-3.5%', note: '-x', tags: [], createdAt: 0 } as unknown as AnnotationRecord;
    const row = toCsv([r], [a]).split('\r\n')[1];
    expect(row).toBe(`t,u,-3.5%,'-x,,1970-01-01T00:00:00.000Z,highlight,,,,,,,`);
  });

  it('writes a W3C Web Annotation collection', async () => {
    const db = freshDb();
    const { a, b } = await sample(db);
    const doc = JSON.parse(await exportJsonLd({}, db));
    expect(doc['@context']).toEqual(['http://www.w3.org/ns/anno.jsonld', { dcterms: 'http://purl.org/dc/terms/', govlens: 'urn:govlens:terms:' }]);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.items).toHaveLength(2);
    const item = doc.items.find((i: { id: string }) => i.id === `urn:uuid:${a.id}`);
    expect(item.type).toBe('Annotation');
    // The page as a resource: its IRI in id, the report's title beside it.
    expect(item.target.source).toEqual({ id: URL1, type: 'Text', 'dcterms:title': '2025年湖里区政府工作报告' });
    expect(item.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: '地区生产总值增长5.5%', prefix: '前文', suffix: '后文' },
      { type: 'TextPositionSelector', start: 10, end: 10 + a.exact.length },
    ]);
    expect(item.body).toEqual([
      { type: 'TextualBody', value: a.note, format: 'text/plain', purpose: 'commenting' },
      { type: 'TextualBody', value: '经济', purpose: 'tagging' },
      { type: 'TextualBody', value: 'GDP', purpose: 'tagging' },
    ]);
    expect(doc.items.find((i: { id: string }) => i.id === `urn:uuid:${b.id}`).body[0].value).toBe(b.note);
  });

  it('limits exports to one report when asked', async () => {
    const db = freshDb();
    await sample(db);
    const other = await repo.upsertReport({ url: 'https://www.lc.gov.cn/b.html', title: '鲤城区报告' }, db);
    await repo.addAnnotation({ reportId: other.id, url: 'https://www.lc.gov.cn/b.html', quote: { type: 'TextQuoteSelector', exact: '鲤城' }, position: { type: 'TextPositionSelector', start: 0, end: 2 } }, db);
    const all = await exportMarkdown({}, db);
    expect(all).toContain('## 鲤城区报告');
    expect(all).toContain('## 2025年湖里区政府工作报告');
    const one = await exportMarkdown({ reportId: other.id }, db);
    expect(one).toContain('## 鲤城区报告');
    expect(one).not.toContain('湖里');
    expect(JSON.parse(await exportJsonLd({ reportId: other.id }, db)).items).toHaveLength(1);
  });

  it('backs up every table with a format version', async () => {
    const db = freshDb();
    await sample(db);
    await repo.addPledge({ reportId: 'x', text: '新增就业1万人', dueYear: 2025 }, db);
    await repo.setGlossaryTerm('三争', '争优争先争效', db);
    await repo.setSetting('theme', { dark: true }, db);
    const backup = await exportBackup(db);
    expect(backup.format).toBe('govlens-backup');
    expect(backup.version).toBe(3);
    expect(Object.fromEntries(Object.entries(backup.tables).map(([k, v]) => [k, v.length]))).toEqual({
      reports: 1,
      annotations: 2,
      pledges: 1,
      glossary: 1,
      settings: 1,
    });
  });
});
