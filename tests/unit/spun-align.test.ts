import { describe, expect, it } from 'vitest';
import { diffPairs, restorationStats } from '../support/align';

const codes = (s: string) => Uint16Array.from(s, (c) => c.charCodeAt(0));

function lcsLength(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) dp[i][j] = a[i - 1] === b[j - 1] ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
  return dp[a.length][b.length];
}

describe('alignment helper', () => {
  it('finds a longest common subsequence (checked against dynamic programming)', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let t = 0; t < 200; t++) {
      const r = () => Array.from({ length: Math.floor(rnd() * 25) }, () => '发展真实'[Math.floor(rnd() * 4)]).join('');
      const a = r();
      const b = r();
      const pairs = diffPairs(codes(a), codes(b));
      expect(pairs.length).toBe(lcsLength(a, b));
      for (let k = 0; k < pairs.length; k++) {
        expect(a[pairs[k][0]]).toBe(b[pairs[k][1]]);
        if (k) expect(pairs[k][0] > pairs[k - 1][0] && pairs[k][1] > pairs[k - 1][1]).toBe(true);
      }
    }
  });

  it('counts restored and broken characters', () => {
    const gold = '扎实推动高质量发展\n第二行不变';
    const input = '扎真敦促高量质展开\n第二行不变';
    expect(restorationStats(input, gold, gold)).toMatchObject({ restored: restorationStats(input, input, gold).needed, broken: 0, restoreRate: 1 });
    const partial = restorationStats(input, '扎实敦促高质量展开\n第二行不变', gold);
    expect(partial.restoreRate).toBeGreaterThan(0);
    expect(partial.restoreRate).toBeLessThan(1);
    const damaged = restorationStats(input, '扎实推动高质量发展\n第二行改变', gold);
    expect(damaged.broken).toBe(1);
  });
});
