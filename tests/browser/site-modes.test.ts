import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness';
import { attrs, uiClick, uiEval } from './page-tools';

async function setMode(h: Harness, host: string, mode: 'always' | 'ask' | 'never'): Promise<void> {
  await h.worker.evaluate(
    async ({ host, mode }) => {
      const c = (globalThis as any).chrome;
      const { siteModes = {} } = await c.storage.sync.get('siteModes');
      await c.storage.sync.set({ siteModes: { ...siteModes, [host]: mode } });
    },
    { host, mode },
  );
}

describe('per-site modes (built extension, real Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('"never" detects but leaves the page alone', async () => {
    await setMode(h, 'news.xmnn.cn', 'never');
    const page = await h.open('004', { waitFor: 'none' });
    await page.waitForSelector('html[data-govlens-mode="never"]');
    await page.waitForTimeout(500);
    const a = await attrs(page);
    expect(a['data-govlens']).toBe('report');
    expect(a['data-govlens-fixes']).toBeUndefined();
    expect(await page.evaluate(() => document.body.innerText)).toContain('间断四年留任');
    await page.close();
  });

  it('"ask" waits for the reader, then repairs', async () => {
    await setMode(h, 'news.xmnn.cn', 'ask');
    const page = await h.open('004', { waitFor: 'none' });
    // The prompt is in GovLens's closed shadow root: the real mouse answers it.
    await uiClick(page, 'button[data-answer=yes]');
    await page.waitForSelector('html[data-govlens-ms]');
    expect(await page.evaluate(() => document.body.innerText)).toContain('连续四年蝉联');
    await page.close();
  });

  it('"ask": the page cannot see or answer the prompt; the reader\'s "never on this site" is kept', async () => {
    await setMode(h, 'news.xmnn.cn', 'ask');
    const page = await h.open('004', { waitFor: 'none' });
    await expect.poll(() => uiEval(page, (root) => root.querySelectorAll('button[data-answer]').length), { timeout: 10_000 }).toBe(3);
    // A page script finds no shadow root to reach into, and its synthetic events on the host do nothing.
    const seen = await page.evaluate(() => {
      const host = document.querySelector('govlens-ui') as HTMLElement | null;
      host?.click();
      host?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      return { host: !!host, shadow: host?.shadowRoot ?? null, text: host?.textContent ?? '' };
    });
    expect(seen).toEqual({ host: true, shadow: null, text: '' });
    const modeOf = () => h.worker.evaluate(async () => ((await (globalThis as any).chrome.storage.sync.get('siteModes')).siteModes ?? {})['news.xmnn.cn']);
    expect(await modeOf()).toBe('ask');
    await uiClick(page, 'button[data-answer=never]');
    await expect.poll(modeOf, { timeout: 5_000 }).toBe('never');
    expect(await page.evaluate(() => document.querySelector('govlens-ui'))).toBeNull();
    expect((await attrs(page))['data-govlens-fixes']).toBeUndefined();
    // The next visit leaves the page alone, without asking.
    const again = await h.open('004', { waitFor: 'none' });
    await again.waitForSelector('html[data-govlens-mode="never"]');
    expect(await again.evaluate(() => document.querySelector('govlens-ui'))).toBeNull();
    await again.close();
    await page.close();
  });
});
