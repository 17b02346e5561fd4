import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/core/repair/pipeline';
import { repair } from '../../src/core/repair';
import { traditionalStage } from '../../src/core/repair/stages/traditional';
import { isTraditionalPage, scriptStats } from '../../src/core/repair/traditional/detect';
import { loadSimplifiedToTraditional, simplifiedToTraditional } from '../../src/core/repair/traditional/script';
import { ConverterFactory } from 'opencc-js/core';
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';

const fix = (s: string, toTraditional = false) => runPipeline(s, [traditionalStage], { toTraditional });
const seed = (id: string) => readFileSync(new URL(`../../seeds/${id}.txt`, import.meta.url), 'utf8');

describe('traditional detector', () => {
  it('counts Traditional-only characters', () => {
    const s = scriptStats('聚力擴內需穩增長');
    expect(s.han).toBe(8);
    expect(s.traditional).toBe(4); // 擴 內 穩 長; 聚 力 需 增 are shared
    expect(isTraditionalPage(s)).toBe(true);
  });

  it('does not fire on the clean Simplified seeds', () => {
    for (const id of ['000_0cf104e84806d453', '002_da23955f95c06a62', '003_79a18ab8566106eb']) {
      const text = seed(id);
      expect(isTraditionalPage(scriptStats(text))).toBe(false);
      expect(traditionalStage.run(text, {})).toEqual([]);
    }
  });
});

describe('traditional stage', () => {
  it('converts a Traditional page to Simplified, per changed stretch', () => {
    const r = fix('聚力擴內需穩增長 鞏固經濟回升向好基礎');
    expect(r.text).toBe('聚力扩内需稳增长 巩固经济回升向好基础');
    expect(r.changes.map((c) => c.before)).toEqual(['擴內', '穩', '長', '鞏', '經濟', '礎']);
  });

  it('uses phrase context (OpenCC phrases), not only characters', () => {
    expect(fix('這個頭髮很乾淨,我們發展經濟').text).toBe('这个头发很干净,我们发展经济');
  });

  it('folds Hong Kong variant forms the t→cn table lacks, without breaking phrases', () => {
    expect(fix('打好藍天、碧水、淨土保衞戰,空天信息和衞星互聯網').text).toBe('打好蓝天、碧水、净土保卫战,空天信息和卫星互联网');
    expect(fix('發展成效顯著,著名企業集聚').text).toBe('发展成效显著,著名企业集聚');
  });

  it('leaves one quoted Traditional name on a Simplified page as written', () => {
    const s = '今年我区与台湾地区的交流持续深化,与“臺灣”企业签约项目12个,推动两岸融合发展取得新成效。';
    expect(fix(s).text).toBe(s);
  });

  it('converts a clearly Traditional paragraph quoted in a Simplified page', () => {
    const s = '我区推动高质量发展。\n他們說:經濟發展與環境保護應當並重,這是長遠之計。\n今年继续推进。';
    expect(fix(s).text).toBe('我区推动高质量发展。\n他们说:经济发展与环境保护应当并重,这是长远之计。\n今年继续推进。');
  });

  it('leaves Japanese and Korean text unchanged', () => {
    for (const s of ['東京都の經濟發展について說明します。', '한국 經濟 發展 보고서입니다']) expect(fix(s).text).toBe(s);
  });

  it('offers Simplified → Traditional once its dictionaries are loaded', async () => {
    let steps = 0;
    await loadSimplifiedToTraditional((build) => {
      for (let r = build.next(); !r.done; r = build.next()) steps++;
    });
    // Built in many short steps, and converting exactly as opencc-js's own converter does.
    expect(steps).toBeGreaterThan(10);
    expect(fix('扩大内需稳增长,巩固经济基础', true).text).toBe('擴大內需穩增長,鞏固經濟基礎');
    const text = seed('000_0cf104e84806d453');
    expect(simplifiedToTraditional(text)).toBe(ConverterFactory([[STPhrases, STCharacters]])(text));
  });

  it('calls a Simplified → Traditional change the reader asked for a conversion, and a repair that also converts a repair', async () => {
    await loadSimplifiedToTraditional();
    const asked = repair('推动经济高质量发展，答复满意率', { toTraditional: true });
    expect(asked.text).toBe('推動經濟高質量發展，答覆滿意率');
    expect(asked.changes.length).toBeGreaterThan(0);
    expect(asked.changes.every((c) => c.conversion === true)).toBe(true);
    // Inline pinyin removed from a character that is also converted: still a repair, and marked as one.
    const mixed = repair('扩(kuò)大内需', { toTraditional: true });
    expect(mixed.changes.map((c) => [c.before, c.after, c.conversion ?? false])).toEqual([
      ['扩(kuò)', '擴', false],
      ['内', '內', true],
    ]);
    // Traditional → Simplified is GovLens's repair of a Traditional copy, never a conversion.
    expect(repair('擴大內需穩增長，鞏固經濟基礎').changes.some((c) => c.conversion)).toBe(false);
  });
});
