import { diffPairs } from './align';

const codePoint = (ch: string) => ch.codePointAt(0)!;

/**
 * Character alignment for measuring repairs: the number of characters two
 * texts share in order (longest common subsequence), by Myers' O((N+M)·D)
 * diff over code points, so nearly equal texts are cheap to compare.
 */
export function commonChars(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  // Trim the common prefix and suffix first: most repaired text matches there.
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  let s = 0;
  while (s < x.length - p && s < y.length - p && x[x.length - 1 - s] === y[y.length - 1 - s]) s++;
  const xs = x.slice(p, x.length - s);
  const ys = y.slice(p, y.length - s);
  // Matched pairs of a shortest edit script: the LCS (one Myers diff serves all measurements).
  return p + s + diffPairs(xs.map(codePoint), ys.map(codePoint)).length;
}

/** Share of characters identical after alignment: common / max(length). 1 for two empty texts. */
export function charSimilarity(a: string, b: string): number {
  const n = Math.max([...a].length, [...b].length);
  return n === 0 ? 1 : commonChars(a, b) / n;
}

/** Characters that differ: max(length) − common. */
export function charDifferences(a: string, b: string): number {
  return Math.max([...a].length, [...b].length) - commonChars(a, b);
}
