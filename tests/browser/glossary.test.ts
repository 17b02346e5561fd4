// The built-in glossary on a report page, in the built extension: a term from each group of issue #11 gets a
// tooltip with its explanation, in a Chinese browser and in an English one (English name and gloss first).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, launch, type Harness } from './harness';
import { hover } from './page-tools';
import { GLOSSARY_HTML as HTML, GLOSSARY_NAME as NAME, GLOSSARY_TERMS as TERMS, GLOSSARY_URL as URL } from './glossary-page';
import { GLOSSARY_PARTS, GLOSSARY_TEXT_PARTS } from '../../src/core/glossary/parts';

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

  it('marks a programme name the report coins whole, and its card explains the known term inside it', async () => {
    const [name, inner, explanation] = NAME;
    const tip = await hover(page, name.slice(0, 4));
    expect(tip).toContain(name);
    expect(tip).toContain('暂无解释');
    expect(tip).toContain('名称中的已知术语');
    expect(tip.slice(tip.indexOf('名称中的已知术语'))).toContain(inner);
    expect(tip).toMatch(explanation);
  });

  it('has the glossary in data scripts of its own, the explanations apart from the spellings, not in detect.js or engine.js', async () => {
    const read = (f: string) => readFileSync(join(EXTENSION_DIR, f), 'utf8');
    // A piece of 千万工程's explanation, as esbuild may write it (UTF-8 or \u escapes).
    const has = (code: string) => code.includes('人居环境整治和美丽') || code.toLowerCase().includes('\\u4eba\\u5c45\\u73af\\u5883\\u6574\\u6cbb\\u548c\\u7f8e\\u4e3d');
    const parts = readdirSync(EXTENSION_DIR).filter((f) => /^glossary-\d+\.js$/.test(f));
    const textParts = readdirSync(EXTENSION_DIR).filter((f) => /^glossary-text-\d+\.js$/.test(f));
    expect(parts).toHaveLength(GLOSSARY_PARTS);
    expect(textParts).toHaveLength(GLOSSARY_TEXT_PARTS);
    // The explanation travels in the text parts, injected after the first marks; the first parts carry the spellings.
    expect(textParts.filter((f) => has(read(f)))).toHaveLength(1);
    expect(parts.filter((f) => has(read(f)))).toHaveLength(0);
    expect(parts.filter((f) => read(f).includes('千万工程') || read(f).toLowerCase().includes('\\u5343\\u4e07\\u5de5\\u7a0b'))).not.toHaveLength(0);
    expect(has(read('engine.js'))).toBe(false);
    expect(has(read('detect.js'))).toBe(false);
    expect(Number(await page.evaluate(() => document.documentElement.getAttribute('data-govlens-terms')))).toBeGreaterThanOrEqual(TERMS.length);
  });

  it('shows figures written in words with their value: 翻了一番 as twice, a date as a date, 全国第十三 as a rank', async () => {
    expect(await hover(page, '翻了一番')).toContain('2倍');
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
    expect(await hover(page, '翻了一番')).toContain('2 times');
  });
});
