/**
 * How well pledge extraction finds the commitments a careful reader lists:
 *   npx tsx scripts/pledge-eval.ts [--held-out|--dev|--all] [--misses] [--json FILE]
 * Labels are TSV (line, kind, direction, text; text a verbatim substring of that 1-based line of the report).
 * A label and a pledge match when their overlap covers at least 50% of each span's characters; matching is
 * one-to-one, greedy, best overlap first. Recall = matched labels / labels, precision = matched pledges / pledges.
 * --misses prints the labels still missed and the false pledges (with a rough category) per report.
 * Held-out labels (tests/fixtures/blind/pledges) are for measuring only; tune on the dev labels
 * (tests/fixtures/pledges/dev, labelled by the engineer, not blind).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPledges } from '../src/core/pledges';

const root = join(import.meta.dirname, '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

export interface EvalSet {
  name: string;
  report: string;
  labels: string;
  heldOut: boolean;
  /** Only this range of 1-based lines was labelled: pledges outside it are not counted. */
  lines?: [number, number];
}

const SETS: EvalSet[] = [
  { name: 'national-2024', report: '../shared/corpus/national/2024.txt', labels: 'tests/fixtures/blind/pledges/national-2024.tsv', heldOut: true },
  { name: 'national-2016', report: '../shared/corpus/national/2016.txt', labels: 'tests/fixtures/blind/pledges/national-2016.tsv', heldOut: true },
  { name: 'hubei-2026', report: '../shared/corpus/provincial-2026/hubei.txt', labels: 'tests/fixtures/blind/pledges/provincial-2026-hubei.tsv', heldOut: true },
  { name: 'dev-blind national-2019', report: '../shared/corpus/national/2019.txt', labels: 'tests/fixtures/pledges/dev-blind/national-2019.tsv', heldOut: false },
  { name: 'dev-blind guangxi-2026', report: '../shared/corpus/provincial-2026/guangxi.txt', labels: 'tests/fixtures/pledges/dev-blind/provincial-2026-guangxi.tsv', heldOut: false },
  { name: 'dev-blind national-2015', report: '../shared/corpus/national/2015.txt', labels: 'tests/fixtures/pledges/dev-blind/national-2015.tsv', heldOut: false },
  { name: 'dev-blind hunan-2026', report: '../shared/corpus/provincial-2026/hunan.txt', labels: 'tests/fixtures/pledges/dev-blind/provincial-2026-hunan.tsv', heldOut: false },
  { name: 'dev-blind shandong-2026', report: '../shared/corpus/provincial-2026/shandong.txt', labels: 'tests/fixtures/pledges/dev-blind/provincial-2026-shandong.tsv', heldOut: false },
  { name: 'dev national-2023', report: '../shared/corpus/national/2023.txt', labels: 'tests/fixtures/pledges/dev/national-2023.tsv', heldOut: false },
  { name: 'dev national-2022', report: '../shared/corpus/national/2022.txt', labels: 'tests/fixtures/pledges/dev/national-2022-part.tsv', heldOut: false, lines: [82, 119] },
  { name: 'dev national-2021', report: '../shared/corpus/national/2021.txt', labels: 'tests/fixtures/pledges/dev/national-2021-outline.tsv', heldOut: false, lines: [85, 113] },
  { name: 'dev hebei-2026', report: '../shared/corpus/provincial-2026/hebei.txt', labels: 'tests/fixtures/pledges/dev/provincial-2026-hebei.tsv', heldOut: false },
  { name: 'dev fujian-2026', report: '../shared/corpus/provincial-2026/fujian.txt', labels: 'tests/fixtures/pledges/dev/provincial-2026-fujian.tsv', heldOut: false },
  { name: 'dev zhejiang-2026', report: '../shared/corpus/provincial-2026/zhejiang.txt', labels: 'tests/fixtures/pledges/dev/provincial-2026-zhejiang-part.tsv', heldOut: false, lines: [58, 73] },
  { name: 'dev seed 000', report: 'seeds/000_0cf104e84806d453.txt', labels: 'tests/fixtures/pledges/dev/seed-000.tsv', heldOut: false },
  { name: 'dev seed 002', report: 'seeds/002_da23955f95c06a62.txt', labels: 'tests/fixtures/pledges/dev/seed-002.tsv', heldOut: false },
  { name: 'dev seed 003', report: 'seeds/003_79a18ab8566106eb.txt', labels: 'tests/fixtures/pledges/dev/seed-003.tsv', heldOut: false },
];

export interface Span {
  start: number;
  end: number;
  text: string;
  line: number;
}

