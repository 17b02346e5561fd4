import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness';

describe('detection on the seed pages (built extension, real Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('marks the five seed reports as reports and the negatives as not', async () => {
    const seen: Record<string, string | null> = {};
    for (const entry of h.server.pages.filter((p) => !p.bench)) {
      const page = await h.open(entry.id);
      seen[entry.id] = await page.evaluate(() => document.documentElement.getAttribute('data-govlens'));
      await page.close();
    }
    const expected = Object.fromEntries(h.server.pages.filter((p) => !p.bench).map((p) => [p.id, p.expect]));
    expect(seen).toEqual(expected);
    expect(Object.values(expected).filter((v) => v === 'report').length).toBe(5);
    expect(Object.values(expected).filter((v) => v === 'not-report').length).toBeGreaterThanOrEqual(2);
  });
  it('detects a report a single-page site navigates to in place from a page that is not one', async () => {
    const page = await h.open('neg-passing');
    const lines = readFileSync(new URL('../../seeds/004_89c8bcedadaad6b3.txt', import.meta.url), 'utf8').split('\n').filter((l) => l.trim());
    await page.evaluate((lines) => {
      history.pushState({}, '', '/newsDetail_forward_30412999');
      document.title = '思明区政府工作报告';
      const article = document.createElement('article');
      for (const line of lines) article.appendChild(document.createElement('p')).textContent = line;
      document.body.replaceChildren(article);
    }, lines);
    await page.waitForSelector('html[data-govlens-ms]', { timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-govlens'))).toBe('report');
    expect(await page.evaluate(() => document.body.innerText)).toContain('连续四年蝉联全省城市发展“十优”区首位');
    await page.close();
  });
});
