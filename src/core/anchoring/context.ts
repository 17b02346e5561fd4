/**
 * Context similarity: how well the text around a candidate agrees with the prefix/suffix
 * recorded when the annotation was made. Uses a semi-global edit distance so a few
 * characters inserted or deleted right next to the quote only cost a few edits instead
 * of misaligning the whole window.
 */

/** Extra characters of text considered beyond the recorded context length. */
const SLACK = 8;

// Reused DP rows; context strings are short (≤ 32 + SLACK).
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * Minimum edit distance between `pattern` and any substring of `text` that ends at the end
 * of `text` (anchorEnd) or starts at its start (!anchorEnd).
 */
function anchoredDistance(pattern: string, text: string, anchorEnd: boolean): number {
  const m = pattern.length;
  const n = text.length;
  if (m === 0) return 0;
  if (n === 0) return m;
  if (rowA.length < n + 1) {
    rowA = new Int32Array(n + 1);
    rowB = new Int32Array(n + 1);
  }
  // Align pattern to the end of text when anchorEnd: reverse both and align at the start.
  const p = (i: number) => (anchorEnd ? pattern.charCodeAt(m - 1 - i) : pattern.charCodeAt(i));
  const t = (j: number) => (anchorEnd ? text.charCodeAt(n - 1 - j) : text.charCodeAt(j));
  // prev[j]: distance between pattern[0..i) and text[0..j) (text anchored at 0, free tail).
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const pc = p(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1] + (pc === t(j - 1) ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  // Free tail: the pattern may end anywhere in text.
  let best = m;
  for (let j = 0; j <= n; j++) if (prev[j] < best) best = prev[j];
  return best;
}

/** Similarity 0..1 of the recorded prefix to the text just before `start`. */
export function prefixSimilarity(text: string, start: number, prefix: string | undefined): number {
  if (!prefix) return start === 0 ? 1 : 0.5;
  const window = text.slice(Math.max(0, start - prefix.length - SLACK), start);
  if (window.endsWith(prefix)) return 1;
  return 1 - anchoredDistance(prefix, window, true) / prefix.length;
}

/** Similarity 0..1 of the recorded suffix to the text just after `end`. */
export function suffixSimilarity(text: string, end: number, suffix: string | undefined): number {
  if (!suffix) return end === text.length ? 1 : 0.5;
  const window = text.slice(end, end + suffix.length + SLACK);
  if (window.startsWith(suffix)) return 1;
  return 1 - anchoredDistance(suffix, window, false) / suffix.length;
}
