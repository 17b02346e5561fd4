import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, chmodSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { describe as describeRange } from '../../src/core/anchoring';
import { launch, type Harness } from './harness';
import { attrs, highlightTexts, hover, selectText, sidePanelFor, uiClick, uiFill } from './page-tools';
import { bg, dump, grantOrigin, optionsPage, setUpSync, syncNow, testConnection } from './sync-tools';
import { allFiles, snapshot, startDav, type DavServer } from '../support/dav-servers';
import { GovLensDB } from '../../src/storage/db';
import * as repo from '../../src/storage/repo';
import { Remote } from '../../src/sync/remote';
import { enableSync } from '../../src/sync/setup';
import { SyncEngine } from '../../src/sync/engine';
import { Codec } from '../../src/sync/layout';

const SENTENCE = '现在,我代表区人民政府向大会报告工作,请予审议';
const NOTE = '同步笔记：开场白 SYNC-NOTE-TEXT';
const PASSPHRASE = 'a semester of notes 2025';
const SEED = 'http://www.huli.gov.cn/zwgk/ghjh/zfgzbg/202502/t20250214_123456.html';
/** The README's screenshots of sync: written by this test on every run. */
const SHOTS = fileURLToPath(new URL('../../docs/screenshots', import.meta.url));
const TEACHER_QUOTES = ['深化拓展“三争”行动', '深入实施“一二三”战略规划'];

