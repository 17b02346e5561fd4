/**
 * The README's and the store listing's pictures of GovLens's own interface,
 * taken from the built extension on every run: the popup, each side panel
 * tab, a tooltip of each kind, the welcome and options pages, in Chinese and
 * English, light and dark. Written to docs/screenshots/ and assets/store/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { attrs, hover, selectText, sendToPage, sidePanelFor, uiClick, uiEval, uiFill } from './page-tools';
import { popupFor } from './look-tools';

const SHOTS = fileURLToPath(new URL('../../docs/screenshots', import.meta.url));
const STORE = fileURLToPath(new URL('../../assets/store', import.meta.url));
const ICON = fileURLToPath(new URL('../../.output/chrome-mv3/icon/128.png', import.meta.url));

type Lang = 'zh-CN' | 'en-US';
type Theme = 'light' | 'dark';

/** Lays PNGs out in a grid on a plain page and photographs it: one picture for several views. */
async function composite(h: Harness, tiles: Array<{ label: string; png: Buffer }>, columns: number, path: string, theme: Theme): Promise<void> {
  const page = await h.context.newPage();
  await page.setViewportSize({ width: 1600, height: 900 });
  const bg = theme === 'dark' ? '#0d1117' : '#f6f8fa';
  const fg = theme === 'dark' ? '#e6edf3' : '#1f2328';
  const cells = tiles
    .map((t) => `<figure><img src="data:image/png;base64,${t.png.toString('base64')}"><figcaption>${t.label}</figcaption></figure>`)
    .join('');
  await page.setContent(
    `<!doctype html><meta charset="utf-8"><style>
      body { margin: 0; background: ${bg}; color: ${fg}; font: 13px system-ui, "WenQuanYi Micro Hei", sans-serif; }
      main { display: inline-grid; grid-template-columns: repeat(${columns}, auto); gap: 14px; padding: 14px; align-items: start; }
      figure { margin: 0; } img { display: block; border: 1px solid #8884; border-radius: 6px; } figcaption { margin-top: 4px; }
    </style><main>${cells}</main>`,
  );
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await page.locator('main').screenshot({ path });
  await page.close();
}

/** A tooltip and the mark it belongs to, cut out of the page with a margin. */
async function tooltipShot(page: Page): Promise<Buffer> {
  const box = await uiEval(page, (root) => {
    const card = root.querySelector('.gl-card, .gl-toolbar');
    return card ? (card.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number }) : null;
  });
  expect(box).not.toBeNull();
  const vw = page.viewportSize()!;
  const x = Math.max(0, box!.x - 140);
  const y = Math.max(0, box!.y - 60);
  return page.screenshot({ clip: { x, y, width: Math.min(vw.width - x, box!.width + 280), height: Math.min(vw.height - y, box!.height + 80) } });
}

