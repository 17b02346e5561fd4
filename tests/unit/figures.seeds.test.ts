// Precision/recall of extractFigures against hand-labelled excerpts of the five seeds.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFigures, type Figure } from '../../src/core/figures';
import { EXCERPTS, type Excerpt } from '../fixtures/figures/labels';

const root = resolve(__dirname, '../..');
const cache = new Map<string, { text: string; figures: Figure[] }>();
function load(file: string) {
  let hit = cache.get(file);
  if (!hit) {
    const text = readFileSync(resolve(root, file), 'utf8');
    hit = { text, figures: extractFigures(text) };
    cache.set(file, hit);
  }
  return hit;
}

function excerptRange(text: string, ex: Excerpt): [number, number] {
  const s = text.indexOf(ex.from);
  if (s < 0) throw new Error(`marker not found: ${ex.from}`);
  const e = text.indexOf(ex.to, s);
  if (e < 0) throw new Error(`marker not found: ${ex.to}`);
  return [s, e + ex.to.length];
}

/** Align expected and found texts in document order (LCS), so repeated texts like 100% are matched one to one. */
function align(expected: string[], found: string[]): Array<[number, number]> {
  const n = expected.length;
  const m = found.length;
  const dp = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i][j] = expected[i] === found[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (expected[i] === found[j]) pairs.push([i++, j++]);
    else if (dp[i + 1][j] >= dp[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

describe('figures on seed excerpts', () => {
  let tp = 0;
  let nExpected = 0;
  let nFound = 0;
  const problems: string[] = [];
  for (const ex of EXCERPTS) {
    it(`${ex.file} · ${ex.from.slice(0, 12)}`, () => {
      const { text, figures } = load(ex.file);
      const [s, e] = excerptRange(text, ex);
      const found = figures.filter((f) => f.start >= s && f.end <= e);
      const expected = ex.labels.map((l) => l[0]);
      const pairs = align(expected, found.map((f) => f.text));
      tp += pairs.length;
      nExpected += expected.length;
      nFound += found.length;
      const matchedE = new Set(pairs.map((p) => p[0]));
      const matchedF = new Set(pairs.map((p) => p[1]));
      expected.forEach((t, i) => matchedE.has(i) || problems.push(`missed ${t} in ${ex.file}`));
      found.forEach((f, j) => matchedF.has(j) || problems.push(`spurious ${f.text} @${f.start} in ${ex.file}`));
      // Kinds and target flags of matched figures are exact facts, checked individually.
      for (const [i, j] of pairs) {
        const label = ex.labels[i];
        expect(found[j].kind, `${label[0]} kind`).toBe(label[1]);
        if (label.length === 3) expect(found[j].target, `${label[0]} target`).toBe(label[2]);
      }
    });
  }
  it('precision and recall ≥ 0.98 over all labels', () => {
    const precision = tp / nFound;
    const recall = tp / nExpected;
    console.log(`figures: labels=${nExpected} found=${nFound} tp=${tp} precision=${precision.toFixed(4)} recall=${recall.toFixed(4)}`);
    if (problems.length) console.log(problems.join('\n'));
    expect(nExpected).toBeGreaterThanOrEqual(200);
    expect(precision).toBeGreaterThanOrEqual(0.98);
    expect(recall).toBeGreaterThanOrEqual(0.98);
  });
});
