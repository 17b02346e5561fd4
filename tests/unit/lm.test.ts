import { describe, expect, it } from 'vitest';
import { getLM } from '../../src/core/lm';
import { decodeTables, encodeTables } from '../../src/core/lm/codec';
import { dequantiseCount, foldChar, ngramKey, quantiseCount } from '../../src/core/lm/hash';

describe('character LM', () => {
  it('round-trips the table encoding', () => {
    const tables = [
      { keys: Uint32Array.from([3, 90, 200_000, 16_000_000]), counts: Uint8Array.from([1, 2, 40, 255]) },
      { keys: Uint32Array.from([]), counts: Uint8Array.from([]) },
    ];
    const back = decodeTables(encodeTables(tables));
    expect(back.map((t) => [...t.keys])).toEqual(tables.map((t) => [...t.keys]));
    expect(back.map((t) => [...t.counts])).toEqual(tables.map((t) => [...t.counts]));
  });

  it('quantises counts exactly up to 32 and within 3% above', () => {
    for (const c of [1, 7, 32]) expect(dequantiseCount(quantiseCount(c))).toBe(c);
    for (const c of [33, 500, 12_345]) expect(Math.abs(dequantiseCount(quantiseCount(c)) / c - 1)).toBeLessThan(0.03);
  });

  it('folds digits and whitespace, and keys depend on order', () => {
    expect(foldChar('7'.charCodeAt(0))).toBe(foldChar('0'.charCodeAt(0)));
    expect(foldChar('\u3000'.charCodeAt(0))).toBe(32);
    const codes = Uint16Array.from('发展展发', (c) => c.charCodeAt(0));
    expect(ngramKey(codes, 0, 2)).not.toBe(ngramKey(codes, 2, 4));
  });

  it('prefers clean report phrasing to spun phrasing', () => {
    const lm = getLM();
    const pairs: Array<[string, string]> = [
      ['推动高质量发展', '推动高量质展开'],
      ['扎实推进', '扎真推进'],
      ['新质生产力', '新量消费劲'],
      ['消费品以旧换新', '生产品以旧换新'],
      ['坚持稳中求进', '对峙稳中求进'],
    ];
    for (const [clean, spun] of pairs) expect(lm.logProb(clean)).toBeGreaterThan(lm.logProb(spun) + 5);
  });

  it('gives proper probabilities: every p ≤ 1 (false hash hits are rejected)', () => {
    const lm = getLM();
    // Mixed clean and spun text: unseen n-grams are where 24-bit false hits used to give p > 1.
    const text = '全区实现新删就业,营造更劣更活的营商环境,11月新删落地金融招商项目,扎真推进高量质展开';
    const codes = Uint16Array.from(text, (c) => foldChar(c.charCodeAt(0)));
    for (let i = 0; i < codes.length; i++) {
      const p = lm.charProb(codes, i);
      expect(p, text[i]).toBeGreaterThan(0);
      expect(p, text[i]).toBeLessThanOrEqual(1);
    }
  });

  it('scores a span like the product of its per-character probabilities', () => {
    const lm = getLM();
    const text = '坚持稳中求进工作总基调,完整准确全面贯彻新发展理念,加快构建新发展格局';
    const codes = Uint16Array.from(text, (c) => foldChar(c.charCodeAt(0)));
    for (const [from, to] of [[0, 4], [3, 9], [5, 6], [10, 20], [1, codes.length]]) {
      let product = 1;
      for (let k = from; k < to; k++) product *= lm.charProb(codes, k);
      expect(Math.log(lm.spanProb(codes, from, to))).toBeCloseTo(Math.log(product), 6);
    }
  });

  it('stays within its memory budget', () => {
    expect(getLM().memoryBytes).toBeLessThan(5 * 1024 * 1024);
  });
});
