/**
 * Issue #13's interface checks in Firefox ESR (the Chromium suite is ../look.test.ts): the welcome
 * page on install, a key for every command, an icon at every size, the popup within 600 px, each
 * mark painted in the palette's colour, a CSV with one BOM, figures in 万/亿, the 全部 note list,
 * Traditional page chrome in Simplified and back, no stale tooltip, a popup that runs on request on
 * a page judged not a report, and (in English) side panel tabs that fit at 320 and 420 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchFirefox, type FirefoxHarness } from './harness';
import { attrs, clickIn, clickTab, downloaded, downloadPrefs, hover, paintedBackground, paintedLine, pointOf, selectText, sleep, until } from './page-tools';
import { brokenCellsInPage, cssRgba, englishIn, pngSize, tabsFitInPage } from '../look-tools';
import { HIGHLIGHT_COLORS, PALETTE } from '../../../src/ui/common/colors';

declare const browser: any; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the reader\'s interface in Firefox ESR, zh-CN (built add-on)', () => {
  let h: FirefoxHarness;
  let downloads: string;
  beforeAll(async () => {
    downloads = await mkdtemp(join(tmpdir(), 'govlens-ff-dl-'));
    h = await launchFirefox({ lang: 'zh-CN', prefs: downloadPrefs(downloads) });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('opens the welcome page on install and gives every command a key', async () => {
    const urls: string[] = await until(async () => {
      const tabs: Array<{ url?: string }> = await h.background(() => browser.tabs.query({}));
      const list = tabs.map((t) => t.url ?? '');
      return list.some((u) => u.endsWith('/welcome.html')) ? list : (null as unknown as string[]);
    }, 15_000);
    expect(urls.some((u) => u.endsWith('/welcome.html'))).toBe(true);
    const commands: Array<{ name: string; shortcut?: string }> = await h.background(() => browser.commands.getAll());
    const ours = commands.filter((c) => !c.name.startsWith('_'));
    expect(ours.map((c) => c.name).sort()).toEqual(['highlight-selection', 'next-mark', 'prev-mark', 'toggle-repair']);
    expect(ours.filter((c) => !c.shortcut)).toEqual([]);
    // The options page points to where Firefox changes them, not to a chrome:// page.
    const options = await h.extensionPage('options.html');
    const where = await until(() => options.evaluate(() => document.querySelector('table.shortcuts')?.parentElement?.textContent ?? null), 15_000);
    expect(where).toContain('附加组件管理器');
    expect(where).not.toContain('chrome://');
    await options.close();
  });

  it('fits the popup in 600 px', async () => {
    const page = await h.open('004');
    const popup = await h.extensionPage('popup.html', page);
    const height = await until(() => popup.evaluate(() => (document.querySelector('[data-testid=fixes]') ? Math.ceil(document.querySelector('main')!.getBoundingClientRect().height) : 0)), 15_000);
    console.log('popup height, Firefox:', height);
    expect(height).toBeGreaterThan(200);
    expect(height).toBeLessThanOrEqual(600);
    await popup.close();
    await page.close();
  });

  it('paints a blue highlight blue', async () => {
    const page = await h.open('000');
    expect(await selectText(page, '策划生成首批支撑项目')).toBe(true);
    expect(await until(() => h.uiClick(page, '.gl-toolbar .gl-swatch[data-color=blue]'))).toBe(true);
    const texts = await until(() =>
      page.evaluate(() => {
        const out: string[] = [];
        CSS.highlights.get('govlens-user-blue')?.forEach((r) => void out.push((r as Range).toString()));
        return out.length ? out : null;
      }),
    );
    expect(texts).toEqual(['策划生成首批支撑项目']);
    const { color, alpha } = HIGHLIGHT_COLORS.blue;
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
    const rule = await page.evaluate(() => document.querySelector('style[data-govlens-ui=highlights]')?.textContent ?? '');
    expect(rule).toContain(`::highlight(govlens-user-blue) { background-color: rgba(${r}, ${g}, ${b}, ${alpha}); }`);
    await page.close();
  });

  it('shows a Traditional page\'s title and side links in Simplified, and the original exactly on request', async () => {
    const page = await h.open('001');
    expect(await page.evaluate(() => document.title)).toBe('湖里区政府工作报告·2026展望_湖里区人民政府');
    expect(await page.evaluate(() => document.querySelector('aside')!.textContent)).toContain('湖里区2025年国民经济和社会发展统计公报');
    const tabId = await h.tabIdOf(page);
    await h.background((id: number) => browser.tabs.sendMessage(id, { type: 'page:toggle', payload: { repaired: false } }, { frameId: 0 }), tabId);
    expect(await until(() => page.evaluate(() => (document.title.includes('區') ? document.title : null)))).toBe('湖里區政府工作報告·2026展望_湖里区人民政府');
    expect(await page.evaluate(() => document.querySelector('aside')!.textContent)).toContain('湖里區2025年國民經濟和社會發展統計公報');
    await page.close();
  });

  it('closes a stale tooltip when the page switches to the original', async () => {
    const page = await h.open('000');
    const p = await pointOf(page, '两个确立');
    await page.mouse.move(p!.x, p!.y);
    expect(await until(async () => (await h.uiText(page)).includes('两个确立'))).toBe(true);
    await page.mouse.move(1, 1);
    const tabId = await h.tabIdOf(page);
    await h.background((id: number) => browser.tabs.sendMessage(id, { type: 'page:toggle', payload: { repaired: false } }, { frameId: 0 }), tabId);
    expect(await until(async () => !(await h.uiText(page)).includes('两个确立'))).toBe(true);
    await page.close();
  });

  it('has an icon at every size the manifest names (read from the PNG header)', async () => {
    const manifest = await h.background(() => browser.runtime.getManifest());
    const icons = manifest.icons as Record<string, string>;
    expect(Object.keys(icons).map(Number)).toEqual(expect.arrayContaining([16, 32, 48, 128]));
    // The first bytes of each file as the installed add-on serves it.
    const heads: Record<string, number[]> = await h.background(
      async (icons: Record<string, string>) =>
        Object.fromEntries(
          await Promise.all(Object.entries(icons).map(async ([size, path]) => [size, [...new Uint8Array(await (await fetch(browser.runtime.getURL(path))).arrayBuffer()).slice(0, 24)]])),
        ),
      icons,
    );
    for (const [size, head] of Object.entries(heads)) expect(pngSize(new Uint8Array(head)), size).toEqual([Number(size), Number(size)]);
  });

  it('paints each kind of mark in the palette\'s colour (read back from the page)', async () => {
    const page = await h.open('000');
    const w = (l: keyof typeof PALETTE) => PALETTE[l].paint.wash!;
    expect(await paintedBackground(page, 'govlens-figure-achieved')).toBe(cssRgba(w('figure-achieved').color, w('figure-achieved').alpha));
    expect(await paintedBackground(page, 'govlens-figure-target')).toBe(cssRgba(w('figure-target').color, w('figure-target').alpha));
    expect(await paintedBackground(page, 'govlens-term')).toBe(cssRgba(w('term').color, w('term').alpha));
    expect(await paintedLine(page, 'govlens-pledge')).toEqual({ color: cssRgba(PALETTE.pledge.ink.light, 1), style: 'double', thickness: '1px' });
    // The popup's key draws the same.
    const popup = await h.extensionPage('popup.html', page);
    await popup.waitForSelector('.layers .gl-sample-term', { timeout: 15_000 });
    const sample = (layer: string) => popup.evaluate((l) => getComputedStyle(document.querySelector(`.layers .gl-sample-${l}`)!).backgroundColor, layer);
    expect(await sample('figure-target')).toBe(cssRgba(w('figure-target').color, w('figure-target').alpha));
    expect(await sample('term')).toBe(cssRgba(w('term').color, w('term').alpha));
    await popup.close();
    await page.close();
  });

  it('exports a CSV with exactly one byte-order mark and Chinese column names (the downloaded file\'s bytes)', async () => {
    const page = await h.open('000');
    const panel = await h.extensionPage('sidepanel.html', page);
    await clickTab(panel, /导出/);
    await panel.waitForSelector('li.item button');
    await clickIn(panel, 'li.item', 'CSV', 'button');
    const bytes = await downloaded(downloads, '.csv');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...bytes.slice(3, 6)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.split('\r\n')[0]).toBe('\uFEFF报告标题,网址,摘录,笔记,标签,创建时间,类型,承诺类别,领域,到期年份,状态,数字,方向,依据');
    await panel.close();
    await page.close();
  });

  it('writes figures with 万/亿 in Chinese tooltips, never thousand/billion, and keeps table cells whole', async () => {
    const page = await h.open('001');
    const tip = await hover(h, page, '640亿元');
    expect(tip).toContain('640亿元');
    expect(tip).not.toMatch(/thousand|billion|million|yuan/);
    const date = await hover(h, page, '2026', 0);
    expect(date).not.toMatch(/thousand|千/);
    await page.mouse.move(1, 1);
    const panel = await h.extensionPage('sidepanel.html', page);
    await panel.setViewport({ width: 320, height: 800 });
    await clickTab(panel, /数字/);
    await panel.waitForSelector('tbody tr', { timeout: 15_000 });
    // Every cell but the figure's own text is one line: 已完成 never breaks into 已完/成.
    expect(await panel.evaluate(brokenCellsInPage)).toEqual([]);
    await panel.close();
    await page.close();
  });

  it('lists every note newest first in 全部 without typing, and filters by a clicked tag', async () => {
    const page = await h.open('002');
    const tagged = async (needle: string, tag: string) => {
      expect(await selectText(page, needle)).toBe(true);
      // The toolbar's second small button is 标签 (the first is 笔记).
      expect(await until(() => h.uiClick(page, '.gl-toolbar button.gl-btn--small ~ button.gl-btn--small'))).toBe(true);
      expect(await until(() => h.uiClick(page, '.gl-toolbar--editing input'))).toBe(true);
      await page.keyboard.type(tag);
      expect(await h.uiClick(page, '.gl-toolbar--editing button[type=submit]')).toBe(true);
    };
    const count = async () => Number((await attrs(page))['data-govlens-annotations'] ?? 0);
    const before = await count();
    const [first, second] = ['持续优化营商环境', '加大企业服务力度'];
    await tagged(first, '住房');
    expect(await until(async () => (await count()) === before + 1)).toBe(true);
    await sleep(20);
    await tagged(second, '民生');
    expect(await until(async () => (await count()) === before + 2)).toBe(true);
    const panel = await h.extensionPage('sidepanel.html', page);
    await clickTab(panel, /全部/);
    const quotes = () => panel.evaluate(() => [...document.querySelectorAll('ul.notes li .quote')].map((q) => (q as HTMLElement).innerText));
    const listed = await until(async () => ((await quotes()).length >= 2 ? quotes() : null), 10_000);
    expect(listed?.slice(0, 2)).toEqual([second, first]);
    await clickIn(panel, 'ul.notes li', second, 'button.tag');
    const filtered = await until(async () => ((await quotes()).length === 1 ? quotes() : null));
    expect(filtered).toEqual([second]);
    expect(await panel.evaluate(() => document.querySelector<HTMLElement>('[data-testid=tag-filter]')?.innerText ?? '')).toContain('民生');
    expect(englishIn(await panel.evaluate(() => document.body.innerText))).toEqual([]);
    await panel.close();
    await page.close();
  });

  it('on a gov.cn page that is not a report, says it was judged not a report and runs anyway on request', async () => {
    const page = await h.open('neg-passport');
    const popup = await h.extensionPage('popup.html', page);
    const said = await until(() => popup.evaluate(() => document.querySelector('[data-testid=inactive]')?.textContent ?? ''), 15_000);
    expect(said).toContain('判断它不是政府工作报告');
    await clickIn(popup, 'button', '仍在此页运行');
    await page.waitForSelector('html[data-govlens-ms]', { timeout: 20_000 });
    await popup.close();
    await page.close();
  });
});

describe('the reader\'s interface in Firefox ESR, en-US (built add-on)', () => {
  let h: FirefoxHarness;
  beforeAll(async () => {
    h = await launchFirefox({ lang: 'en-US' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('fits every side panel tab, Export included, at 320 and 420 px', async () => {
    const page = await h.open('000');
    const panel = await h.extensionPage('sidepanel.html', page);
    await panel.waitForSelector('.report-head', { timeout: 10_000 });
    for (const width of [320, 420]) {
      await panel.setViewport({ width, height: 700 });
      expect(await panel.evaluate(tabsFitInPage), `${width} px`).toEqual({ scrolls: false, outside: [], clipped: [] });
      const exportTab = await panel.evaluate(() => {
        const tab = [...document.querySelectorAll('[role=tab]')].find((t) => /Export/.test(t.textContent ?? ''));
        const r = tab?.getBoundingClientRect();
        return r ? { width: r.width, right: r.right, inside: r.right <= window.innerWidth + 0.5 } : null;
      });
      expect(exportTab?.width, `${width} px`).toBeGreaterThan(0);
      expect(exportTab?.inside, `${width} px`).toBe(true);
    }
    await panel.close();
    await page.close();
  });
});
