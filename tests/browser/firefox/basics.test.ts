import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxHarness } from './harness';
import { attrs, clickTab, highlightTexts, pointOf, selectText, sleep, until } from './page-tools';
import { addSpunParagraph, SPUN_REPAIRED, startClock } from '../live-page';

const SENTENCE = '现在,我代表区人民政府向大会报告工作,请予审议';
const NOTE = '开场白 <img src=x onerror="window.pwned=1">';

/** Highlights `needle` with a note through the selection toolbar, clicking with the real mouse as a reader does. */
async function highlightWithNote(h: FirefoxHarness, page: Page, needle: string, note: string): Promise<void> {
  expect(await selectText(page, needle)).toBe(true);
  expect(await until(() => h.uiClick(page, '.gl-toolbar button.gl-btn--small'))).toBe(true); // "Note"
  expect(await until(() => h.uiClick(page, 'textarea.gl-input'))).toBe(true);
  await page.keyboard.type(note);
  expect(await h.uiClick(page, 'button[type=submit]')).toBe(true);
}

/** Clicks an export button in the side panel page and returns what would have been downloaded. */
async function exportFrom(panel: Page, index: number): Promise<string> {
  await panel.evaluate(() => {
    const w = window as unknown as { __downloads: string[] };
    w.__downloads = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      void fetch(this.href).then((r) => r.text()).then((t) => w.__downloads.push(t));
    };
  });
  await panel.evaluate((i) => (document.querySelectorAll('ul.formats li button')[i] as HTMLButtonElement).click(), index);
  return until(() => panel.evaluate(() => (window as unknown as { __downloads: string[] }).__downloads[0] ?? ''), 15_000);
}