/** Two browser profiles (two devices) syncing through one Apache WebDAV server on loopback. */
describe('sync between two Chromium profiles through a WebDAV server (built extension)', () => {
  let dav: DavServer;
  let a: Harness;
  let b: Harness;
  let optA: import('playwright-core').Page;
  let optB: import('playwright-core').Page;
  let noteId = '';

  beforeAll(async () => {
    dav = await startDav('apache');
    a = await launch();
    b = await launch();
    for (const h of [a, b]) await grantOrigin(h, 'http://127.0.0.1/*');
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dav?.close();
  });

  it('sets up on both devices from the options page: the first creates the encrypted folder, the second joins with the passphrase', async () => {
    mkdirSync(SHOTS, { recursive: true });
    optA = await setUpSync(a, dav, PASSPHRASE, { form: resolve(SHOTS, 'options-sync-setup.png') });
    expect(Object.keys(snapshot(dav.dir))).toContain('GovLens/v1/encryption.json');
    optB = await setUpSync(b, dav, PASSPHRASE, { on: resolve(SHOTS, 'options-sync-on.png') });
    for (const page of [optA, optB]) {
      const status = await bg(page, 'sync:status', {});
      expect(status).toMatchObject({ enabled: true, encrypted: true, url: dav.url });
      // Credentials never reach storage.sync.
      const synced = await page.evaluate(() => (globalThis as any).chrome.storage.sync.get(null));
      expect(JSON.stringify(synced)).not.toContain(dav.password);
      expect(JSON.stringify(await page.evaluate(() => (globalThis as any).chrome.storage.local.get(null)))).not.toContain(PASSPHRASE);
    }
  });

  it('a note, a pledge and a glossary entry made on one device appear on the other, the note anchored', async () => {
    const page = await a.open('000');
    expect(await selectText(page, SENTENCE)).toBe(true);
    await uiClick(page, '.gl-toolbar button.gl-btn--small');
    await uiFill(page, 'textarea.gl-input', NOTE);
    await uiClick(page, 'button[type=submit]');
    await expect.poll(async () => (await attrs(page))['data-govlens-annotations']).toBe('1');
    const data = await dump(optA);
    noteId = data.annotations[0].id;
    const reportId = data.reports[0].id;
    await bg(optA, 'pledge:add', { reportId, text: '新增城镇就业1200万人以上', status: 'met', note: '完成' });
    await bg(optA, 'glossary:set-user', { term: '三争', definition: '争投资、争项目、争政策' });
    await syncNow(optA);
    expect((await bg(optA, 'sync:status', {})).pending).toBe(0);
    await syncNow(optB);

    const onB = await b.open('000');
    await expect.poll(async () => (await attrs(onB))['data-govlens-annotations']).toBe('1');
    expect(await highlightTexts(onB, 'user')).toEqual([SENTENCE]);
    const got = await dump(optB);
    expect(got.annotations.map((x) => x.note)).toEqual([NOTE]);
    expect(got.pledges.map((p) => [p.text, p.status])).toEqual([['新增城镇就业1200万人以上', 'met']]);
    expect(got.glossary.map((g) => [g.term, g.definition])).toEqual([['三争', '争投资、争项目、争政策']]);
    await page.close();
    await onB.close();
  });

  it('the glossary also follows the browser’s own account through storage.sync', async () => {
    await bg(optA, 'glossary:set-user', { term: '一二三', definition: '一个目标、两个定位、三个引领' });
    await expect.poll(async () => JSON.stringify(await optA.evaluate(() => (globalThis as any).chrome.storage.sync.get(null)))).toContain('一个目标、两个定位、三个引领');
    // Another browser signed in to the same account wrote an entry: it arrives here.
    await optB.evaluate(() => (globalThis as any).chrome.storage.sync.set({ 'glossary.0': [['新三样', '电动汽车、锂电池、光伏产品', Date.now()]] }));
    await expect.poll(async () => (await dump(optB)).glossary.map((g) => g.term)).toContain('新三样');
  });

  it('with encryption on, no file on the server contains the note’s text, a term or the page', async () => {
    const files = allFiles(dav.dir);
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) for (const secret of ['SYNC-NOTE-TEXT', '同步笔记', '三争', 'huli.gov.cn', '新增城镇就业']) expect(f.text.includes(secret) || f.path.includes(secret), `${f.path}: ${secret}`).toBe(false);
  });

  it('edits and deletions travel both ways, and an open page repaints', async () => {
    const onA = await a.open('000');
    await bg(optB, 'annotation:update', { id: noteId, changes: { note: 'edited on B' } });
    await syncNow(optB);
    await syncNow(optA);
    expect((await dump(optA)).annotations.map((x) => x.note)).toEqual(['edited on B']);
    const pledgeId = (await dump(optA)).pledges[0].id;
    await bg(optA, 'pledge:update', { id: pledgeId, changes: { status: 'missed' } });
    await syncNow(optA);
    await syncNow(optB);
    expect((await dump(optB)).pledges[0].status).toBe('missed');
    await bg(optB, 'annotation:delete', { id: noteId });
    await syncNow(optB);
    await syncNow(optA);
    expect((await dump(optA)).annotations).toEqual([]);
    await expect.poll(async () => (await attrs(onA))['data-govlens-annotations']).toBe('0');
    await onA.close();
  });

  it('one note edited on both devices at once keeps both texts: a conflict copy, shown in the side panel', async () => {
    const page = await a.open('000');
    expect(await selectText(page, SENTENCE)).toBe(true);
    await uiClick(page, '.gl-toolbar button.gl-btn--small');
    await uiFill(page, 'textarea.gl-input', 'base');
    await uiClick(page, 'button[type=submit]');
    await expect.poll(async () => (await attrs(page))['data-govlens-annotations']).toBe('1');
    const id = (await dump(optA)).annotations[0].id;
    await syncNow(optA);
    await syncNow(optB);
    await bg(optA, 'annotation:update', { id, changes: { note: 'text written on A' } });
    await bg(optB, 'annotation:update', { id, changes: { note: 'text written on B' } });
    await syncNow(optA);
    await syncNow(optB);
    await syncNow(optA);
    for (const opt of [optA, optB]) {
      const notes = (await dump(opt)).annotations;
      expect(notes.map((x) => x.note).sort()).toEqual(['text written on A', 'text written on B']);
      expect(notes.filter((x) => x.conflictOf === id)).toHaveLength(1);
    }
    const panel = await sidePanelFor(a, page);
    await expect.poll(() => panel.locator('.annotation.conflict').count()).toBe(1);
    await panel.close();
    await page.close();
  });

  it('a wrong password and a wrong passphrase each give a clear message and change nothing', async () => {
    const c = await launch();
    try {
      await grantOrigin(c, 'http://127.0.0.1/*');
      const before = snapshot(dav.dir);
      const opt = await optionsPage(c);
      await testConnection(opt, dav, 'not-the-password');
      await expect.poll(() => opt.locator('section[data-sync] .error').textContent()).toBe('服务器拒绝了用户名或应用密码。');
      await testConnection(opt, dav);
      await opt.locator('form[data-folder=encrypted]').waitFor();
      await opt.fill('input[name=passphrase]', 'not the passphrase at all');
      await opt.click('button[name=enable]');
      await expect.poll(() => opt.locator('section[data-sync] .error').textContent(), { timeout: 30_000 }).toBe('口令错误——服务器上的文件无法用它打开。没有做任何更改。');
      expect(snapshot(dav.dir)).toEqual(before);
      expect((await bg(opt, 'sync:status', {})).enabled).toBe(false);
      const data = await dump(opt);
      expect(data.annotations).toEqual([]);
      expect(data.outbox).toEqual([]);
    } finally {
      await c.close();
    }
  });

  it('the server stopped in the middle of a sync: nothing is lost, the side panel says so, and it completes when the server is back', async () => {
    const page = await a.open('000');
    const reportId = (await dump(optA)).reports[0].id;
    for (let i = 0; i < 12; i++) {
      await bg(optA, 'annotation:add', { reportId, url: SEED, quote: { type: 'TextQuoteSelector', exact: TEACHER_QUOTES[i % 2], prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 8 }, note: `offline note ${i}` });
    }
    await dav.stop();
    await syncNow(optA);
    const status = await bg(optA, 'sync:status', {});
    expect(status.lastError?.code).toBe('offline');
    expect(status.pending).toBeGreaterThanOrEqual(12);
    const panel = await sidePanelFor(a, page);
    await expect.poll(() => panel.locator('.syncbar .error').textContent()).toBe('无法连接服务器。您的更改已保留，服务器恢复后会发送。');
    expect(await panel.locator('.syncbar').getAttribute('data-sync-pending')).toBe(String(status.pending));
    await panel.setViewportSize({ width: 400, height: 720 });
    await panel.screenshot({ path: resolve(SHOTS, 'sidepanel-sync-offline.png') });
    await dav.start();
    await panel.click('.syncbar button[name=sync-now]');
    await expect.poll(async () => (await bg(optA, 'sync:status', {})).pending, { timeout: 30_000 }).toBe(0);
    await expect.poll(() => panel.locator('.syncbar').getAttribute('data-sync-error')).toBe('');
    await panel.screenshot({ path: resolve(SHOTS, 'sidepanel-sync.png') });
    await syncNow(optB);
    const onB = (await dump(optB)).annotations.map((x) => x.note).filter((n) => n.startsWith('offline note'));
    expect(onB).toHaveLength(12);
    await panel.close();
    await page.close();
  });

  it('a teacher’s read-only folder appears as its own layer, copies into own notes, and is never written to', async () => {
    // The teacher's GovLens (here run in Node on the same code) writes a class folder.
    mkdirSync(`${dav.dir}/class`);
    chmodSync(`${dav.dir}/class`, 0o777);
    const teacherDb = new GovLensDB(`teacher-${process.pid}`);
    const remote = new Remote({ url: `${dav.url}class/`, username: dav.username, password: dav.password });
    const { keys, ifMatch } = await enableSync(teacherDb, remote, { encrypt: false });
    const report = await repo.upsertReport({ url: SEED, title: '2025年湖里区人民政府工作报告' }, teacherDb);
    // Selectors as the teacher's page would describe them (quote with context, and position).
    const text = readFileSync(new URL('../../seeds/000_0cf104e84806d453.txt', import.meta.url), 'utf8');
    for (const exact of TEACHER_QUOTES) {
      const start = text.indexOf(exact);
      const { quote, position } = describeRange(text, start, start + exact.length);
      await repo.addAnnotation({ reportId: report.id, url: SEED, quote, position, note: `老师：${exact}` }, teacherDb);
    }
    await new SyncEngine(teacherDb, remote, new Codec(keys), { ifMatch }).sync();
    teacherDb.close();
    const classBefore = snapshot(`${dav.dir}/class`);
    const logFrom = dav.requests().length;

    const opt = optB;
    await opt.fill('form[name=shared] input[name=name]', '王老师的班级');
    await opt.fill('form[name=shared] input[name=url]', `${dav.url}class/`);
    await opt.fill('form[name=shared] input[name=username]', dav.username);
    await opt.fill('form[name=shared] input[name=password]', dav.password);
    await opt.click('form[name=shared] button[name=add]');
    await opt.locator('li[data-source="王老师的班级"]').waitFor();
    await syncNow(opt);
    const page = await b.open('000');
    await expect.poll(async () => (await attrs(page))['data-govlens-shared']).toBe('2');
    expect((await highlightTexts(page, 'shared')).sort()).toEqual([...TEACHER_QUOTES].sort());
    // Its own colour: a highlight of its own, styled differently from the reader's.
    const styles = await page.evaluate(() => [...document.querySelectorAll('style')].map((s) => s.textContent).join('\n'));
    const rule = (name: string) => new RegExp(`::highlight\\(govlens-${name}\\)\\s*\\{([^}]*)\\}`).exec(styles)?.[1];
    expect(rule('shared')).toBeTruthy();
    expect(rule('shared')).not.toEqual(rule('user'));
    const mine = (await dump(opt)).annotations.length;
    expect(await hover(page, '三争')).toContain('共享：王老师的班级');
    await uiClick(page, '.gl-card--shared button.gl-btn--primary');
    await expect.poll(async () => (await dump(opt)).annotations.length).toBe(mine + 1);
    await syncNow(opt);
    expect(snapshot(`${dav.dir}/class`)).toEqual(classBefore);
    const toClass = dav.requests().slice(logFrom).filter((r) => r.path.startsWith('/class/'));
    expect(toClass.length).toBeGreaterThan(0);
    expect(toClass.filter((r) => !['GET', 'PROPFIND'].includes(r.method))).toEqual([]);
    await page.close();
  });
});
