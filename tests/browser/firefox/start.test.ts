import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxHarness } from './harness';
import { attrs } from './page-tools';

/** Issue #14 in Firefox: the verdict travels with the injection, and the part in view is marked first. */
describe('the engine on a report page (built add-on, Firefox ESR)', () => {
  let h: FirefoxHarness;
  beforeAll(async () => {
    h = await launchFirefox();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('takes the verdict that came with the injection and accounts for the start piece by piece', async () => {
    const page = await h.open('000');
    const a = await attrs(page);
    expect(a['data-govlens']).toBe('report');
    // The background's clock stamps travel with the verdict; engine.js scores nothing itself.
    const timings = JSON.parse(a['data-govlens-timings']);
    for (const key of ['message', 'score', 'inject']) expect(timings[key]).toBeTypeOf('number');
    await page.close();
  });

  it('marks what is in view and a screen below it first, the rest of the 1 MB page after', async () => {
    const entry = h.server.pages.find((p) => p.bench)!;
    const page = await h.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    // The highlights as they are when GovLens says the first marks are painted (same task as the attribute).
    await page.evaluateOnNewDocument(`
      new MutationObserver((records, observer) => {
        if (!document.documentElement.hasAttribute('data-govlens-first-marks')) return;
        observer.disconnect();
        const tops = [];
        for (const [, h] of CSS.highlights) for (const r of h) tops.push(r.getBoundingClientRect().top);
        window.__atFirstMarks = { tops, done: document.documentElement.hasAttribute('data-govlens-done'), height: innerHeight };
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-govlens-first-marks'] });
    `);
    await page.goto(entry.url, { waitUntil: 'load' });
    await page.waitForSelector('html[data-govlens-ms]', { timeout: 120_000 });
    const first = (await page.evaluate('window.__atFirstMarks')) as { tops: number[]; done: boolean; height: number };
    expect(first.done).toBe(false);
    expect(first.tops.length).toBeGreaterThan(10);
    // Chunks end between blocks, so one in view may run a little past the screen below.
    expect(Math.max(...first.tops)).toBeLessThan(4 * first.height);
    const all = (await page.evaluate(`(() => { const tops = []; for (const [, h] of CSS.highlights) for (const r of h) tops.push(r.getBoundingClientRect().top); return tops; })()`)) as number[];
    expect(Math.max(...all)).toBeGreaterThan(50 * first.height);
    await page.close();
  });
});
