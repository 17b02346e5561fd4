import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxHarness } from './harness';
import { attrs, sleep, until } from './page-tools';

/** The "ask" site mode in Firefox ESR: the prompt is the reader's alone, and "never on this site" is kept. */
describe('per-site modes (built add-on, Firefox ESR)', () => {
  let h: FirefoxHarness;
  const HOST = 'news.xmnn.cn';
  const modeOf = () => h.background(async (host) => ((await (globalThis as any).browser.storage.sync.get('siteModes')).siteModes ?? {})[host], HOST);
  beforeAll(async () => {
    h = await launchFirefox();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('"ask": the page cannot see or answer the prompt; the reader\'s "never on this site" is kept', async () => {
    await h.background(async (host) => {
      const b = (globalThis as any).browser;
      const { siteModes = {} } = await b.storage.sync.get('siteModes');
      await b.storage.sync.set({ siteModes: { ...siteModes, [host]: 'ask' } });
    }, HOST);
    const page = await h.open('004', { waitFor: 'none' });
    await until(async () => (await h.uiText(page)).includes('GovLens'), 15_000);
    expect(await h.uiEval(page, (root) => root.querySelectorAll('button[data-answer]').length)).toBe(3);
    // A page script finds no shadow root to reach into, and its synthetic clicks on the host do nothing.
    const seen = await page.evaluate(() => {
      const host = document.querySelector('govlens-ui') as HTMLElement | null;
      host?.click();
      host?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      return { host: !!host, shadow: host?.shadowRoot ?? null };
    });
    expect(seen).toEqual({ host: true, shadow: null });
    await sleep(300);
    expect(await modeOf()).toBe('ask');
    expect(await h.uiClick(page, 'button[data-answer=never]')).toBe(true);
    expect(await until(async () => (await modeOf()) === 'never', 5_000)).toBe(true);
    expect(await page.evaluate(() => document.querySelector('govlens-ui'))).toBeNull();
    expect((await attrs(page))['data-govlens-fixes']).toBeUndefined();
    await page.close();
  });
});
