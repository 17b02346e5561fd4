import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { attrs, highlightTexts, sidePanelFor } from './page-tools';
import { manyAnnotations, putAnnotations, reportIdOf, engineText } from './library-tools';

const N = 10_000;
const TERM = '大库检索';

/**
 * Scrolls the side panel to the end of its (virtual) list, as a reader dragging the scroll bar
 * would: the list's bottom to the bottom of the window, again as rows get measured, until `found`.
 */
async function scrollToListEnd(panel: Page, found: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 20; i++) {
    await panel.evaluate(() => {
      const ul = document.querySelector('ul[data-virtual]') as HTMLElement;
      scrollTo(0, ul.getBoundingClientRect().bottom + scrollY - innerHeight);
    });
    await panel.waitForTimeout(150);
    if (await found()) return true;
  }
  return false;
}

describe('a large library stays usable (built extension, real Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('anchors 10,000 notes on one report; the panel and search show the true count and reach every note', async () => {
    const first = await h.open('000');
    const text = await engineText(h, first);
    const reportId = await reportIdOf(h, first.url());
    const rows = manyAnnotations(text, reportId, first.url(), N, TERM);
    await putAnnotations(h, rows);
    await first.close();

    const page = await h.open('000');
    await expect.poll(async () => (await attrs(page))['data-govlens-annotations'], { timeout: 90_000, interval: 500 }).toBe(String(N));
    expect((await attrs(page))['data-govlens-orphans']).toBe('0');
    expect((await highlightTexts(page, 'user')).length).toBe(N);

    const panel = await sidePanelFor(h, page);
    await panel.setViewportSize({ width: 420, height: 800 });
    await expect.poll(() => panel.locator('h3', { hasText: String(N) }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // A virtual list: the DOM holds a window of cards, not ten thousand.
    const virt = panel.locator('ul[data-virtual]').first();
    expect(Number((await virt.getAttribute('data-virtual'))!.split('/')[1])).toBe(N);
    expect(await panel.locator('li.annotation').count()).toBeLessThan(100);
    const last = rows[rows.length - 1];
    expect(await scrollToListEnd(panel, async () => (await panel.locator('li.annotation', { hasText: last.note }).count()) === 1)).toBe(true);

    // Search: the true count, and the last hit can be scrolled to.
    await panel.evaluate(() => scrollTo(0, 0));
    await panel.getByRole('tab', { name: /全部|Everything/ }).click();
    await panel.locator('input[type=search]').fill(TERM);
    await expect.poll(() => panel.locator('[role=status]').first().innerText(), { timeout: 30_000 }).toMatch(new RegExp(`\\b${N}\\b`));
    expect(await panel.locator('li.hit-annotation').count()).toBeLessThan(100);
    // Every hit can be reached: at the end of the list (newest first) is the oldest note.
    expect(await scrollToListEnd(panel, async () => (await panel.locator('li.hit-annotation .note', { hasText: rows[0].note }).count()) === 1)).toBe(true);
    const range = await panel.evaluate(() => document.querySelector('ul[data-virtual]')!.getAttribute('data-virtual'));
    expect(range).toMatch(new RegExp(`/${N + 1}$`)); // one report heading + N hits in one list
    await panel.close();
    await page.close();
  });
});
