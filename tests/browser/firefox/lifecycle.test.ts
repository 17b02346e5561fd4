/**
 * Issue #17's concurrency case in Firefox ESR (the Chromium suite, ../lifecycle.test.ts, also stops the
 * MV3 service worker and fills the quota; Firefox's MV2 background page is not stopped under a save).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxHarness } from './harness';
import { attrs, highlightTexts, selectText, until } from './page-tools';

const A = '现在,我代表区人民政府向大会报告工作,请予审议';
const B = '全国人民代表大会成立70周年';

/** Every annotation in the add-on's database, read from one of its pages. */
function annotationsIn(h: FirefoxHarness): Promise<Array<{ id: string; note: string }>> {
  return h.background(
    () =>
      new Promise<Array<{ id: string; note: string }>>((resolve, reject) => {
        const req = indexedDB.open('govlens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const r = req.result.transaction('annotations').objectStore('annotations').getAll();
          r.onsuccess = () => resolve(r.result);
        };
      }),
  );
}

describe('nothing lost under concurrency (Firefox ESR, built add-on)', () => {
  let h: FirefoxHarness;
  beforeAll(async () => {
    h = await launchFirefox();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Selects `text` and opens the note editor with `note` typed in, ready for Save. */
  async function noteReady(page: Page, text: string, note: string): Promise<void> {
    await page.bringToFront();
    expect(await selectText(page, text)).toBe(true);
    expect(await until(() => h.uiClick(page, '.gl-toolbar button.gl-btn--small'))).toBe(true);
    expect(await until(() => h.uiClick(page, 'textarea.gl-input'))).toBe(true);
    await page.keyboard.type(note);
  }

  it('two tabs of one report save at the same moment: both notes kept, each tab shows the other’s without a reload', async () => {
    const one = await h.open('000');
    const two = await h.open('000');
    await noteReady(one, A, '第一个标签页的笔记');
    await noteReady(two, B, '第二个标签页的笔记');
    await Promise.all([h.uiClick(one, 'button[type=submit]'), h.uiClick(two, 'button[type=submit]')]);
    for (const page of [one, two]) {
      expect(await until(async () => (await attrs(page))['data-govlens-annotations'] === '2', 15_000)).toBe(true);
      expect((await highlightTexts(page, 'user')).sort()).toEqual([A, B].sort());
    }
    expect((await annotationsIn(h)).map((a) => a.note).sort()).toEqual(['第一个标签页的笔记', '第二个标签页的笔记'].sort());
    await one.close();
    await two.close();
  });
});
