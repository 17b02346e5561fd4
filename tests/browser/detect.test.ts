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
});
