/**
 * The reader's interface as a user sees it (issue #13), in the built
 * extension in Chromium, in Chinese and in English: one palette, colours that
 * stick, a popup that fits, keys, the icon, the welcome page, quiet
 * Traditional output, the whole page in the reader's script, notes, plurals
 * and no stale card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { launch, type Harness } from './harness';
import { attrs, highlightTexts, hover, pristineInnerText, selectText, sendToPage, sidePanelFor, uiClick, uiEval, uiFill } from './page-tools';
import { brokenCellsInPage, cssRgba, englishIn, highlightTextsByPrefix, paintedBackground, paintedLine, pngSize, popupFor, popupHeight, tabsFitInPage } from './look-tools';
import { HIGHLIGHT_COLORS, LAYER_ORDER, PALETTE, QUIET_FIX } from '../../src/ui/common/colors';
import { traditionalCharsToSimplified } from '../../src/core/repair/traditional/script';

// Evaluated inside the extension's service worker, where chrome.* exists.
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Tooltip cards open on the page (inside GovLens's shadow root). */
function cardCount(page: import('playwright-core').Page): Promise<number> {
  return uiEval(page, (root) => root.querySelectorAll('.gl-card').length).then((n) => n ?? 0);
}

describe('the reader\'s interface in Chinese (built extension, Chromium --lang=zh-CN)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ lang: 'zh-CN' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('opens the welcome page on install: what GovLens does, the colour key, the shortcuts, other sites, privacy', async () => {
    await expect.poll(() => h.context.pages().some((p) => p.url().endsWith('/welcome.html')), { timeout: 10_000 }).toBe(true);
    const welcome = h.context.pages().find((p) => p.url().endsWith('/welcome.html'))!;
    await welcome.waitForSelector('[data-command]');
    const text = await welcome.locator('body').innerText();
    expect(text).toContain('GovLens 能做什么');
    // Every layer of the palette, the class folder's shared layer included, each with what it means.
    const key = welcome.locator('.key-list li');
    expect(await key.count()).toBe(LAYER_ORDER.length);
    for (const line of await key.allInnerTexts()) expect(line).toMatch(/—\s*(?!key\.)\S{2,}/);
    for (const key of ['Alt+Shift+O', 'Alt+Shift+J', 'Alt+Shift+K', 'Alt+Shift+H']) expect(text).toContain(key);
    expect(text).toContain('在此网站始终启用');
    expect(await welcome.locator('[data-testid=privacy]').innerText()).toContain('不发出任何网络请求');
    expect(englishIn(text)).toEqual([]);
    await welcome.close();
  });

  it('gives every command a key, and has an icon at every size the manifest names', async () => {
    const commands: Array<{ name: string; shortcut: string }> = await h.worker.evaluate(() => chrome.commands.getAll());
    const ours = commands.filter((c) => !c.name.startsWith('_'));
    expect(ours.map((c) => c.name).sort()).toEqual(['highlight-selection', 'next-mark', 'prev-mark', 'toggle-repair']);
    expect(ours.filter((c) => !c.shortcut)).toEqual([]);
    const manifest = await h.worker.evaluate(() => chrome.runtime.getManifest());
    expect(Object.keys(manifest.icons).map(Number)).toEqual(expect.arrayContaining([16, 32, 48, 128]));
    const page = await h.context.newPage();
    for (const [size, path] of Object.entries(manifest.icons as Record<string, string>)) {
      const res = await page.goto(`chrome-extension://${h.extensionId}/${path}`);
      expect(pngSize(new Uint8Array(await res!.body()))).toEqual([Number(size), Number(size)]);
    }
    await page.close();
  });

  it('lists the shortcuts on the options page, with where to change them, in sections', async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.waitForSelector('[data-command]');
    expect(await options.locator('[data-section]').evaluateAll((els) => els.map((e) => e.getAttribute('data-section')))).toEqual(['reading', 'sites', 'shortcuts', 'sync', 'privacy']);
    expect(await options.locator('[data-section=shortcuts]').innerText()).toContain('chrome://extensions/shortcuts');
    expect(await options.locator('[data-command=next-mark] kbd').innerText()).toBe('Alt+Shift+J');
    expect(englishIn(await options.locator('body').innerText())).toEqual([]);
    await options.close();
  });

  it('paints each kind of mark in the palette\'s colour (read back from the page)', async () => {
    const page = await h.open('000');
    const w = (l: keyof typeof PALETTE) => PALETTE[l].paint.wash!;
    expect(await paintedBackground(page, 'govlens-figure-achieved')).toBe(cssRgba(w('figure-achieved').color, w('figure-achieved').alpha));
    expect(await paintedBackground(page, 'govlens-figure-target')).toBe(cssRgba(w('figure-target').color, w('figure-target').alpha));
    expect(await paintedBackground(page, 'govlens-term')).toBe(cssRgba(w('term').color, w('term').alpha));
    const pledge = await paintedLine(page, 'govlens-pledge');
    expect(pledge).toEqual({ color: cssRgba(PALETTE.pledge.ink.light, 1), style: 'double', thickness: '1px' });
    // The popup's key draws the same.
    const popup = await popupFor(h, page);
    const sample = (layer: string) => popup.locator(`.layers .gl-sample-${layer}`).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await sample('figure-target')).toBe(cssRgba(w('figure-target').color, w('figure-target').alpha));
    expect(await sample('term')).toBe(cssRgba(w('term').color, w('term').alpha));
    await popup.close();
    // And the side panel's key: one sample per layer, in the key's order, painted as the page paints it.
    const panel = await sidePanelFor(h, page);
    await panel.waitForSelector('.gl-key .gl-sample-term');
    expect(await panel.locator('.gl-key [data-layer]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.layer))).toEqual(LAYER_ORDER.filter((l) => l !== 'shared'));
    const keyed = (layer: string) => panel.locator(`.gl-key .gl-sample-${layer}`).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await keyed('figure-achieved')).toBe(cssRgba(w('figure-achieved').color, w('figure-achieved').alpha));
    expect(await keyed('figure-target')).toBe(cssRgba(w('figure-target').color, w('figure-target').alpha));
    expect(await keyed('term')).toBe(cssRgba(w('term').color, w('term').alpha));
    await panel.close();
    await page.close();
  });

  it('paints a highlight in the colour the reader picked (blue is blue, pink is pink), and keeps it after a reload', async () => {
    const page = await h.open('000');
    const pick = async (needle: string, color: string) => {
      expect(await selectText(page, needle)).toBe(true);
      await uiClick(page, `.gl-toolbar .gl-swatch[data-color=${color}]`);
    };
    await pick('全国人民代表大会成立70周年', 'blue');
    // The first is saved and painted before the next selection (a repaint closes an open toolbar).
    await expect.poll(async () => (await attrs(page))['data-govlens-annotations']).toBe('1');
    await pick('策划生成首批支撑项目', 'pink');
    await expect.poll(async () => (await attrs(page))['data-govlens-annotations']).toBe('2');
    const check = async () => {
      const byName = await highlightTextsByPrefix(page, 'govlens-user');
      expect(byName['govlens-user-blue']).toEqual(['全国人民代表大会成立70周年']);
      expect(byName['govlens-user-pink']).toEqual(['策划生成首批支撑项目']);
      expect(await paintedBackground(page, 'govlens-user-blue')).toBe(cssRgba(HIGHLIGHT_COLORS.blue.color, HIGHLIGHT_COLORS.blue.alpha));
      expect(await paintedBackground(page, 'govlens-user-pink')).toBe(cssRgba(HIGHLIGHT_COLORS.pink.color, HIGHLIGHT_COLORS.pink.alpha));
    };
    await check();
    await page.reload();
    await page.waitForSelector('html[data-govlens-ms]');
    await expect.poll(async () => (await attrs(page))['data-govlens-annotations']).toBe('2');
    await check();
    await page.close();
  });

  it('fits the popup in 600 px, with no detector codes and no "0 suggestions"', async () => {
    const heights: Record<string, number> = {};
    for (const id of ['000', '001', '004']) {
      const page = await h.open(id);
      const popup = await popupFor(h, page);
      heights[id] = await popupHeight(popup);
      const text = await popup.locator('body').innerText();
      expect(text).not.toMatch(/\b(host|title|heading|density|words?):/);
      expect(text).not.toMatch(/另有 0 处/);
      expect(englishIn(text)).toEqual([]);
      await popup.close();
      await page.close();
    }
    console.log('popup heights, zh-CN:', heights);
    for (const px of Object.values(heights)) expect(px).toBeLessThanOrEqual(600);
  });

  it('exports a CSV with exactly one byte-order mark and Chinese column names', async () => {
    const page = await h.open('000');
    const panel = await sidePanelFor(h, page);
    await panel.getByRole('tab', { name: /导出/ }).click();
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.locator('li.item', { hasText: 'CSV' }).locator('button').click()]);
    const bytes = new Uint8Array(await readFile((await download.path())!));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...bytes.slice(3, 6)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.split('\r\n')[0]).toBe('\uFEFF报告标题,网址,摘录,笔记,标签,创建时间,类型,承诺类别,领域,到期年份,状态,数字,方向,依据');
    await panel.close();
    await page.close();
  });

  it('in Traditional output marks no conversion as a repair, and converts the page around the report too', async () => {
    const page = await h.open('000');
    const fixesBefore = await highlightTexts(page, 'fix');
    expect(fixesBefore.length).toBeGreaterThan(0);
    const { text: pristine } = await pristineInnerText(h, page.url());
    await sendToPage(h, page, 'page:set-traditional', { traditional: true });
    await expect.poll(() => page.evaluate(() => document.body.innerText), { timeout: 15_000 }).toContain('全國人民代表大會');
    // The same repairs as in Simplified (the page's own damage), none for the conversion the reader asked for.
    await expect.poll(async () => (await highlightTexts(page, 'fix')).map(traditionalCharsToSimplified)).toEqual(fixesBefore);
    expect(Number((await attrs(page))['data-govlens-fixes'])).toBe(fixesBefore.length);
    // Title and navigation follow the reader's script; marks stay in the body.
    expect(await page.title()).toMatch(/湖[裏裡]區人民政府工作報告/);
    expect(await page.locator('nav, .hl-nav').first().innerText()).toContain('政務公開');
    // The original is the original, chrome included.
    await sendToPage(h, page, 'page:toggle', { repaired: false });
    expect(await page.evaluate(() => document.body.innerText)).toBe(pristine);
    await sendToPage(h, page, 'page:toggle', { repaired: true });
    await sendToPage(h, page, 'page:set-traditional', { traditional: false });
    await page.close();
  });

  it('shows a Traditional page\'s side links, title and side panel title in Simplified, marks only the body, and restores them exactly', async () => {
    const page = await h.open('001');
    const { text: pristine } = await pristineInnerText(h, page.url());
    expect(await page.locator('aside').innerText()).toContain('湖里区2025年国民经济和社会发展统计公报');
    expect(await page.title()).toBe('湖里区政府工作报告·2026展望_湖里区人民政府');
    // No mark of any kind inside the page chrome.
    const marked = await page.evaluate(() => {
      const aside = document.querySelector('aside')!;
      return [...CSS.highlights.values()].some((hl) => [...hl].some((r) => aside.contains((r as Range).startContainer)));
    });
    expect(marked).toBe(false);
    const panel = await sidePanelFor(h, page);
    await expect.poll(() => panel.locator('.report-head h2').innerText(), { timeout: 10_000 }).toBe('湖里区政府工作报告·2026展望_湖里区人民政府');
    await panel.close();
    await sendToPage(h, page, 'page:toggle', { repaired: false });
    expect(await page.evaluate(() => document.body.innerText)).toBe(pristine);
    expect(await page.title()).toBe('湖里區政府工作報告·2026展望_湖里区人民政府');
    await page.close();
  });

  it('draws repairs faintly on a spun page by default, and in full on demand', async () => {
    const page = await h.open('004');
    const quiet = await paintedLine(page, 'govlens-fix');
    expect(quiet).toEqual({ color: cssRgba(PALETTE.fix.ink.light, QUIET_FIX.line!.alpha), style: 'dotted', thickness: '1px' });
    const popup = await popupFor(h, page);
    await popup.locator('[data-testid=marks-full]').click();
    await expect.poll(() => paintedLine(page, 'govlens-fix')).toEqual({ color: cssRgba(PALETTE.fix.ink.light, 1), style: 'dotted', thickness: '2px' });
    // A setting: the next page gets it too. Back to faint for the other tests.
    await popup.locator('[data-testid=marks-quiet]').click();
    await expect.poll(() => paintedLine(page, 'govlens-fix')).toEqual(quiet);
    await popup.close();
    await page.close();
  });

  it('closes a stale tooltip when the reader switches to the original', async () => {
    const page = await h.open('000');
    expect(await hover(page, '两个确立')).toContain('两个确立');
    expect(await cardCount(page)).toBe(1);
    await page.mouse.move(1, 1); // the card stays while the pointer travels to it…
    await sendToPage(h, page, 'page:toggle', { repaired: false });
    await expect.poll(() => cardCount(page), { timeout: 2_000 }).toBe(0);
    // …and nothing unpainted can be hovered in the original view.
    await hover(page, '两个确立');
    expect(await cardCount(page)).toBe(0);
    await sendToPage(h, page, 'page:toggle', { repaired: true });
    await page.close();
  });

  it('shows the quote being annotated, with labelled fields, in the note editor', async () => {
    const page = await h.open('000');
    expect(await selectText(page, '发布金砖数字街区五年实施规划')).toBe(true);
    await uiClick(page, '.gl-toolbar button', 10_000, /笔记/);
    await expect.poll(() => uiEval(page, (root) => !!root.querySelector('.gl-toolbar--editing'))).toBe(true);
    const editor = (await uiEval(page, (root) => {
      const ed = root.querySelector('.gl-toolbar--editing')!;
      return {
        quote: (ed.querySelector('.gl-quote') as HTMLElement).innerText,
        labels: [...ed.querySelectorAll('label.gl-label')].map((l) => (l as HTMLElement).innerText),
        textareaId: ed.querySelector('textarea')?.getAttribute('id'),
        firstFor: ed.querySelector('label.gl-label')?.getAttribute('for'),
      };
    }))!;
    expect(editor.quote).toBe('发布金砖数字街区五年实施规划');
    expect(editor.labels).toEqual(['笔记', '标签']);
    expect(editor.textareaId).toBe(editor.firstFor);
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('lists every note newest first in 全部 without typing, and filters by a clicked tag', async () => {
    const page = await h.open('002');
    const note = async (needle: string, tags: string) => {
      expect(await selectText(page, needle)).toBe(true);
      await uiClick(page, '.gl-toolbar button', 10_000, /标签/);
      await uiFill(page, '.gl-toolbar--editing input', tags);
      await uiClick(page, '.gl-toolbar--editing button[type=submit]');
    };
    const before = Number((await attrs(page))['data-govlens-annotations'] ?? 0);
    const [first, second] = ['持续优化营商环境', '加大企业服务力度'];
    await note(first, '住房');
    await expect.poll(async () => Number((await attrs(page))['data-govlens-annotations'])).toBe(before + 1);
    await page.waitForTimeout(20);
    await note(second, '民生');
    await expect.poll(async () => Number((await attrs(page))['data-govlens-annotations'])).toBe(before + 2);
    const panel = await sidePanelFor(h, page);
    await panel.getByRole('tab', { name: /全部/ }).click();
    const quotes = panel.locator('ul.notes li .quote');
    await expect.poll(() => quotes.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect((await quotes.allInnerTexts()).slice(0, 2)).toEqual([second, first]);
    await panel.locator('ul.notes li', { hasText: second }).locator('button.tag').click();
    await expect.poll(() => quotes.allInnerTexts()).toEqual([second]);
    expect(await panel.locator('[data-testid=tag-filter]').innerText()).toContain('民生');
    expect(englishIn(await panel.locator('body').innerText())).toEqual([]);
    await panel.close();
    await page.close();
  });

  it('on a gov.cn page that is not a report, says it was judged not a report and runs anyway on request', async () => {
    const page = await h.open('neg-passport');
    const popup = await popupFor(h, page);
    expect(await popup.locator('[data-testid=inactive]').innerText()).toContain('判断它不是政府工作报告');
    await popup.getByRole('button', { name: '仍在此页运行' }).click();
    await page.waitForSelector('html[data-govlens-ms]', { timeout: 20_000 });
    await popup.close();
    await page.close();
  });

  it('writes figures with 万/亿 in Chinese tooltips, never thousand/billion, and keeps table cells whole', async () => {
    const page = await h.open('001');
    const tip = await hover(page, '640亿元');
    expect(tip).toContain('640亿元');
    expect(tip).not.toMatch(/thousand|billion|million|yuan/);
    const date = await hover(page, '2026', 0);
    expect(date).not.toMatch(/thousand|千/);
    const panel = await sidePanelFor(h, page);
    await panel.setViewportSize({ width: 320, height: 800 });
    await panel.getByRole('tab', { name: /数字/ }).click();
    await panel.locator('tbody tr').first().waitFor();
    // Every cell but the figure's own text is one line: 已完成 never breaks into 已完/成.
    const broken = await panel.evaluate(brokenCellsInPage);
    expect(broken).toEqual([]);
    await panel.close();
    await page.close();
  });

  it('has no English sentence on any tab of the side panel', async () => {
    const page = await h.open('000');
    const panel = await sidePanelFor(h, page);
    await panel.locator('.report-head').waitFor({ timeout: 10_000 });
    for (const name of ['本页', '数字', '术语', '承诺', '全部', '导出']) {
      await panel.getByRole('tab', { name: new RegExp(name) }).click();
      await panel.waitForTimeout(150);
      const text = await panel.locator('body').innerText();
      // Page text (quotes, figures) is Chinese; anything English here would be the UI's.
      expect(englishIn(text), name).toEqual([]);
    }
    // The browser's own file button says "Choose File" in the browser's language: it stays hidden behind ours.
    expect(await panel.locator('input[type=file]').evaluate((e) => e.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    expect(await panel.locator('label.file-pick').innerText()).toBe('选择文件…');
    await panel.close();
    await page.close();
  });
});

describe('the reader\'s interface in English (built extension, Chromium --lang=en-US)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ lang: 'en-US' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('fits the popup in 600 px and names each control once', async () => {
    const heights: Record<string, number> = {};
    for (const id of ['000', '001', '004']) {
      const page = await h.open(id);
      const popup = await popupFor(h, page);
      heights[id] = await popupHeight(popup);
      const labels = await popup.locator('.popup .row > .small, .popup h2, .kinds li span:first-child').allInnerTexts();
      expect(labels.filter((l, i) => labels.indexOf(l) !== i)).toEqual([]);
      await popup.close();
      await page.close();
    }
    console.log('popup heights, en-US:', heights);
    for (const px of Object.values(heights)) expect(px).toBeLessThanOrEqual(600);
  });

  it('fits every side panel tab, Export included, at 320 and 420 px', async () => {
    const page = await h.open('000');
    const panel = await sidePanelFor(h, page);
    await panel.locator('.report-head').waitFor({ timeout: 10_000 });
    for (const width of [320, 420]) {
      await panel.setViewportSize({ width, height: 700 });
      const fit = await panel.evaluate(tabsFitInPage);
      expect(fit, `${width} px`).toEqual({ scrolls: false, outside: [], clipped: [] });
      await expect(panel.getByRole('tab', { name: /Export/ }).isVisible()).resolves.toBe(true);
    }
    await panel.close();
    await page.close();
  });

  it('counts in English with plurals: "1 note", "1 result in 1 report"', async () => {
    const page = await h.open('000');
    expect(await selectText(page, '发布金砖数字街区五年实施规划')).toBe(true);
    await uiClick(page, '.gl-toolbar .gl-swatch');
    await expect.poll(async () => (await attrs(page))['data-govlens-annotations']).toBe('1');
    const panel = await sidePanelFor(h, page);
    await panel.getByRole('tab', { name: /Notes/ }).click();
    await expect.poll(() => panel.locator('[data-testid=notes-count]').innerText(), { timeout: 10_000 }).toBe('1 note, newest first');
    await panel.locator('input[type=search]').fill('金砖数字');
    await expect.poll(() => panel.locator('[role=status]').first().innerText()).toBe('1 result in 1 report');
    await panel.close();
    await page.close();
  });

  it('writes figures in billions, not thousands, in English tooltips', async () => {
    const page = await h.open('001');
    expect(await hover(page, '640亿元')).toContain('64 billion yuan');
    await page.close();
  });
});
