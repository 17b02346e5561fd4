import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness';
import { attrs, sendToPage } from './page-tools';

/** Issue #14: how a report page gets its engine, and what the engine does first. */
describe('the engine on a report page (built extension, real Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('takes the verdict that came with the injection instead of scoring the page again', async () => {
    const page = await h.open('000');
    const state = await sendToPage(h, page, 'page:state', {});
    // engine.js has no detector of its own: the score and signals can only be the background's.
    expect(state.isReport).toBe(true);
    expect(state.score).toBeGreaterThan(0);
    expect(state.signals.length).toBeGreaterThan(0);
    // And the background's clock stamps came with it: the start is accounted for piece by piece.
    const timings = JSON.parse((await attrs(page))['data-govlens-timings']);
    for (const key of ['message', 'score', 'inject']) expect(timings[key]).toBeTypeOf('number');
    await page.close();
  });

  it('marks what is in view and a screen below it first, the rest of the 1 MB page after', async () => {
    const entry = h.server.pages.find((p) => p.bench)!;
    const page = await h.context.newPage();
    // The highlights as they are at the moment GovLens says the first marks are painted (same task).
    await page.addInitScript(`
      new MutationObserver((records, observer) => {
        if (!document.documentElement.hasAttribute('data-govlens-first-marks')) return;
        observer.disconnect();
        const tops = [];
        for (const [, h] of CSS.highlights) for (const r of h) tops.push(r.getBoundingClientRect().top);
        window.__atFirstMarks = { tops, done: document.documentElement.hasAttribute('data-govlens-done'), height: innerHeight };
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-govlens-first-marks'] });
    `);
    await page.goto(entry.url);
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