/** Points at the middle of the `nth` range of a GovLens highlight, as a reader's pointer would. */
async function hoverHighlight(page: Page, name: string, nth = 0): Promise<void> {
  const point = await page.evaluate(
    ({ name, nth }) => {
      const r = [...(CSS.highlights.get(name) ?? [])][nth] as Range | undefined;
      if (!r) return null;
      (r.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const b = r.getClientRects()[0];
      return { x: b.left + Math.min(b.width / 2, 10), y: b.top + b.height / 2 };
    },
    { name, nth },
  );
  expect(point, name).not.toBeNull();
  await page.mouse.move(1, 1);
  await page.waitForTimeout(450);
  await page.mouse.move(point!.x, point!.y);
  await page.waitForTimeout(250);
}

async function shootLanguage(lang: Lang) {
  const h = await launch({ lang });
  const suffix = lang === 'zh-CN' ? 'zh' : 'en';
  try {
    // A note and a highlight to show, made once (the database is shared by every page of the profile).
    const report = await h.open('000');
    expect(await selectText(report, '发布金砖数字街区五年实施规划')).toBe(true);
    await uiClick(report, '.gl-toolbar button.gl-btn--small');
    await uiFill(report, '.gl-toolbar--editing textarea', lang === 'zh-CN' ? '数字经济的抓手，明年看落地情况' : 'Digital economy: check delivery next year');
    await uiFill(report, '.gl-toolbar--editing input', lang === 'zh-CN' ? '数字经济, 金砖' : 'digital, BRICS');
    await uiClick(report, '.gl-toolbar--editing button[type=submit]');
    await expect.poll(async () => (await attrs(report))['data-govlens-annotations']).toBe('1');
    expect(await selectText(report, '策划生成首批支撑项目164个')).toBe(true);
    await uiClick(report, '.gl-toolbar .gl-swatch[data-color=green]');
    await expect.poll(async () => (await attrs(report))['data-govlens-annotations']).toBe('2');
    await sendToPage(h, report, 'page:save-pledge', { index: 0 });

    for (const theme of ['light', 'dark'] as Theme[]) {
      const tag = `${suffix}-${theme}`;
      for (const p of h.context.pages()) await p.emulateMedia({ colorScheme: theme });

      // Popup, on the spun seed (the most repairs).
      const spun = await h.open('004');
      await spun.emulateMedia({ colorScheme: theme });
      const popup = await popupFor(h, spun);
      await popup.emulateMedia({ colorScheme: theme });
      await popup.setViewportSize({ width: 360, height: 100 });
      await popup.screenshot({ path: resolve(SHOTS, `popup-${tag}.png`), fullPage: true });
      await popup.close();

      // Tooltips of each kind.
      const tiles: Array<{ label: string; png: Buffer }> = [];
      const tipKinds = lang === 'zh-CN' ? ['已完成数字', '目标', '术语', '承诺', '我的笔记', '修复', '建议修复'] : ['Achieved', 'Target', 'Term', 'Pledge', 'Your note', 'Repair', 'Suggested repair'];
      await report.bringToFront();
      await report.emulateMedia({ colorScheme: theme });
      await hover(report, '74383元');
      tiles.push({ label: tipKinds[0], png: await tooltipShot(report) });
      await hover(report, '5.5%');
      tiles.push({ label: tipKinds[1], png: await tooltipShot(report) });
      await hover(report, '两个确立');
      tiles.push({ label: tipKinds[2], png: await tooltipShot(report) });
      await report.mouse.move(1, 1);
      await report.waitForTimeout(450);
      await sendToPage(h, report, 'page:scroll-to', { kind: 'pledge', index: 0 });
      await report.waitForTimeout(700);
      tiles.push({ label: tipKinds[3], png: await tooltipShot(report) });
      await hoverHighlight(report, 'govlens-user-yellow');
      tiles.push({ label: tipKinds[4], png: await tooltipShot(report) });
      await spun.bringToFront();
      await hoverHighlight(spun, 'govlens-fix', 3);
      tiles.push({ label: tipKinds[5], png: await tooltipShot(spun) });
      const suggestions = await spun.evaluate(() => CSS.highlights.get('govlens-suggestion')?.size ?? 0);
      if (suggestions) {
        await hoverHighlight(spun, 'govlens-suggestion');
        tiles.push({ label: tipKinds[6], png: await tooltipShot(spun) });
      }
      await composite(h, tiles, 4, resolve(SHOTS, `tooltips-${tag}.png`), theme);
      if (theme === 'light') {
        // Store listing: a whole page with a tooltip, 1280 × 800.
        await report.bringToFront();
        await report.setViewportSize({ width: 1280, height: 800 });
        await hover(report, '两个确立');
        await report.screenshot({ path: resolve(STORE, `screenshot-page-${suffix}.png`) });
        await report.setViewportSize({ width: 1280, height: 900 });
      }

      // The side panel, each tab.
      const panel = await sidePanelFor(h, report);
      await panel.emulateMedia({ colorScheme: theme });
      await panel.setViewportSize({ width: 400, height: 640 });
      await panel.locator('.report-head').waitFor({ timeout: 10_000 });
      const panelTiles: Array<{ label: string; png: Buffer }> = [];
      for (const tab of await panel.getByRole('tab').all()) {
        await tab.click();
        await panel.waitForTimeout(300);
        panelTiles.push({ label: (await tab.locator('.tab-label').innerText()).trim(), png: await panel.screenshot() });
      }
      await panel.close();
      await composite(h, panelTiles, 3, resolve(SHOTS, `sidepanel-${tag}.png`), theme);

      // Welcome and options.
      for (const name of ['welcome', 'options']) {
        const page = await h.context.newPage();
        await page.emulateMedia({ colorScheme: theme });
        await page.setViewportSize({ width: 900, height: 800 });
        await page.goto(`chrome-extension://${h.extensionId}/${name}.html`);
        await page.waitForSelector('[data-command]');
        await page.screenshot({ path: resolve(SHOTS, `${name}-${tag}.png`), fullPage: true });
        await page.close();
      }
      await spun.close();
    }
    await report.close();

    // Store promo tile (440 × 280), from the icon and the product's own words.
    const promo = await h.context.newPage();
    await promo.setViewportSize({ width: 440, height: 280 });
    const icon = (await readFile(ICON)).toString('base64');
    const words = lang === 'zh-CN' ? ['GovLens 政报透镜', '修复、标注并研读政府工作报告'] : ['GovLens', 'Read, repair and study government work reports'];
    await promo.setContent(`<!doctype html><meta charset="utf-8"><style>
      body { margin: 0; width: 440px; height: 280px; display: flex; align-items: center; gap: 22px; padding: 0 30px; box-sizing: border-box;
        background: linear-gradient(135deg, #fff 0%, #fff4f2 100%); font: 15px system-ui, "WenQuanYi Micro Hei", sans-serif; color: #1f2328; }
      h1 { font-size: 28px; margin: 0 0 8px; } p { margin: 0; color: #57606a; line-height: 1.5; }
      .m { background: rgba(45,164,78,.22); } .t { background: rgba(33,139,255,.2); }
    </style><img src="data:image/png;base64,${icon}" width="112" height="112"><div><h1>${words[0]}</h1><p>${words[1]}</p><p><span class="m">6.1%</span> <span class="t">5%</span></p></div>`);
    await promo.screenshot({ path: resolve(STORE, `promo-small-${suffix}.png`) });
    await promo.close();
  } finally {
    await h.close();
  }
}

describe('screenshots of the interface (built extension, Chromium)', () => {
  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    await mkdir(STORE, { recursive: true });
  });
  afterAll(() => undefined);

  it('in Chinese, light and dark', async () => {
    await shootLanguage('zh-CN');
  }, 300_000);

  it('in English, light and dark', async () => {
    await shootLanguage('en-US');
  }, 300_000);
});