/** Character offset of each 1-based line's start. */
function lineStarts(text: string): number[] {
  const starts = [0, 0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], pos: number): number {
  let lo = 1;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Labels as spans of the report; a text found twice on its line takes the first occurrence not yet used. */
export function readLabels(tsv: string, text: string): Span[] {
  const starts = lineStarts(text);
  const used = new Set<number>();
  const out: Span[] = [];
  for (const row of tsv.split('\n').slice(1)) {
    if (!row.trim()) continue;
    const [lineStr, , , label] = row.split('\t');
    const line = Number(lineStr);
    const lineText = text.slice(starts[line], starts[line + 1] ?? text.length);
    let at = lineText.indexOf(label);
    while (at >= 0 && used.has(starts[line] + at)) at = lineText.indexOf(label, at + 1);
    if (at < 0) throw new Error(`label not on line ${line}: ${label}`);
    used.add(starts[line] + at);
    out.push({ start: starts[line] + at, end: starts[line] + at + label.length, text: label, line });
  }
  return out;
}

/** One-to-one matching: pairs whose overlap is ≥ 50% of each span, best overlap first. */
export function matchSpans(labels: Span[], found: Span[]): Array<[number, number]> {
  const pairs: Array<[number, number, number]> = [];
  let j0 = 0;
  const sorted = found.map((f, j) => [f, j] as const).sort((a, b) => a[0].start - b[0].start);
  labels.forEach((l, i) => {
    while (j0 < sorted.length && sorted[j0][0].end <= l.start - 2000) j0++;
    for (let k = j0; k < sorted.length && sorted[k][0].start < l.end; k++) {
      const [f, j] = sorted[k];
      const overlap = Math.min(l.end, f.end) - Math.max(l.start, f.start);
      if (overlap <= 0) continue;
      const score = Math.min(overlap / (l.end - l.start), overlap / (f.end - f.start));
      if (score >= 0.5) pairs.push([i, j, score]);
    }
  });
  pairs.sort((a, b) => b[2] - a[2]);
  const li = new Set<number>();
  const fj = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const [i, j] of pairs) {
    if (li.has(i) || fj.has(j)) continue;
    li.add(i);
    fj.add(j);
    out.push([i, j]);
  }
  return out;
}

export interface SetResult {
  name: string;
  labels: number;
  pledges: number;
  matched: number;
  recall: number;
  precision: number;
  missed: Span[];
  falsePledges: Array<Span & { category: string }>;
}

/** Rough category of a pledge that matches no label, for reading the misses. */
function categorise(p: Span, labels: Span[]): string {
  const touching = labels.filter((l) => Math.min(l.end, p.end) > Math.max(l.start, p.start));
  if (touching.length > 1) return 'merged: spans several labelled clauses';
  if (touching.length === 1) return touching[0].end - touching[0].start > p.end - p.start ? 'fragment of a labelled clause' : 'longer than its labelled clause';
  return 'no label here';
}

export function evaluate(set: EvalSet): SetResult {
  const text = read(set.report);
  const labels = readLabels(read(set.labels), text);
  const starts = lineStarts(text);
  const inRange = (line: number) => !set.lines || (line >= set.lines[0] && line <= set.lines[1]);
  const found: Span[] = extractPledges(text)
    .map((p) => ({ start: p.start, end: p.end, text: p.text, line: lineOf(starts, p.start) }))
    .filter((p) => inRange(p.line));
  const pairs = matchSpans(labels, found);
  const ml = new Set(pairs.map(([i]) => i));
  const mf = new Set(pairs.map(([, j]) => j));
  return {
    name: set.name,
    labels: labels.length,
    pledges: found.length,
    matched: pairs.length,
    recall: labels.length ? ml.size / labels.length : 1,
    precision: found.length ? mf.size / found.length : 1,
    missed: labels.filter((_, i) => !ml.has(i)),
    falsePledges: found.filter((_, j) => !mf.has(j)).map((p) => ({ ...p, category: categorise(p, labels) })),
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const which = args.includes('--held-out') ? (s: EvalSet) => s.heldOut : args.includes('--dev') ? (s: EvalSet) => !s.heldOut : () => true;
  const results: SetResult[] = [];
  for (const set of SETS.filter(which)) {
    try {
      results.push(evaluate(set));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // a label file not written yet
      throw err;
    }
  }
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6);
  console.log(`${'report'.padEnd(20)} labels pledges matched  recall precision`);
  for (const r of results) {
    console.log(`${r.name.padEnd(20)} ${String(r.labels).padStart(6)} ${String(r.pledges).padStart(7)} ${String(r.matched).padStart(7)}  ${pct(r.recall)}    ${pct(r.precision)}`);
  }
  if (args.includes('--misses')) {
    for (const r of results) {
      console.log(`\n## ${r.name}: ${r.missed.length} missed`);
      for (const m of r.missed) console.log(`  L${m.line}  ${m.text}`);
      console.log(`\n## ${r.name}: ${r.falsePledges.length} false pledges`);
      const byCat = new Map<string, typeof r.falsePledges>();
      for (const f of r.falsePledges) byCat.set(f.category, [...(byCat.get(f.category) ?? []), f]);
      for (const [cat, list] of byCat) {
        console.log(`  [${cat}] ${list.length}`);
        for (const f of list) console.log(`    L${f.line}  ${f.text}`);
      }
    }
  }
  const jsonAt = args.indexOf('--json');
  if (jsonAt >= 0) writeFileSync(args[jsonAt + 1], JSON.stringify(results, null, 1));
}

if (process.argv[1]?.endsWith('pledge-eval.ts')) main();
