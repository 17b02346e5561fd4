// The built-in glossary on a report page, in the built extension: a term from each group of issue #11 gets a
// tooltip with its explanation, in a Chinese browser and in an English one (English name and gloss first).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, launch, type Harness } from './harness';
import { hover } from './page-tools';

const URL = 'http://www.huli.gov.cn/zwgk/ghjh/zfgzbg/202603/t20260301_glossary.html';

/** A report page mentioning one term of each group, and figures written in words. */
const HTML = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>2026年政府工作报告</title></head>
<body><h1>2026年政府工作报告</h1>
<p>各位代表：现在，我代表区人民政府，向大会报告政府工作，请予审议。</p>
<p>一、2025年工作回顾</p>
<p>过去一年，我们坚定拥护两个确立，坚定不移全面从严治党，积极融入西部陆海新通道建设，深化零基预算改革，学习运用千万工程经验。</p>
<p>回顾改革开放之初，乡镇企业异军突起。全区地区生产总值比2010年翻两番，居全国第十三，增长5.5%。</p>
<p>二、2026年工作安排</p>
<p>2026年，经济社会发展主要预期目标为：地区生产总值增长5.5%左右，新增城镇就业3万人以上。</p>
</body></html>`;

/** One term per group: [group, the term as written, a piece of its Chinese explanation, its English name]. */
const TERMS: [string, string, RegExp][] = [
  ['strategy / regional plan', '西部陆海新通道', /北部湾/],
  ['fiscal instrument', '零基预算', /上年|基数/],
  ['programme', '千万工程', /千村示范/],
  ['Party formula', '全面从严治党', /作风|纪律/],
  ['numbered slogan', '两个确立', /核心地位/],
  ['older term', '乡镇企业', /农村集体|农民/],
];

async function openReport(h: Harness): Promise<Page> {
  h.server.serve(URL, HTML);
  const page = await h.context.newPage();
  await page.goto(URL, { waitUntil: 'load' });
  await page.waitForSelector('html[data-govlens-ms]', { timeout: 30_000 });
  return page;
}

describe('built-in glossary tooltips, Chinese browser (built extension, real Chromium)', () => {
  let h: Harness;
  let page: Page;
  beforeAll(async () => {
    h = await launch();
    page = await openReport(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const [group, term, chinese] of TERMS) {
    it(`explains ${term} (${group}) in Chinese, with its English name after the explanation`, async () => {
      const tip = await hover(page, term);
      expect(tip).toContain(term);
      expect(tip).toMatch(chinese);
      expect(tip).toContain('内置');
      // The English name follows the Chinese explanation, labelled 英文.
      const en = tip.indexOf('英文');
      expect(en).toBeGreaterThan(tip.search(chinese));
    });
  }

  it('has the glossary in a data script of its own, not in detect.js or engine.js', async () => {
    const read = (f: string) => readFileSync(join(EXTENSION_DIR, f), 'utf8');
    // A piece of 千万工程's explanation, as esbuild may write it (UTF-8 or \u escapes).
    const has = (code: string) => code.includes('千村示范') || code.toLowerCase().includes('\\u5343\\u6751\\u793a\\u8303');
    expect(has(read('glossary.js'))).toBe(true);
    expect(has(read('engine.js'))).toBe(false);
    expect(has(read('detect.js'))).toBe(false);
    expect(Number(await page.evaluate(() => document.documentElement.getAttribute('data-govlens-terms')))).toBeGreaterThanOrEqual(TERMS.length);
  });

  it('shows figures written in words with their value: 翻两番 as four times, a date as a date, 全国第十三 as a rank', async () => {
    expect(await hover(page, '翻两番')).toContain('4倍');
    expect(await hover(page, '全国第十三')).toContain('第13');
    const date = await hover(page, '2010年');
    expect(date).toContain('2010年');
    expect(date).not.toMatch(/thousand|千/);
  });
});

describe('built-in glossary tooltips, English browser (built extension, real Chromium)', () => {
  let h: Harness;
  let page: Page;
  beforeAll(async () => {
    h = await launch({ lang: 'en-US' });
    page = await openReport(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const [group, term, chinese] of TERMS) {
    it(`explains ${term} (${group}) with its English name and gloss first, then the Chinese explanation`, async () => {
      const tip = await hover(page, term);
      expect(tip).toContain('Built-in');
      const english = /[A-Za-z][A-Za-z ,'’()-]{6,}/.exec(tip.slice(tip.indexOf(term) + term.length));
      expect(english, tip).not.toBeNull();
      // English (name, then gloss) comes before the Chinese explanation.
      expect(tip.indexOf(english![0])).toBeLessThan(tip.search(chinese));
      expect(tip).toMatch(chinese);
    });
  }

  it('writes figure values in English words: 74,383-style numbers, no "thousand 年" for a date', async () => {
    const date = await hover(page, '2010年');
    expect(date).not.toMatch(/thousand/);
    expect(await hover(page, '翻两番')).toContain('4 times');
  });
});
