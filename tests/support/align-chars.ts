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
  return p + s + lcsLength(xs, ys);
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

function lcsLength(a: string[], b: string[]): number {
  const n = a.length;
  const m = b.length;
  if (!n || !m) return 0;
  const max = n + m;
  const offset = max;
  const v = new Int32Array(2 * max + 2);
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let xPos = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let yPos = xPos - k;
      while (xPos < n && yPos < m && a[xPos] === b[yPos]) {
        xPos++;
        yPos++;
      }
      v[offset + k] = xPos;
      // D edits (insertions + deletions) reach the end: LCS = (n + m - D) / 2.
      if (xPos >= n && yPos >= m) return (n + m - d) / 2;
    }
  }
  return 0;
}
