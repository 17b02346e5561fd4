import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchFirefox, type FirefoxHarness } from './harness';
import { attrs, highlightTexts, pointOf, selectText, sleep, until } from './page-tools';
import { HOSTILE_SCRIPT, type HostileReport } from '../../support/hostile';
import { PAGES_DIR } from '../../support/pages';

const SENTENCE = '现在,我代表区人民政府向大会报告工作,请予审议';
const NOTE = '只给自己看的笔记：第三段数字存疑';
const TARGET = '全国人民代表大会成立70周年';

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

describe('a hostile page cannot reach the reader’s data (Firefox ESR)', () => {
  let h: FirefoxHarness;
  beforeAll(async () => {
    h = await launchFirefox();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a page script that reads the on-page UI and dispatches synthetic clicks reads no note and writes nothing', async () => {
    const own = await h.open('000');
    expect(await selectText(own, SENTENCE)).toBe(true);
    expect(await until(() => h.uiClick(own, '.gl-toolbar button.gl-btn--small'))).toBe(true);
    expect(await until(() => h.uiClick(own, 'textarea.gl-input'))).toBe(true);
    await own.keyboard.type(NOTE);
    expect(await h.uiClick(own, 'button[type=submit]')).toBe(true);
    expect(await until(async () => (await attrs(own))['data-govlens-annotations'] === '1')).toBe(true);
    await own.close();
    const before = await annotationsIn(h);
    expect(before.map((a) => a.note)).toEqual([NOTE]);

    const entry = h.server.pages.find((p) => p.id === '000')!;
    const html = readFileSync(join(PAGES_DIR, entry.file), 'utf8').replace('<head>', `<head><script>${HOSTILE_SCRIPT}</script>`);
    expect(html).toContain('__hostile');
    const url = entry.url.replace(/\.html$/, '-hostile.html');
    h.server.serve(url, html);
    const page = await h.openUrl(url);
    expect(await until(async () => (await highlightTexts(page, 'user')).length === 1)).toBe(true);
    const p = await pointOf(page, SENTENCE);
    await page.mouse.move(1, 1);
    await page.mouse.move(p!.x, p!.y);
    expect(await until(async () => (await h.uiText(page)).includes(NOTE))).toBe(true);

    const report = (await page.evaluate((target) => (window as unknown as { __hostile: (t: string) => Promise<HostileReport> }).__hostile(target), TARGET)) as HostileReport;
    expect(report.tried.length).toBeGreaterThan(5);
    expect(report.sawHost).toBe(true);
    expect(report.read.join('\n')).not.toContain('只给自己看');
    await sleep(1500);
    expect(await annotationsIn(h)).toEqual(before);
    expect(await highlightTexts(page, 'user')).toEqual([SENTENCE]);
    await page.close();
  });
});
