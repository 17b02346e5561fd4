import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanNewsPage, CLEAN_NEWS_URL } from '../support/clean-news-page';
import { launch, type Harness } from './harness';
import { attrs, sendToPage } from './page-tools';

describe('clean prose is never rewritten (built extension, real Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a news article about a report, on a news host, gets zero spun repairs and no language model', async () => {
    const { html, paragraphs } = cleanNewsPage();
    await h.context.route(CLEAN_NEWS_URL, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    const page = await h.context.newPage();
    const cdp = await h.context.newCDPSession(page);
    const scripts: string[] = [];
    cdp.on('Debugger.scriptParsed', (e) => void scripts.push(e.url));
    await cdp.send('Debugger.enable');
    await page.goto(CLEAN_NEWS_URL);
    await page.waitForSelector('html[data-govlens-ms]', { timeout: 30_000 });
    // GovLens took it for a report page and ran its repairs …
    expect((await attrs(page))['data-govlens']).toBe('report');
    const state = await sendToPage(h, page, 'page:state', {});
    // … and changed nothing: no spun repair, and every paragraph reads as published.
    expect(state.fixKinds?.spun ?? 0).toBe(0);
    expect((await attrs(page))['data-govlens-fixes']).toBe('0');
    const text = await page.evaluate(() => document.body.innerText);
    for (const p of paragraphs) expect(text).toContain(p);
    const extension = scripts.filter((u) => u.startsWith('chrome-extension://')).map((u) => new URL(u).pathname);
    expect(extension).toContain('/engine.js');
    expect(extension).not.toContain('/lm.js');
    await page.close();
  });

  it('seed 004, which a spinner did rewrite, is still repaired', async () => {
    const page = await h.open('004');
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('连续四年蝉联全省城市发展“十优”区首位');
    expect(text).not.toContain('间断四年留任');
    const state = await sendToPage(h, page, 'page:state', {});
    expect(state.fixKinds?.spun ?? 0).toBeGreaterThan(50);
    await page.close();
  });
});
