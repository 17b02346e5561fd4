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
});
