import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness';
import { attrs, highlightTexts, hover } from './page-tools';

describe('figures, terms and tooltips (built extension, real Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('explains 两个确立 on hover from the built-in glossary', async () => {
    const page = await h.open('000');
    const tip = await hover(page, '两个确立');
    expect(tip).toContain('两个确立');
    expect(tip).toMatch(/核心地位|指导地位/);
    await page.close();
  });

  it('explains “三个一” from the report’s own 名词解释', async () => {
    const page = await h.open('000');
    const tip = await hover(page, '三个一');
    expect(tip).toContain('一网统管');
    expect(tip).toContain('一屏统览');
    expect(tip).toContain('一键查询');
    await page.close();
  });

  it('marks 增长5.5% as a target and 74383元 as an achievement', async () => {
    const page = await h.open('000');
    const targets = await highlightTexts(page, 'figure-target');
    const achieved = await highlightTexts(page, 'figure-achieved');
    expect(targets.some((t) => t.includes('5.5%'))).toBe(true);
    expect(achieved.some((t) => t.includes('5.5%'))).toBe(false);
    expect(achieved.some((t) => t.includes('74383元'))).toBe(true);
    expect(targets.some((t) => t.includes('74383'))).toBe(false);
    const a = await attrs(page);
    expect(Number(a['data-govlens-figures'])).toBeGreaterThan(50);
    expect(Number(a['data-govlens-terms'])).toBeGreaterThan(10);
    await page.close();
  });

  it('shows the original text of a repair in its tooltip', async () => {
    const page = await h.open('004');
    const tip = await hover(page, '蝉联');
    expect(tip).toContain('留任');
    await page.close();
  });
});
