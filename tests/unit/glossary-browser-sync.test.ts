import { describe, expect, it } from 'vitest';
import { chunkGlossary } from '../../src/background/glossary-sync';

const size = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;

describe('the glossary in storage.sync', () => {
  it('fits the browser’s quotas: items under 8 KB, under 100 KB in all, newest entries first', () => {
    const entries = Array.from({ length: 3000 }, (_, i) => [`术语${i}`, '解释'.repeat(20 + (i % 50)), i] as [string, string, number]);
    const { items, dropped } = chunkGlossary(entries);
    const values = Object.values(items);
    expect(values.every((v) => size(v) < 8192)).toBe(true);
    expect(Object.keys(items).length).toBeLessThan(512);
    expect(values.reduce((n, v) => n + size(v), 0)).toBeLessThan(100_000);
    expect(dropped).toBeGreaterThan(0);
    // The newest are the ones kept.
    expect(values[0][0][0]).toBe('术语2999');
    expect(values.flat().length + dropped).toBe(3000);
  });

  it('keeps everything when it fits', () => {
    const { items, dropped } = chunkGlossary([['两个确立', '解释', 1], ['三个一', '解释', 2]]);
    expect(dropped).toBe(0);
    expect(Object.values(items).flat().map((e) => e[0])).toEqual(['三个一', '两个确立']);
  });
});
