// Pledges in Firefox ESR (the built add-on over WebDriver BiDi): the same path as ../pledges.test.ts in
// Chromium: marks and card in the page, save from the outline on seed 000 and seed 002, confirm the proposed
// verdict back on seed 000, export Markdown and CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxHarness } from './harness';
import { highlightTexts, pointOf, sleep, until } from './page-tools';

interface StoredPledge {
  text: string;
  status: string;
  kind: string;
  dueYear: number | null;
  region: string;
  area: string[];
  evidence: Array<{ sentence: string; proposed?: string }>;
}

async function storedPledges(h: FirefoxHarness): Promise<StoredPledge[]> {
  return h.background(
    () =>
      new Promise<StoredPledge[]>((resolve, reject) => {
        const req = indexedDB.open('govlens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const r = req.result.transaction('pledges', 'readonly').objectStore('pledges').getAll();
          r.onsuccess = () => resolve(r.result as StoredPledge[]);
          r.onerror = () => reject(r.error);
        };
      }),
  );
}

/** The side panel pinned to `page`, on its 承诺 tab with the outline drawn. */
async function pledgesTab(h: FirefoxHarness, page: Page): Promise<Page> {
  const panel = await h.extensionPage('sidepanel.html', page);
  await panel.waitForSelector('[role=tab]');
  await panel.evaluate(() => [...document.querySelectorAll<HTMLElement>('[role=tab]')].find((t) => /承诺|Pledges/.test(t.textContent ?? ''))!.click());
  await panel.waitForSelector('section.outline', { timeout: 15_000 });
  return panel;
}

/** Clicks "save all" under the outline heading starting with `heading`. */
async function saveAllUnder(panel: Page, heading: string): Promise<void> {
  const ok = await panel.evaluate((heading) => {
    const area = [...document.querySelectorAll('details.area')].find((d) => d.querySelector(':scope > summary .area-name')?.textContent?.startsWith(heading));
    const button = area?.querySelector<HTMLButtonElement>(':scope > .area-body > .row button');
    button?.click();
    return Boolean(button);
  }, heading);
  expect(ok).toBe(true);
}

async function exportFrom(panel: Page, index: number): Promise<string> {
  await panel.evaluate(() => {
    const w = window as unknown as { __downloads: string[] };
    w.__downloads = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      void fetch(this.href).then((r) => r.text()).then((t) => w.__downloads.push(t));
    };
  });
  await panel.evaluate((i) => (document.querySelectorAll('ul.formats li button')[i] as HTMLButtonElement).click(), index);
  return until(() => panel.evaluate(() => (window as unknown as { __downloads: string[] }).__downloads[0] ?? ''), 15_000);
}

describe('pledges in Firefox ESR (built add-on, WebDriver BiDi)', () => {
  let h: FirefoxHarness;
  beforeAll(async () => {
    h = await launchFirefox();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('marks the plan\'s pledges; the card shows kind, area, due year and saves', async () => {
    const page = await h.open('000');
    const marked = await highlightTexts(page, 'pledge');
    expect(marked.length).toBeGreaterThan(250);
    expect(marked).toContain('建立项目建设“四张清单”');
    const p = await pointOf(page, '建立项目建设“四张清单”');
    await page.mouse.move(1, 1);
    await sleep(450);
    await page.mouse.move(p!.x, p!.y);
    const card = await until(async () => ((await h.uiText(page)).includes('全力提速推进项目建设') ? h.uiText(page) : ''));
    expect(card).toMatch(/承诺 · 举措|Pledge · Action/);
    expect(card).toContain('2025');
    expect(await h.uiClick(page, 'button.gl-btn--primary')).toBe(true);
    const saved = await until(async () => (await storedPledges(h)).find((x) => x.text === '建立项目建设“四张清单”'));
    expect(saved).toMatchObject({ kind: 'action', dueYear: 2025, status: 'pending', region: '湖里区' });
    await page.close();
  });

  it('saves from the outline on seed 000 and seed 002, confirms the proposed verdict on seed 000, and exports Markdown and CSV with the pledges', async () => {
    const s000 = await h.open('000');
    let panel = await pledgesTab(h, s000);
    const before = (await storedPledges(h)).length;
    await saveAllUnder(panel, '三、坚持因地制宜');
    expect(await until(async () => (await storedPledges(h)).length > before + 30, 20_000)).toBe(true);
    await panel.close();
    await s000.close();

    const s002 = await h.open('002');
    panel = await pledgesTab(h, s002);
    await saveAllUnder(panel, '(四)精谋划、促落地');
    const village = await until(async () => (await storedPledges(h)).find((x) => x.text.startsWith('助力17个城中村')), 20_000);
    expect(village).toMatchObject({ kind: 'target', dueYear: 2024, status: 'pending' });
    await panel.close();
    await s002.close();

    const again = await h.open('000');
    panel = await pledgesTab(h, again);
    const proposal = await until(
      () =>
        panel.evaluate(() => {
          const li = [...document.querySelectorAll('section.matches li')].find((x) => x.textContent?.includes('助力17个城中村'));
          return li ? `${li.querySelector('.proposal')?.textContent ?? ''}|${li.querySelector('.evidence-choice')?.textContent ?? ''}` : '';
        }),
      15_000,
    );
    expect(proposal).toMatch(/已兑现|Met/);
    expect(proposal).toContain('完成19个城中村8大提升');
    await panel.evaluate(() => {
      const li = [...document.querySelectorAll('section.matches li')].find((x) => x.textContent?.includes('助力17个城中村'))!;
      li.querySelector<HTMLButtonElement>('button.confirm')!.click();
    });
    const rated = await until(async () => (await storedPledges(h)).find((x) => x.text === village!.text && x.status === 'met'));
    expect(rated!.evidence[0]).toMatchObject({ proposed: 'met', sentence: expect.stringContaining('完成19个城中村8大提升') });

    await panel.evaluate(() => [...document.querySelectorAll<HTMLElement>('[role=tab]')].find((t) => /导出|Export/.test(t.textContent ?? ''))!.click());
    await panel.waitForSelector('ul.formats li button');
    const md = await exportFrom(panel, 0);
    expect(md).toContain('- **met**: 助力17个城中村加快“空间梳理”和“四打通”等改造工作');
    expect(md).toContain('#### 2025年工作计划 › 三、坚持因地制宜');
    const csv = await exportFrom(panel, 1);
    const rows = csv.replace(/^\uFEFF/, '').split('\r\n').filter((r) => r.includes(',pledge,'));
    expect(rows.length).toBe((await storedPledges(h)).length);
    expect(rows.find((r) => r.includes('助力17个城中村'))).toMatch(/,pledge,target,[^,]*,2024,met,17个,exact,/);
    await panel.close();
    await again.close();
  });
});
