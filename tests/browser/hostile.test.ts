import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { attrs, highlightTexts, overlayText, pointOf, pristineInnerText, selectText, uiClick, uiFill } from './page-tools';
import { HOSTILE_SCRIPT, type HostileReport } from '../support/hostile';

const SENTENCE = '现在,我代表区人民政府向大会报告工作,请予审议';
const NOTE = '只给自己看的笔记：第三段数字存疑';
const TARGET = '全国人民代表大会成立70周年';

/** Every annotation in the extension's database, read from an extension page. */
async function annotationsIn(h: Harness): Promise<Array<{ id: string; exact: string; note: string; reportId: string }>> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/popup.html?tab=-1`);
  const rows = await page.evaluate(
    () =>
      new Promise<Array<{ id: string; exact: string; note: string; reportId: string }>>((resolve, reject) => {
        const req = indexedDB.open('govlens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const r = req.result.transaction('annotations').objectStore('annotations').getAll();
          r.onsuccess = () => resolve(r.result);
        };
      }),
  );
  await page.close();
  return rows;
}

/** Evaluates `expression` in GovLens's content-script world of `page` (CDP: the extension's isolated context). */
async function inContentScript(h: Harness, page: Page, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string; frameId?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (e) => void contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const ctx = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${h.extensionId}`);
  if (!ctx) throw new Error('no GovLens content-script world in this page');
  const r = await cdp.send('Runtime.evaluate', { expression, contextId: ctx.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  return r.result.value;
}

describe('a hostile page cannot reach the reader’s data (built extension, real Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a page script that reads the on-page UI and dispatches synthetic clicks reads no note and writes nothing', async () => {
    // The reader's own note, made with real clicks and keys.
    const own = await h.open('000');
    expect(await selectText(own, SENTENCE)).toBe(true);
    await uiClick(own, '.gl-toolbar button.gl-btn--small');
    await uiFill(own, 'textarea.gl-input', NOTE);
    await uiClick(own, 'button[type=submit]');
    await expect.poll(async () => (await attrs(own))['data-govlens-annotations']).toBe('1');
    await own.close();
    const before = await annotationsIn(h);

    // The same report, on a page whose own script was written to steal and to write.
    const entry = h.server.pages.find((p) => p.id === '000')!;
    const { html } = await pristineInnerText(h, entry.url);
    const url = entry.url.replace(/\.html$/, '-hostile.html');
    h.server.serve(url, `<!doctype html><html><head><meta charset="utf-8"><title>${entry.title}</title><script>${HOSTILE_SCRIPT}</script></head><body>${html}</body></html>`);
    const page = await h.context.newPage();
    await page.goto(url);
    await page.waitForSelector('html[data-govlens-annotations]', { timeout: 30_000 });
    // The note anchors on this page too (same report by fingerprint), and the reader hovers it: the card shows the note.
    await expect.poll(() => highlightTexts(page, 'user')).toEqual([SENTENCE]);
    const p = await pointOf(page, SENTENCE);
    await page.mouse.move(1, 1);
    await page.mouse.move(p!.x, p!.y);
    await expect.poll(() => overlayText(page)).toContain(NOTE);

    // Now the page's script does its worst: read every UI it can find, select a sentence, open the toolbar, click.
    const report = (await page.evaluate((target) => (window as unknown as { __hostile: (t: string) => Promise<HostileReport> }).__hostile(target), TARGET)) as HostileReport;
    expect(report.tried.length).toBeGreaterThan(5); // the attacker really ran
    expect(report.sawHost).toBe(true); // and found GovLens's element
    for (const text of report.read) expect(text).not.toContain(NOTE);
    expect(report.read.join('\n')).not.toContain('只给自己看');
    // Nothing was written: the database holds exactly the reader's note, and the page shows no new highlight.
    await page.waitForTimeout(1500);
    expect(await annotationsIn(h)).toEqual(before);
    expect(await highlightTexts(page, 'user')).toEqual([SENTENCE]);
    await page.close();
  });

  it('a content script may not read or change the notes of another report', async () => {
    const [note] = await annotationsIn(h);
    expect(note.note).toBe(NOTE);
    const other = await h.open('001'); // another report
    const send = (msg: object) => inContentScript(h, other, `chrome.runtime.sendMessage(${JSON.stringify(msg)})`) as Promise<{ ok: boolean; value?: unknown; error?: string }>;
    const list = await send({ type: 'annotation:list', payload: { reportId: note.reportId } });
    expect(list.ok).toBe(false);
    expect(JSON.stringify(list)).not.toContain(NOTE);
    expect((await send({ type: 'annotation:delete', payload: { id: note.id } })).ok).toBe(false);
    expect((await send({ type: 'annotation:update', payload: { id: note.id, changes: { note: 'pwned' } } })).ok).toBe(false);
    const pledges = await send({ type: 'pledge:list', payload: {} });
    expect(pledges).toEqual({ ok: true, value: [] });
    // Its own report answers (the channel works), and the other note is untouched.
    const own = await send({ type: 'report:upsert', payload: { url: other.url(), title: '', region: '', year: null, fingerprint: '' } });
    expect(own.ok).toBe(true);
    expect(await send({ type: 'annotation:list', payload: { reportId: (own.value as { reportId: string }).reportId } })).toEqual({ ok: true, value: [] });
    expect((await annotationsIn(h)).map((a) => a.note)).toEqual([NOTE]);
    await other.close();
  });
});
