/**
 * Character alignment (longest common subsequence via Myers' O(ND) diff) for
 * measuring repairs against gold text. Lines are aligned first, then characters
 * inside each run of differing lines, which keeps D small on long pages.
 */

/** Matched index pairs of a shortest edit script between two integer sequences. */
export function diffPairs(a: ArrayLike<number>, b: ArrayLike<number>): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      v[off + k] = x;
      if (x >= n && y >= m) { found = true; break; }
    }
  }
  // Walk back through the saved frontiers.
  const pairs: Array<[number, number]> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const t = trace[d]; // t[j] = frontier at k = j - d - 1 before round d
    const get = (k: number) => t[k + d + 1];
    const k = x - y;
    let prevK: number;
    if (d === 0) prevK = 0;
    else prevK = k === -d || (k !== d && get(k - 1) < get(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : get(prevK);
    const prevY = prevX - prevK;
    const startX = d === 0 ? 0 : prevK === k + 1 ? prevX : prevX + 1;
    const startY = startX - k;
    while (x > startX && y > startY) pairs.push([--x, --y]);
    x = prevX;
    y = prevY;
    if (d === 0) break;
  }
  return pairs.reverse();
}

const codesOf = (s: string) => Uint16Array.from(s, (c) => c.charCodeAt(0));

/** For each character of `gold`, whether an LCS alignment with `text` keeps it. */
export function goldMatched(text: string, gold: string): boolean[] {
  const out = new Array<boolean>(gold.length).fill(false);
  const tl = text.split('\n');
  const gl = gold.split('\n');
  const ids = new Map<string, number>();
  const id = (s: string) => ids.get(s) ?? (ids.set(s, ids.size), ids.size - 1);
  const lineStart = (lines: string[]) => {
    const st: number[] = [];
    let p = 0;
    for (const l of lines) { st.push(p); p += l.length + 1; }
    return st;
  };
  const ts = lineStart(tl);
  const gs = lineStart(gl);
  const linePairs = diffPairs(tl.map(id), gl.map(id));
  const markLine = (ti: number, gi: number) => {
    for (let c = 0; c <= gl[gi].length && gs[gi] + c < gold.length; c++) out[gs[gi] + c] = true;
  };
  // Character-level alignment of each block of unmatched lines between matched ones.
  let pt = 0;
  let pg = 0;
  const block = (t1: number, g1: number) => {
    if (pg >= g1) return;
    const tStart = pt < tl.length ? ts[pt] : text.length;
    const tEnd = t1 < tl.length ? ts[t1] : text.length;
    const gStart = gs[pg];
    const gEnd = g1 < gl.length ? gs[g1] : gold.length;
    for (const [, gi] of diffPairs(codesOf(text.slice(tStart, tEnd)), codesOf(gold.slice(gStart, gEnd)))) out[gStart + gi] = true;
  };
  for (const [ti, gi] of linePairs) {
    block(ti, gi);
    markLine(ti, gi);
    pt = ti + 1;
    pg = gi + 1;
  }
  block(tl.length, gl.length);
  return out;
}

export interface RestorationStats {
  /** gold characters the input got wrong (not in its alignment with gold) */
  needed: number;
  /** of those, how many the output gets right */
  restored: number;
  /** gold characters the input had right but the output lost */
  broken: number;
  restoreRate: number;
  /** broken / output length */
  collateralRate: number;
}

export function restorationStats(input: string, output: string, gold: string): RestorationStats {
  const inOk = goldMatched(input, gold);
  const outOk = goldMatched(output, gold);
  let needed = 0;
  let restored = 0;
  let broken = 0;
  for (let i = 0; i < gold.length; i++) {
    if (!inOk[i]) {
      needed++;
      if (outOk[i]) restored++;
    } else if (!outOk[i]) broken++;
  }
  return {
    needed,
    restored,
    broken,
    restoreRate: needed ? restored / needed : 1,
    collateralRate: output.length ? broken / output.length : 0,
  };
}
