import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { MOJIBAKE_ALPHABET, MOJIBAKE_FORMS, SIMP, SPINNER_FORMS, TRAD } from '../../src/core/detect/tables';
import { mojibakeDensity, normaliseForDetection } from '../../src/core/detect/normalise';

const ROOT = join(__dirname, '..', '..');
const seeds = readdirSync(join(ROOT, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8'));

describe('Traditional fold table', () => {
  it('pairs every Traditional character with one Simplified character, as OpenCC does', () => {
    expect([...TRAD].length).toBe([...SIMP].length);
    expect(new Set(TRAD).size).toBe([...TRAD].length);
    const toS = OpenCC.Converter({ from: 't', to: 'cn' });
    const wrong = [...TRAD].filter((t, i) => toS(t) !== SIMP[i]);
    expect(wrong).toEqual([]);
  });

  it('leaves 著 alone (it is also Simplified: 显著)', () => {
    expect(TRAD).not.toContain('著');
    expect(normaliseForDetection('成效显著').text).toBe('成效显著');
  });
});

describe('mojibake forms', () => {
  const gbk = new TextDecoder('gbk');
  const longestClean = (s: string) => s.split(/[\ufffd\ue000-\uf8ff]/).sort((a, b) => b.length - a.length)[0];

  it('are what TextDecoder(gbk) makes of each word, on and off the pair boundary', () => {
    for (const [word, aligned, shifted] of MOJIBAKE_FORMS) {
      const b = new TextEncoder().encode(word);
      const even = (n: number) => n - (n % 2);
      expect(aligned, word).toBe(longestClean(gbk.decode(b.subarray(0, even(b.length)))));
      expect(shifted, word).toBe(longestClean(gbk.decode(b.subarray(1, 1 + even(b.length - 1)))));
    }
  });

  it('turn back into the word inside a mis-decoded sentence, whatever the alignment', () => {
    for (const prefix of ['', '在']) {
      const moj = gbk.decode(new TextEncoder().encode(`${prefix}各位代表：现在我代表区人民政府向大会报告政府工作报告`));
      const { text, damage } = normaliseForDetection(moj.repeat(3));
      expect(damage).toContain('mojibake');
      expect(text).toContain('政府工作报告');
    }
  });

  it('use an alphabet that clean seed text never contains', () => {
    for (const s of seeds) expect(mojibakeDensity(s)).toBeLessThan(0.001);
    const moj = gbk.decode(new TextEncoder().encode(seeds[0]));
    expect(mojibakeDensity(moj)).toBeGreaterThan(0.1);
    expect(new Set(MOJIBAKE_ALPHABET).size).toBe([...MOJIBAKE_ALPHABET].length);
  });
});

describe('normaliseForDetection', () => {
  it('strips inline pinyin and letter spacing, folds Traditional', () => {
    const { text, damage } = normaliseForDetection('聚力擴(kuò)內(nèi)需穩(wěn)增長，政 府 工 作 報 告');
    expect(text).toBe('聚力扩内需稳增长，政府工作报告');
    expect(damage).toEqual(expect.arrayContaining(['pinyin', 'spacing', 'traditional']));
  });

  it('keeps ASCII words in parentheses and spaces next to Latin text', () => {
    expect(normaliseForDetection('生产总值(GDP) 增长 5.2% 和 AI 应用').text).toBe('生产总值(GDP) 增长 5.2% 和 AI 应用');
  });

  it('folds spinner forms back to report words', () => {
    for (const [spun, original] of SPINNER_FORMS) expect(normaliseForDetection(`x${spun}x`).text).toBe(`x${original}x`);
  });
});
