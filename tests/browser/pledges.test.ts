// Pledges in the built extension (real Chromium): marked in the page with their card, saved from the plan's
// outline in the side panel, followed into a later report where the reader confirms a proposed verdict,
// and exported to Markdown and CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launch, type Harness } from './harness';
import { highlightTexts, hover, sidePanelFor, uiClick } from './page-tools';
import { PALETTE, rgba } from '../../src/ui/common/colors';

const SHOTS = fileURLToPath(new URL('../../docs/screenshots', import.meta.url));

interface StoredPledge {
  text: string;
  status: string;
  kind: string;
  area: string[];
  dueYear: number | null;
  region: string;
  regionKey: string;
  evidence: Array<{ sentence: string; proposed?: string; figure?: string }>;
  history: Array<{ status: string }>;
}

/** The saved pledges, read from the extension's own database in an extension page. */
async function storedPledges(h: Harness): Promise<StoredPledge[]> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tab=-1`);
  const rows = await page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const req = indexedDB.open('govlens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const r = req.result.transaction('pledges', 'readonly').objectStore('pledges').getAll();
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        };
      }),
  );
  await page.close();
  return rows as StoredPledge[];
}

/** Opens the 承诺 tab of the side panel pinned to `page`. */
async function pledgesTab(h: Harness, page: Page): Promise<Page> {
  const panel = await sidePanelFor(h, page);
  await panel.setViewportSize({ width: 440, height: 1000 });
  await panel.getByRole('tab', { name: /承诺|Pledges/ }).click();
  await panel.locator('section.outline').waitFor({ timeout: 30_000 });
  return panel;
}

/** Saves every unsaved pledge under the outline heading whose name starts with `heading`. */
async function saveAllUnder(panel: Page, heading: string): Promise<void> {
  const area = panel.locator('details.area', { has: panel.locator(':scope > summary .area-name', { hasText: heading }) }).first();
  await area.locator(':scope > .area-body > .row button', { hasText: /全部保存|Save all/ }).click();
}

describe('pledges (built extension, real Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
    await mkdir(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('marks the plan\'s pledges in their own colour; the card shows kind, area, due year and saves', async () => {
    const page = await h.open('000');
    const marked = await highlightTexts(page, 'pledge');
    // Every commitment of the plan, with or without a figure; none from the 2024 review.
    expect(marked.length).toBeGreaterThan(250);
    expect(marked).toEqual(expect.arrayContaining(['建立项目建设“四张清单”', '地区生产总值增长5.5%', '修订促进建筑业发展实施办法']));
    expect(marked).not.toContain('承接全市7项综合改革任务');
    // The colour is the pledge layer's own.
    const colour = await page.evaluate(() => [...document.querySelectorAll('style')].map((s) => s.textContent ?? '').join('').match(/::highlight\(govlens-pledge\)\s*\{[^}]*\}/)?.[0] ?? '');
    expect(colour).toContain(rgba(PALETTE.pledge.ink.light, PALETTE.pledge.paint.line!.alpha));
    const card = await hover(page, '建立项目建设“四张清单”');
    expect(card).toMatch(/承诺 · 举措|Pledge · Action/);
    expect(card).toMatch(/全力提速推进项目建设/); // the nearest heading of its area
    expect(card).toContain('2025');
    await page.screenshot({ path: resolve(SHOTS, 'page-000-pledge.png') });
    await uiClick(page, 'button', 10_000, /保存承诺|Save pledge/);
    await expect.poll(async () => (await storedPledges(h)).map((p) => p.text)).toContain('建立项目建设“四张清单”');
    const [saved] = (await storedPledges(h)).filter((p) => p.text === '建立项目建设“四张清单”');
    expect(saved).toMatchObject({ kind: 'action', dueYear: 2025, status: 'pending', region: '湖里区', regionKey: '湖里', area: ['2025年工作计划', '一、坚持提振预期、深谋快干,巩固经济稳中向好态势', '全力提速推进项目建设'] });
    await expect.poll(() => hover(page, '建立项目建设“四张清单”')).toMatch(/已保存|Saved/);
    await page.close();
  });

  it('reads pledges with pledges.js, a script of its own: the pledge model is not in engine.js or detect.js', async () => {
    const read = (f: string) => readFile(join(EXTENSION_DIR, f), 'utf8');
    // Feature names of the commitment model's weights (src/core/pledges/model-weights.ts).
    const has = (code: string) => code.includes('"how:verb"') && code.includes('"len:18-26"');
    expect(has(await read('pledges.js'))).toBe(true);
    expect(has(await read('engine.js'))).toBe(false);
    expect(has(await read('detect.js'))).toBe(false);
  });

  it('saves from the outline on seed 000, then seed 002; back on seed 000 the reader confirms a proposed verdict; Markdown and CSV carry the pledges', async () => {
    // Seed 000 (2025 report): the plan as an outline, grouped by the report's headings with counts.
    const s000 = await h.open('000');
    let panel = await pledgesTab(h, s000);
    const summary = await panel.locator('section.outline > p[role=status]').innerText();
    expect(summary).toMatch(/\d{3} 条承诺|\d{3} pledges/);
    const heading = panel.locator('details.area.depth-1 > summary', { hasText: '二、坚持科创引领' });
    expect(Number(await heading.locator('.badge').innerText())).toBeGreaterThan(40);
    await panel.screenshot({ path: resolve(SHOTS, 'sidepanel-pledges-000.png') });
    const before = (await storedPledges(h)).length;
    await saveAllUnder(panel, '三、坚持因地制宜');
    await expect.poll(async () => (await storedPledges(h)).length, { timeout: 15_000 }).toBeGreaterThan(before + 30);
    const from000 = (await storedPledges(h)).filter((p) => p.area[1]?.startsWith('三、坚持因地制宜'));
    expect(from000.every((p) => p.region === '湖里区' && p.dueYear === 2025 && p.status === 'pending')).toBe(true);
    await panel.close();
    await s000.close();

    // Seed 002 (the district bureau's 2023 summary and 2024 plan): save its plan's 四、精谋划、促落地 items.
    const s002 = await h.open('002');
    panel = await pledgesTab(h, s002);
    // An earlier report than the 2025 pledges just saved: nothing to follow here.
    expect(await panel.locator('section.matches').count()).toBe(0);
    await saveAllUnder(panel, '(四)精谋划、促落地');
    await expect.poll(async () => (await storedPledges(h)).filter((p) => p.region === '厦门市湖里区').length, { timeout: 15_000 }).toBeGreaterThan(20);
    const village = (await storedPledges(h)).find((p) => p.text.startsWith('助力17个城中村'))!;
    expect(village).toMatchObject({ kind: 'target', dueYear: 2024, regionKey: '湖里' });
    await panel.close();
    await s002.close();

    // Seed 000 again: it reviews 2024, so the 2024 pledges are followed into it; one verdict is proposed.
    const again = await h.open('000');
    panel = await pledgesTab(h, again);
    const row = panel.locator('section.matches li', { hasText: '助力17个城中村' });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.locator('.proposal').innerText()).toMatch(/已兑现|Met/);
    expect(await row.locator('.evidence-choice').first().innerText()).toContain('完成19个城中村8大提升');
    expect(await row.locator('.evidence-choice').first().innerText()).toContain('19个');
    await panel.screenshot({ path: resolve(SHOTS, 'sidepanel-pledges-followup.png') });
    // Nothing is rated until the reader confirms.
    expect((await storedPledges(h)).find((p) => p.text === village.text)!.status).toBe('pending');
    await row.locator('button.confirm').click();
    await expect.poll(async () => (await storedPledges(h)).find((p) => p.text === village.text)!.status).toBe('met');
    const rated = (await storedPledges(h)).find((p) => p.text === village.text)!;
    expect(rated.evidence).toEqual([expect.objectContaining({ proposed: 'met', figure: '19个', sentence: expect.stringContaining('完成19个城中村8大提升') })]);
    expect(rated.history.map((x) => x.status)).toEqual(['met']);

    // Exports: Markdown grouped by area with status and evidence, CSV one row per pledge.
    await panel.getByRole('tab', { name: /导出|Export/ }).click();
    const dir = await mkdtemp(join(tmpdir(), 'govlens-pledges-'));
    const files: Record<string, string> = {};
    for (const [i, name] of [[0, 'markdown'], [1, 'csv']] as const) {
      const [download] = await Promise.all([panel.waitForEvent('download'), panel.locator('ul.formats li button').nth(i).click()]);
      files[name] = join(dir, download.suggestedFilename());
      await download.saveAs(files[name]);
    }
    const md = await readFile(files.markdown, 'utf8');
    expect(md).toContain('## 2025年湖里区人民政府工作报告');
    expect(md).toMatch(/#### 2025年工作计划 › 三、坚持因地制宜、守正创新,大力推动全面深化改革 › 闯出扩大开放新路径 \(\d+\)/);
    expect(md).toContain('- **met**: 助力17个城中村加快“空间梳理”和“四打通”等改造工作');
    expect(md).toMatch(/Evidence \(2025年湖里区人民政府工作报告[^)]*\), GovLens proposed met:\n {4}> [^\n]*完成19个城中村8大提升/);
    const csv = (await readFile(files.csv, 'utf8')).replace(/^\uFEFF/, '');
    const rows = csv.split('\r\n');
    // Column names in the reader's language (this browser runs in Chinese).
    expect(rows[0]).toBe('报告标题,网址,摘录,笔记,标签,创建时间,类型,承诺类别,领域,到期年份,状态,数字,方向,依据');
    const pledgeRows = rows.filter((r) => r.includes(',pledge,'));
    expect(pledgeRows.length).toBe((await storedPledges(h)).length);
    expect(pledgeRows.find((r) => r.includes('助力17个城中村'))).toMatch(/,pledge,target,[^,]*,2024,met,17个,exact,"?2025年湖里区人民政府工作报告/);
    await panel.close();
    await again.close();
  });
});
