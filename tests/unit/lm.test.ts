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

  it('stays within its memory budget', () => {
    expect(getLM().memoryBytes).toBeLessThan(5 * 1024 * 1024);
  });
});
