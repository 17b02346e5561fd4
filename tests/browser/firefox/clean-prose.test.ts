import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { cleanNewsPage, CLEAN_NEWS_URL } from '../../support/clean-news-page';
import { launchFirefox, type FirefoxHarness } from './harness';
import { attrs } from './page-tools';

/** Counts of the fixes on the page by kind, asked of the tab as the popup asks it. */
async function fixKinds(h: FirefoxHarness, page: Page): Promise<Record<string, number>> {
  const tabId = await h.tabIdOf(page);
  const reply = await h.background(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- browser.* exists only in the extension page
    (id: number) => (globalThis as any).browser.tabs.sendMessage(id, { type: 'page:state', payload: {} }, { frameId: 0 }),
    tabId,
  );
  const r = reply as { ok: boolean; value?: { fixKinds?: Record<string, number> } };
  expect(r?.ok).toBe(true);
  return r.value?.fixKinds ?? {};
}

describe('clean prose is never rewritten (Firefox ESR, built add-on)', () => {
  let h: FirefoxHarness;
  beforeAll(async () => {
    h = await launchFirefox();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a news article about a report, on a news host, gets zero spun repairs', async () => {
    const { html, paragraphs } = cleanNewsPage();
    h.server.serve(CLEAN_NEWS_URL, html);
    const page = await h.openUrl(CLEAN_NEWS_URL);
    expect((await attrs(page))['data-govlens']).toBe('report');
    expect((await fixKinds(h, page)).spun ?? 0).toBe(0);
    expect((await attrs(page))['data-govlens-fixes']).toBe('0');
    const text = await page.evaluate(() => document.body.innerText);
    for (const p of paragraphs) expect(text).toContain(p);
    await page.close();
  });

  it('seed 004, which a spinner did rewrite, is still repaired', async () => {
    const page = await h.open('004');
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('连续四年蝉联全省城市发展“十优”区首位');
    expect((await fixKinds(h, page)).spun ?? 0).toBeGreaterThan(50);
    await page.close();
  });
});
