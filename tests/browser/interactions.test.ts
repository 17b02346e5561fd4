import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness';
import { attrs, highlightTexts, hover, overlayText, selectText, sendToPage, uiClick, uiEval, uiFill } from './page-tools';

describe('reader interactions (built extension, real Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('undoes one repair from its tooltip and leaves the others', async () => {
    const page = await h.open('004');
    const before = await page.evaluate(() => document.body.innerText);
    const fixes = Number((await attrs(page))['data-govlens-fixes']);
    expect(await hover(page, '蝉联')).toContain('留任');
    await uiClick(page, '.gl-card--repair button.gl-btn:not(.gl-close)');
    await expect.poll(async () => Number((await attrs(page))['data-govlens-fixes'])).toBe(fixes - 1);
    const after = await page.evaluate(() => document.body.innerText);
    expect(after).toContain('留任');
    // Exactly one span changed back: same length of text elsewhere, and other repairs still there.
    expect(after).toContain('高质量发展');
    expect(after.replace('留任', '蝉联')).toBe(before);
    await page.close();
  });

  it('lets the reader explain a coined term; the explanation is theirs and shows next time', async () => {
    const page = await h.open('000');
    const tip = await hover(page, '三争');
    expect(tip).toMatch(/添加解释|Add an explanation|三争/);
    await uiClick(page, '.gl-card--term .gl-actions button, .gl-card--term button.gl-btn:not(.gl-close)');
    await uiFill(page, '.gl-card--term textarea', '争先、争效、争优的专项行动（我的解释）');
    await uiClick(page, '.gl-card--term button[type=submit]');
    await page.reload();
    await page.waitForSelector('html[data-govlens-ms]');
    expect(await hover(page, '三争')).toContain('我的解释');
    await page.close();
  });

  it('anchors a highlight made in the original view on the repaired view, through the offset map', async () => {
    const page = await h.open('004');
    await sendToPage(h, page, 'page:toggle', { repaired: false });
    // Select the spun original words and highlight them.
    const ok = await selectText(page, '书写高量质展开答卷');
    expect(ok).toBe(true);
    await uiClick(page, '.gl-toolbar .gl-swatch');
    await expect.poll(async () => (await attrs(page))['data-govlens-annotations']).toBe('1');
    await sendToPage(h, page, 'page:toggle', { repaired: true });
    await expect.poll(() => highlightTexts(page, 'user')).toEqual(['书写高质量发展答卷']);
    await page.reload();
    await page.waitForSelector('html[data-govlens-annotations]');
    expect(await highlightTexts(page, 'user')).toContain('书写高质量发展答卷');
    await page.close();
  });

  it('cycles through marks from the keyboard command and opens a focusable tooltip', async () => {
    const page = await h.open('000');
    await sendToPage(h, page, 'page:next-mark', {});
    await expect.poll(() => overlayText(page)).toMatch(/术语|数字|修复|Term|Figure|Repair/);
    await page.bringToFront();
    await expect.poll(() => uiEval(page, (root) => root.activeElement?.tagName ?? null)).toBe('BUTTON');
    await page.keyboard.press('Escape');
    await expect.poll(() => uiEval(page, (root) => (root.querySelector('.gl-card') ? 'card' : null))).toBeNull();
    await page.close();
  });
});
