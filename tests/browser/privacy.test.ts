import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { launch, type Harness } from './harness';
import { hover } from './page-tools';

// Makes Playwright report the service worker's own network requests too.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

describe('privacy: the extension makes no requests (built extension, real Chromium)', () => {
  let h: Harness;
  const requests: Request[] = [];
  beforeAll(async () => {
    h = await launch();
    h.context.on('request', (r) => requests.push(r));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('requests nothing but the pages the user opened, from any page, worker or extension page', async () => {
    const opened = new Set<string>();
    for (const entry of h.server.pages.filter((p) => !p.bench)) {
      const page = await h.open(entry.id);
      opened.add(entry.url);
      if (entry.expect === 'report') await hover(page, '的');
      await page.close();
    }
    // The options page holds the sync settings: with sync off, it too asks nothing of the network.
    for (const ui of ['popup.html', 'sidepanel.html', 'options.html', 'welcome.html']) {
      const page = await h.context.newPage();
      await page.goto(`chrome-extension://${h.extensionId}/${ui}`);
      await page.waitForTimeout(500);
      await page.close();
    }
    const network = requests.map((r) => r.url()).filter((u) => !u.startsWith(`chrome-extension://${h.extensionId}/`));
    // The documents themselves were requested (so the recorder works)…
    expect(new Set(network.filter((u) => opened.has(u)))).toEqual(opened);
    // …and nothing else at all.
    expect(network.filter((u) => !opened.has(u))).toEqual([]);
  });

  it('would see a request from the service worker (control for the recorder)', async () => {
    const probe = 'http://www.huli.gov.cn/govlens-recorder-probe';
    await h.worker.evaluate((u) => fetch(u).then(() => undefined, () => undefined), probe);
    await expect.poll(() => requests.some((r) => r.url() === probe)).toBe(true);
  });
});
