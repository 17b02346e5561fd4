import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, type Harness } from './harness';
import { attrs, highlightTexts, hover, pristineInnerText, selectText, sendToPage, sidePanelFor, tabIdOf, uiClick } from './page-tools';

/** Where the README's page screenshots come from: this test writes them on every run (the UI's own: screenshots.test.ts). */
const SHOTS = fileURLToPath(new URL('../../docs/screenshots', import.meta.url));

describe('popup and side panel on seed 000 (built extension, real Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
    await mkdir(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the popup reports the page and its counts, and toggles the page', async () => {
    const page = await h.open('000');
    await hover(page, '两个确立');
    await page.screenshot({ path: resolve(SHOTS, 'page-000-tooltip.png') });
    const tabId = await tabIdOf(h, page.url());
    const popup = await h.context.newPage();
    await popup.setViewportSize({ width: 380, height: 640 });
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
    const figures = await page.evaluate(() => document.documentElement.getAttribute('data-govlens-figures'));
    await expect.poll(() => popup.locator('body').innerText(), { timeout: 10_000 }).toContain(String(figures));
    // Switching a layer off in the popup removes that highlight from the page.
    expect((await highlightTexts(page, 'term')).length).toBeGreaterThan(10);
    await popup.locator('.layers li', { has: popup.locator('.gl-sample-term') }).locator('input').click();
    await expect.poll(() => highlightTexts(page, 'term')).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('figure and repair tooltips say what they are (and the README shows them)', async () => {
    const page = await h.open('001');
    const figureTip = await hover(page, '640亿元');
    expect(figureTip).toMatch(/640亿元/);
    expect(figureTip).toMatch(/目标|target/i);
    await page.screenshot({ path: resolve(SHOTS, 'page-001-figure.png') });
    await page.close();
    const spun = await h.open('004');
    expect(await hover(spun, '蝉联')).toContain('留任');
    await spun.screenshot({ path: resolve(SHOTS, 'page-004-repair.png') });
    await spun.close();
  });

  it('the side panel lists the page figures and terms', async () => {
    const page = await h.open('000');
    const panel = await sidePanelFor(h, page);
    await panel.setViewportSize({ width: 420, height: 900 });
    await expect.poll(() => panel.locator('body').innerText(), { timeout: 10_000 }).toMatch(/数字|Figures/);
    // The figures tab counts what the popup and the page count.
    const figures = (await attrs(page))['data-govlens-figures'];
    expect(await panel.locator('[role=tab]', { hasText: /数字|Figures/ }).innerText()).toContain(figures);
    // The panel's own view switch shows the page's original text and back.
    await panel.locator('.viewbar button').first().click();
    // (The seed's title is letter-spaced with no-break spaces.)
    await expect.poll(() => page.evaluate(() => document.body.innerText)).toMatch(/政\s+府\s+工\s+作\s+报\s+告/);
    await panel.locator('.viewbar button').nth(1).click();
    await expect.poll(() => page.evaluate(() => document.body.innerText)).not.toMatch(/政\s+府\s+工\s+作\s+报\s+告/);
    await panel.close();
  });
});

describe('side panel drives the page, and frames (built extension, real Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('clicking a figure in the side panel scrolls the page to it', async () => {
    const page = await h.open('000');
    const panel = await sidePanelFor(h, page);
    await panel.getByRole('tab', { name: /数字|Figures/ }).click();
    const rows = panel.locator('tbody tr');
    await rows.first().waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await rows.nth((await rows.count()) - 1).click();
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 5_000 }).toBeGreaterThan(1000);
    await panel.close();
    await page.close();
  });

  it('repairs a report shown in a same-origin iframe', async () => {
    const entry = h.server.pages.find((p) => p.id === '004')!;
    const page = await h.context.newPage();
    const wrapper = `http://${entry.host}/zt/2025lh/index.html`;
    h.server.serve(wrapper, `<!doctype html><meta charset="utf-8"><title>两会专题</title><h1>两会专题</h1><iframe src="${entry.path}" style="width:100%;height:800px"></iframe>`);
    await page.goto(wrapper);
    const frame = page.frameLocator('iframe');
    await expect.poll(() => frame.locator('html').getAttribute('data-govlens-ms'), { timeout: 20_000 }).not.toBeNull();
    expect(await frame.locator('body').innerText()).toContain('连续四年蝉联全省城市发展“十优”区首位');
    await page.close();
  });
  it('the popup shows repaired text in Traditional and back; figures, highlights and the exact original survive', async () => {
    const page = await h.open('000');
    const { text: pristine } = await pristineInnerText(h, page.url());
    expect(await selectText(page, '全国人民代表大会成立70周年')).toBe(true);
    await uiClick(page, '.gl-toolbar .gl-swatch');
    await expect.poll(async () => (await attrs(page))['data-govlens-annotations']).toBe('1');
    const figures = (await attrs(page))['data-govlens-figures'];

    const tabId = await tabIdOf(h, page.url());
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('[data-testid=script-traditional]').click();
    await expect.poll(() => page.evaluate(() => document.body.innerText), { timeout: 15_000 }).toContain('全國人民代表大會成立70週年');
    await expect.poll(() => popup.locator('[data-testid=script-traditional]').getAttribute('aria-pressed')).toBe('true');
    // Figures are read and highlights anchored on the text folded back to Simplified: nothing is lost.
    expect((await attrs(page))['data-govlens-figures']).toBe(figures);
    await expect.poll(() => highlightTexts(page, 'user')).toEqual(['全國人民代表大會成立70週年']);
    await sendToPage(h, page, 'page:toggle', { repaired: false });
    expect(await page.evaluate(() => document.body.innerText)).toBe(pristine);
    await sendToPage(h, page, 'page:toggle', { repaired: true });

    // The preference is kept: the next load is in Traditional from the start.
    await page.reload();
    await page.waitForSelector('html[data-govlens-ms]');
    expect(await page.evaluate(() => document.body.innerText)).toContain('全國人民代表大會成立70週年');
    await expect.poll(async () => (await attrs(page))['data-govlens-annotations']).toBe('1');

    await popup.reload();
    await popup.locator('[data-testid=script-simplified]').click();
    await expect.poll(() => page.evaluate(() => document.body.innerText), { timeout: 15_000 }).toContain('全国人民代表大会成立70周年');
    await popup.close();
    await page.close();
  });
});
