import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launch, type Harness } from './harness';
import { attrs, highlightTexts, overlayText, selectText, uiClick, uiEval, uiFill } from './page-tools';

const A = '现在,我代表区人民政府向大会报告工作,请予审议';
const B = '全国人民代表大会成立70周年';
const C = '全国义务教育教学改革实验区';

/** Every annotation in the extension's database, read from an extension page. */
async function annotationsIn(h: Harness): Promise<Array<{ id: string; exact: string; note: string }>> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/popup.html?tab=-1`);
  const rows = await page.evaluate(
    () =>
      new Promise<Array<{ id: string; exact: string; note: string }>>((resolve, reject) => {
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

/** The running service worker (woken by a message if Chromium stopped it), not one a test stopped. */
async function liveWorker(h: Harness): Promise<Worker> {
  const ext = await h.context.newPage();
  await ext.goto(`chrome-extension://${h.extensionId}/popup.html?tab=-1`);
  await ext.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'site:get-mode', payload: { host: 'x' } }));
  await ext.close();
  return h.context.serviceWorkers().at(-1)!;
}

/** Selects `text` and opens the note editor with `note` typed in, ready for Save. */
async function noteReady(page: Page, text: string, note: string): Promise<void> {
  expect(await selectText(page, text)).toBe(true);
  await uiClick(page, '.gl-toolbar button.gl-btn--small');
  await uiFill(page, 'textarea.gl-input', note);
}

describe('nothing lost under concurrency and lifecycle events (built extension, real Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('two tabs of one report save at the same moment: both notes kept, each tab shows the other’s without a reload', async () => {
    const one = await h.open('000');
    const two = await h.open('000');
    await noteReady(one, A, '第一个标签页的笔记');
    await noteReady(two, B, '第二个标签页的笔记');
    await Promise.all([uiClick(one, 'button[type=submit]'), uiClick(two, 'button[type=submit]')]);
    for (const page of [one, two]) {
      await expect.poll(async () => (await attrs(page))['data-govlens-annotations'], { timeout: 10_000 }).toBe('2');
      expect((await highlightTexts(page, 'user')).sort()).toEqual([A, B].sort());
    }
    expect((await annotationsIn(h)).map((a) => a.note).sort()).toEqual(['第一个标签页的笔记', '第二个标签页的笔记'].sort());
    await one.close();
    await two.close();
  });

  it('the service worker is stopped between a save and its reply: the save is retried and kept once', async () => {
    const page = await h.open('000');
    const before = (await annotationsIn(h)).length;
    await noteReady(page, C, '工作线程停止时保存的笔记');
    const ext = await h.context.newPage();
    await ext.goto(`chrome-extension://${h.extensionId}/popup.html?tab=-1`);
    const cdp = await h.context.newCDPSession(ext);
    const states: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => states.push(...e.versions.map((v) => v.runningStatus)));
    await cdp.send('ServiceWorker.enable');
    // The worker gets busy for 3 s, so the save waits unanswered; then it is stopped, message and all.
    const worker = await liveWorker(h);
    await worker.evaluate(() => {
      setTimeout(() => {
        const end = Date.now() + 3000;
        while (Date.now() < end);
      }, 0);
    });
    const shown = (await attrs(page))['data-govlens-annotations'];
    await uiClick(page, 'button[type=submit]');
    await page.waitForTimeout(400);
    expect((await attrs(page))['data-govlens-annotations']).toBe(shown); // sent, not answered
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => states.includes('stopped'), { timeout: 10_000 }).toBe(true);
    // A new worker answers the retried save.
    await expect.poll(async () => (await highlightTexts(page, 'user')).includes(C), { timeout: 20_000 }).toBe(true);
    const after = await annotationsIn(h);
    expect(after.length).toBe(before + 1);
    expect(after.filter((a) => a.exact === C).map((a) => a.note)).toEqual(['工作线程停止时保存的笔记']);
    expect(await overlayText(page)).not.toMatch(/未能保存|Not saved/);
    await cdp.detach();
    await ext.close();
    await page.close();
  });

  it('when storage is full the reader is told, the note’s text is shown, nothing is half-written, and Try again saves it', async () => {
    const page = await h.open('000');
    const before = await annotationsIn(h);
    const worker = await liveWorker(h);
    // The disk is full: every IndexedDB write in the worker fails as browsers fail it.
    await worker.evaluate(() => {
      const g = globalThis as unknown as { IDBObjectStore: { prototype: Record<string, unknown> }; __realAdd?: unknown; __realPut?: unknown };
      g.__realAdd = g.IDBObjectStore.prototype.add;
      g.__realPut = g.IDBObjectStore.prototype.put;
      g.IDBObjectStore.prototype.add = g.IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const NOTE = '磁盘满时写下的笔记';
    await noteReady(page, '一网统管', NOTE);
    await uiClick(page, 'button[type=submit]');
    await expect.poll(() => overlayText(page), { timeout: 10_000 }).toMatch(/没有更多空间|存储空间|storage space/);
    expect(await overlayText(page)).toContain(NOTE);
    expect(await annotationsIn(h)).toEqual(before);
    // Space is freed; the reader tries again.
    await worker.evaluate(() => {
      const g = globalThis as unknown as { IDBObjectStore: { prototype: Record<string, unknown> }; __realAdd?: unknown; __realPut?: unknown };
      g.IDBObjectStore.prototype.add = g.__realAdd;
      g.IDBObjectStore.prototype.put = g.__realPut;
    });
    await uiClick(page, '.gl-card--notice .gl-btn--primary');
    await expect.poll(async () => (await annotationsIn(h)).length, { timeout: 10_000 }).toBe(before.length + 1);
    expect(await uiEval(page, (root) => (root.querySelector('.gl-card--notice') ? 'shown' : null))).toBeNull();
    await page.close();
  });
});
