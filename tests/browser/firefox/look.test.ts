/**
 * Issue #13's interface checks in Firefox ESR (the Chromium suite is ../look.test.ts): the welcome
 * page on install, a key for every command, the popup within 600 px, the reader's colour painted
 * as itself, Traditional page chrome in Simplified and back, and no stale tooltip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxHarness } from './harness';
import { pointOf, selectText, until } from './page-tools';
import { HIGHLIGHT_COLORS } from '../../../src/ui/common/colors';

declare const browser: any; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the reader\'s interface in Firefox ESR (built add-on)', () => {
  let h: FirefoxHarness;
  beforeAll(async () => {
    h = await launchFirefox();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('opens the welcome page on install and gives every command a key', async () => {
    const urls: string[] = await until(async () => {
      const tabs: Array<{ url?: string }> = await h.background(() => browser.tabs.query({}));
      const list = tabs.map((t) => t.url ?? '');
      return list.some((u) => u.endsWith('/welcome.html')) ? list : (null as unknown as string[]);
    }, 15_000);
    expect(urls.some((u) => u.endsWith('/welcome.html'))).toBe(true);
    const commands: Array<{ name: string; shortcut?: string }> = await h.background(() => browser.commands.getAll());
    const ours = commands.filter((c) => !c.name.startsWith('_'));
    expect(ours.map((c) => c.name).sort()).toEqual(['highlight-selection', 'next-mark', 'prev-mark', 'toggle-repair']);
    expect(ours.filter((c) => !c.shortcut)).toEqual([]);
  });

  it('fits the popup in 600 px', async () => {
    const page = await h.open('004');
    const popup = await h.extensionPage('popup.html', page);
    const height = await until(() => popup.evaluate(() => (document.querySelector('[data-testid=fixes]') ? Math.ceil(document.querySelector('main')!.getBoundingClientRect().height) : 0)), 15_000);
    console.log('popup height, Firefox:', height);
    expect(height).toBeGreaterThan(200);
    expect(height).toBeLessThanOrEqual(600);
    await popup.close();
    await page.close();
  });

  it('paints a blue highlight blue', async () => {
    const page = await h.open('000');
    expect(await selectText(page, '策划生成首批支撑项目')).toBe(true);
    expect(await until(() => h.uiClick(page, '.gl-toolbar .gl-swatch[data-color=blue]'))).toBe(true);
    const texts = await until(() =>
      page.evaluate(() => {
        const out: string[] = [];
        CSS.highlights.get('govlens-user-blue')?.forEach((r) => void out.push((r as Range).toString()));
        return out.length ? out : null;
      }),
    );
    expect(texts).toEqual(['策划生成首批支撑项目']);
    const { color, alpha } = HIGHLIGHT_COLORS.blue;
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
    const rule = await page.evaluate(() => document.querySelector('style[data-govlens-ui=highlights]')?.textContent ?? '');
    expect(rule).toContain(`::highlight(govlens-user-blue) { background-color: rgba(${r}, ${g}, ${b}, ${alpha}); }`);
    await page.close();
  });

  it('shows a Traditional page\'s title and side links in Simplified, and the original exactly on request', async () => {
    const page = await h.open('001');
    expect(await page.evaluate(() => document.title)).toBe('湖里区政府工作报告·2026展望_湖里区人民政府');
    expect(await page.evaluate(() => document.querySelector('aside')!.textContent)).toContain('湖里区2025年国民经济和社会发展统计公报');
    const tabId = await h.tabIdOf(page);
    await h.background((id: number) => browser.tabs.sendMessage(id, { type: 'page:toggle', payload: { repaired: false } }, { frameId: 0 }), tabId);
    expect(await until(() => page.evaluate(() => (document.title.includes('區') ? document.title : null)))).toBe('湖里區政府工作報告·2026展望_湖里区人民政府');
    expect(await page.evaluate(() => document.querySelector('aside')!.textContent)).toContain('湖里區2025年國民經濟和社會發展統計公報');
    await page.close();
  });

  it('closes a stale tooltip when the page switches to the original', async () => {
    const page = await h.open('000');
    const p = await pointOf(page, '两个确立');
    await page.mouse.move(p!.x, p!.y);
    expect(await until(async () => (await h.uiText(page)).includes('两个确立'))).toBe(true);
    await page.mouse.move(1, 1);
    const tabId = await h.tabIdOf(page);
    await h.background((id: number) => browser.tabs.sendMessage(id, { type: 'page:toggle', payload: { repaired: false } }, { frameId: 0 }), tabId);
    expect(await until(async () => !(await h.uiText(page)).includes('两个确立'))).toBe(true);
    await page.close();
  });
});