describe('GovLens in Firefox ESR (built add-on, WebDriver BiDi)', () => {
  let h: FirefoxHarness;
  let backup = '';
  beforeAll(async () => {
    h = await launchFirefox();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('detects, repairs and marks the five seed reports, and leaves the other pages alone', async () => {
    for (const entry of h.server.pages.filter((p) => !p.bench)) {
      const page = await h.open(entry.id);
      const a = await attrs(page);
      expect(a['data-govlens'], entry.id).toBe(entry.expect);
      if (entry.expect === 'report') {
        expect(Number(a['data-govlens-figures']), entry.id).toBeGreaterThan(20);
        expect(Number(a['data-govlens-terms']), entry.id).toBeGreaterThan(0);
        expect((await highlightTexts(page, 'figure-target')).length + (await highlightTexts(page, 'figure-achieved')).length, entry.id).toBeGreaterThan(10);
      }
      if (entry.id === '001') {
        const text = await page.evaluate(() => document.body.innerText);
        expect(text).toContain('扩内需稳增长');
        expect(text).not.toMatch(/擴\(kuò\)/);
      }
      if (entry.id === '004') {
        const text = await page.evaluate(() => document.body.innerText);
        expect(text).toContain('连续四年蝉联全省城市发展“十优”区首位');
        expect(Number(a['data-govlens-fixes'])).toBeGreaterThan(50);
      }
      await page.close();
    }
  });

  it('repairs a late paragraph while the page rewrites a clock every 50 ms, and the clock adds nothing up', async () => {
    const page = await h.open('004');
    const figures = async () => Number((await attrs(page))['data-govlens-figures']);
    await sleep(1_000);
    const before = await figures();
    await page.evaluate(startClock);
    await sleep(400);
    await page.evaluate(addSpunParagraph);
    const late = () => page.evaluate(() => document.getElementById('late')!.textContent ?? '');
    expect(await until(async () => (await late()).includes(SPUN_REPAIRED))).toBe(true);
    await sleep(1_500);
    const first = await figures();
    await sleep(2_500);
    expect(await figures()).toBe(first);
    // The clock's one date and the late paragraph's 四年: not one date per tick.
    expect(first - before).toBe(2);
    await page.close();
  });

  it('shows a term tooltip on hover, as text, in the on-page UI', async () => {
    const page = await h.open('000');
    const p = await pointOf(page, '两个确立');
    await page.mouse.move(p!.x, p!.y);
    expect(await until(async () => (await h.uiText(page)).includes('两个确立'))).toBe(true);
    expect(await h.uiText(page)).toMatch(/核心地位|指导地位/);
    await page.close();
  });

  it('saves a highlight with a note, and anchors it again after a reload', async () => {
    const page = await h.open('000');
    await highlightWithNote(h, page, SENTENCE, NOTE);
    expect(await until(async () => (await attrs(page))['data-govlens-annotations'] === '1')).toBe(true);
    expect(await highlightTexts(page, 'user')).toEqual([SENTENCE]);

    await page.reload();
    await page.waitForSelector('html[data-govlens-annotations]', { timeout: 30_000 });
    expect((await attrs(page))['data-govlens-annotations']).toBe('1');
    expect(await highlightTexts(page, 'user')).toEqual([SENTENCE]);
    // Hovering shows the note as text; its markup never runs.
    const p = await pointOf(page, SENTENCE);
    await page.mouse.move(1, 1);
    await page.mouse.move(p!.x, p!.y);
    expect(await until(async () => (await h.uiText(page)).includes('onerror'))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.close();
  });

  it('exports the note (Markdown, backup) from the sidebar page', async () => {
    const report = await h.open('000');
    const panel = await h.extensionPage('sidepanel.html', report);
    await clickTab(panel, /导出|Export/);
    const md = await exportFrom(panel, 0);
    expect(md).toContain(SENTENCE);
    expect(md).toContain('开场白');
    backup = await exportFrom(panel, 3);
    const parsed = JSON.parse(backup);
    expect(parsed.format).toBe('govlens-backup');
    expect(parsed.tables.annotations.map((a: { exact: string }) => a.exact)).toEqual([SENTENCE]);
    await panel.close();
    await report.close();
  });

  it('imports that backup into a fresh profile, where the note anchors on the page', async () => {
    const fresh = await launchFirefox();
    try {
      const panel = await fresh.extensionPage('sidepanel.html');
      await clickTab(panel, /导出|Export/);
      const file = join(await mkdtemp(join(tmpdir(), 'govlens-ff-')), 'backup.json');
      await writeFile(file, backup);
      const input = await panel.waitForSelector('input[type=file]');
      await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(file);
      expect(await until(() => panel.evaluate(() => /已导入|Imported/.test(document.body.innerText)), 20_000)).toBe(true);
      const page = await fresh.open('000');
      expect(await until(async () => (await attrs(page))['data-govlens-annotations'] === '1')).toBe(true);
      expect(await highlightTexts(page, 'user')).toEqual([SENTENCE]);
    } finally {
      await fresh.close();
    }
  });

  it('the popup reports the page and its counts; the sidebar page lists its figures and saved note', async () => {
    const report = await h.open('000');
    const a = await attrs(report);
    const popup = await h.extensionPage('popup.html', report);
    const popupText = await until(() => popup.evaluate(() => (document.body.innerText.includes(document.title) || /\d/.test(document.body.innerText) ? document.body.innerText : '')));
    expect(popupText).toContain(a['data-govlens-figures']);
    const panel = await h.extensionPage('sidepanel.html', report);
    expect(await until(() => panel.evaluate((s) => document.body.innerText.includes(s.slice(0, 10)), SENTENCE), 15_000)).toBe(true);
    // The figures are listed in their own tab (this page's pledges, which once showed 5.5% here, moved to 承诺).
    await clickTab(panel, /数字|Figures/);
    expect(await until(() => panel.evaluate(() => document.body.innerText.includes('5.5%')), 15_000)).toBe(true);
    await popup.close();
    await panel.close();
    await report.close();
  });

  it("the popup's side panel button opens Firefox's sidebar, showing the side panel page", async () => {
    const manifest = await h.background(() => (globalThis as any).browser.runtime.getManifest());
    expect(manifest.sidebar_action?.default_panel).toMatch(/\/sidepanel\.html$/);
    const report = await h.open('000');
    const popup = await h.extensionPage('popup.html', report);
    const button = await popup.waitForSelector('button.btn.primary.wide');
    expect(await h.background(() => (globalThis as any).browser.sidebarAction.isOpen({}))).toBe(false);
    await button!.click(); // a real click: sidebarAction.open() needs the user's gesture
    expect(await until(() => h.background(() => (globalThis as any).browser.sidebarAction.isOpen({})))).toBe(true);
    await report.close();
  });
});

/** An SPA moving in place from a page that is not a report to seed 004's article. */
async function navigateInPlaceToReport(page: Page): Promise<void> {
  const lines = readFileSync(new URL('../../../seeds/004_89c8bcedadaad6b3.txt', import.meta.url), 'utf8').split('\n').filter((l) => l.trim());
  await page.evaluate((lines) => {
    history.pushState({}, '', '/newsDetail_forward_30412999');
    document.title = '思明区政府工作报告';
    const article = document.createElement('article');
    for (const line of lines) article.appendChild(document.createElement('p')).textContent = line;
    document.body.replaceChildren(article);
  }, lines);
  await page.waitForSelector('html[data-govlens-ms]', { timeout: 15_000 });
  expect(await page.evaluate(() => document.documentElement.getAttribute('data-govlens'))).toBe('report');
  expect(await page.evaluate(() => document.body.innerText)).toContain('连续四年蝉联全省城市发展“十优”区首位');
}

describe('single-page navigation in Firefox, with and without the Navigation API', () => {
  for (const [name, prefs] of [
    ['with the Navigation API (Firefox ESR 153 has it)', {}],
    ['without it (older Firefox): the title and history fallback', { 'dom.navigation.webidl.enabled': false }],
  ] as const) {
    it(`detects a report a single-page site navigates to in place, ${name}`, async () => {
      const h = await launchFirefox({ prefs });
      try {
        const page = await h.open('neg-passing');
        expect(await page.evaluate(() => typeof (globalThis as { navigation?: unknown }).navigation)).toBe(Object.keys(prefs).length ? 'undefined' : 'object');
        await navigateInPlaceToReport(page);
      } finally {
        await h.close();
      }
    });
  }
});
