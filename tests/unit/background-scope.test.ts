import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { callerOf, type Caller } from '../../src/background/scope';
import { storageHandlers as makeHandlers } from '../../src/background/storage-handlers';

const storageHandlers = makeHandlers();
import { getDb } from '../../src/storage/db';
import * as repo from '../../src/storage/repo';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const A = 'http://www.huli.gov.cn/zwgk/2025.html';
const B = 'http://www.huli.gov.cn/zwgk/2024.html';
const quote = (exact: string) => ({ type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' });
const position = { type: 'TextPositionSelector' as const, start: 0, end: 2 };

// Handlers take (payload, caller); call them as the background does.
const call = <K extends keyof ReturnType<typeof makeHandlers>>(type: K, payload: unknown, caller: Caller | null) =>
  Promise.resolve().then(() => (storageHandlers[type] as (p: unknown, c: Caller | null) => unknown)(payload, caller));

const contentIn = (url: string, frameId = 0) => callerOf({ id: ID, url, frameId, tab: { id: 7, url } }, ID, ORIGIN);
const panel = callerOf({ id: ID, url: `${ORIGIN}sidepanel.html?tab=7`, tab: { id: 9, url: `${ORIGIN}sidepanel.html?tab=7` } }, ID, ORIGIN);

describe('who may touch what: the background scopes content scripts to their own report', () => {
  let reportA: string;
  let reportB: string;
  let noteB: string;
  beforeEach(async () => {
    const db = getDb();
    await Promise.all([db.reports.clear(), db.annotations.clear(), db.pledges.clear()]);
    reportA = (await repo.upsertReport({ url: A, title: 'A' })).id;
    reportB = (await repo.upsertReport({ url: B, title: 'B' })).id;
    noteB = (await repo.addAnnotation({ reportId: reportB, url: B, quote: quote('秘密笔记'), position, note: '读者的私人笔记' })).id;
    await repo.addPledge({ reportId: reportB, text: '新增城镇就业3万人', note: '私人' });
  });

  it('tells a content script from an extension page, and refuses strangers', () => {
    expect(contentIn(A)).toEqual({ kind: 'content', urls: [A], tabId: 7, frameId: 0 });
    // After history.pushState the tab's address is the page's; the frame's first address stays its own.
    expect(callerOf({ id: ID, url: A, frameId: 0, tab: { id: 7, url: B } }, ID, ORIGIN)).toMatchObject({ urls: [B, A] });
    expect(panel).toEqual({ kind: 'extension' });
    expect(callerOf({ id: 'another-extension', url: A, frameId: 0, tab: { id: 7, url: A } }, ID, ORIGIN)).toBeNull();
    // A same-origin iframe's report is the iframe's own address, not the tab's.
    expect(callerOf({ id: ID, url: B, frameId: 3, tab: { id: 7, url: A } }, ID, ORIGIN)).toMatchObject({ urls: [B], frameId: 3 });
  });

  it("lets a page read and change its own report's highlights", async () => {
    const own = contentIn(A);
    const added = (await call('annotation:add', { reportId: reportA, url: A, quote: quote('本页'), position }, own)) as { id: string };
    expect(((await call('annotation:list', { reportId: reportA }, own)) as unknown[]).length).toBe(1);
    await call('annotation:update', { id: added.id, changes: { note: '新' } }, own);
    await call('annotation:delete', { id: added.id }, own);
    expect(await repo.listAnnotations(reportA)).toEqual([]);
  });

  it("refuses a page anything of another report: list, add, update, delete, orphan marks, pledges", async () => {
    const other = contentIn(A);
    await expect(call('annotation:list', { reportId: reportB }, other)).rejects.toThrow(/may not read another report/);
    await expect(call('annotation:add', { reportId: reportB, url: B, quote: quote('x'), position }, other)).rejects.toThrow(/may not/);
    await expect(call('annotation:add', { reportId: reportA, url: B, quote: quote('x'), position }, other)).rejects.toThrow(/another page/);
    await expect(call('annotation:update', { id: noteB, changes: { note: '改' } }, other)).rejects.toThrow(/may not/);
    await expect(call('annotation:delete', { id: noteB }, other)).rejects.toThrow(/may not/);
    await expect(call('annotation:mark-orphans', { ids: [noteB], orphan: true }, other)).rejects.toThrow(/may not/);
    await expect(call('report:upsert', { url: B, title: 'B', region: '', year: null, fingerprint: '' }, other)).rejects.toThrow(/may not/);
    expect(await call('pledge:list', {}, other)).toEqual([]);
    await expect(call('pledge:add', { reportId: reportB, text: '伪造承诺' }, other)).rejects.toThrow(/may not/);
    // Nothing of B changed.
    expect((await repo.listAnnotations(reportB)).map((a) => [a.note, a.orphan])).toEqual([['读者的私人笔记', false]]);
    expect((await repo.listPledges({ reportId: reportB })).length).toBe(1);
    // A message with no recognisable sender gets nothing either.
    await expect(call('annotation:list', { reportId: reportB }, null)).rejects.toThrow(/may not/);
  });

  it('gives the whole library to extension pages', async () => {
    expect(((await call('annotation:list', { reportId: reportB }, panel)) as unknown[]).length).toBe(1);
    expect(((await call('pledge:list', { reportId: reportB }, panel)) as unknown[]).length).toBe(1);
  });

  it('never lets a patch move a highlight to another report or page', async () => {
    const own = contentIn(B);
    const moved = (await call('annotation:update', { id: noteB, changes: { note: '改', reportId: reportA, url: A, id: 'x' } }, own)) as { reportId: string; url: string; id: string };
    expect([moved.reportId, moved.url, moved.id]).toEqual([reportB, B, noteB]);
  });
});
