import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness';
import { attrs } from './page-tools';

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
    const prompt = page.locator('govlens-ask button.primary');
    await prompt.waitFor();
    expect((await attrs(page))['data-govlens-fixes']).toBeUndefined();
    await prompt.click();
    await page.waitForSelector('html[data-govlens-ms]');
    expect(await page.evaluate(() => document.body.innerText)).toContain('连续四年蝉联');
    await page.close();
  });
});
