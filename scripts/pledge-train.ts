/**
 * Fits the commitment model (src/core/pledges/model.ts) on the development labels:
 *   npx tsx scripts/pledge-train.ts [--cv] [--write]
 * Every candidate clause the extractor reads (candidatesInSteps) is an example; it is positive when it matches
 * a label by the measure of scripts/pledge-eval.ts (50% mutual overlap, one-to-one). The model is an
 * L2-regularised logistic regression over the clause features (features.ts), fitted by full-batch gradient
 * descent. --cv prints leave-one-report-out precision and recall (the honest estimate for unseen reports);
 * --write writes src/core/pledges/model-weights.ts. The held-out reports (tests/fixtures/blind) are never read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFigures } from '../src/core/figures';
import { candidatesInSteps, type Candidate } from '../src/core/pledges/extract';
import { runSteps } from '../src/core/steps';
import { matchSpans, readLabels } from './pledge-eval';

const root = join(import.meta.dirname, '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

interface TrainSet {
  name: string;
  report: string;
  labels: string;
  /** Labels made blind, by the test set's spec: the convention the model must learn. */
  blind: boolean;
  /** The labelled lines: candidates outside them are neither positive nor negative. */
  lines?: [number, number];
}

const SETS: TrainSet[] = [
  { name: 'national-2019', report: '../shared/corpus/national/2019.txt', labels: 'tests/fixtures/pledges/dev-blind/national-2019.tsv', blind: true },
  { name: 'guangxi-2026', report: '../shared/corpus/provincial-2026/guangxi.txt', labels: 'tests/fixtures/pledges/dev-blind/provincial-2026-guangxi.tsv', blind: true },
  { name: 'national-2023', report: '../shared/corpus/national/2023.txt', labels: 'tests/fixtures/pledges/dev/national-2023.tsv', blind: false, lines: [166, 213] },
  { name: 'national-2022', report: '../shared/corpus/national/2022.txt', labels: 'tests/fixtures/pledges/dev/national-2022-part.tsv', blind: false, lines: [82, 119] },
  { name: 'national-2021', report: '../shared/corpus/national/2021.txt', labels: 'tests/fixtures/pledges/dev/national-2021-outline.tsv', blind: false, lines: [85, 113] },
  { name: 'hebei-2026', report: '../shared/corpus/provincial-2026/hebei.txt', labels: 'tests/fixtures/pledges/dev/provincial-2026-hebei.tsv', blind: false, lines: [31, 68] },
  { name: 'zhejiang-2026', report: '../shared/corpus/provincial-2026/zhejiang.txt', labels: 'tests/fixtures/pledges/dev/provincial-2026-zhejiang-part.tsv', blind: false, lines: [58, 73] },
  { name: 'seed-000', report: 'seeds/000_0cf104e84806d453.txt', labels: 'tests/fixtures/pledges/dev/seed-000.tsv', blind: false, lines: [89, 165] },
  { name: 'seed-002', report: 'seeds/002_da23955f95c06a62.txt', labels: 'tests/fixtures/pledges/dev/seed-002.tsv', blind: false, lines: [31, 54] },
  { name: 'seed-003', report: 'seeds/003_79a18ab8566106eb.txt', labels: 'tests/fixtures/pledges/dev/seed-003.tsv', blind: false, lines: [20, 57] },
];

interface Example {
  set: string;
  features: string[];
  y: 0 | 1;
  weight: number;
  text: string;
  line: number;
}

export interface Options {
  /** Weight of an example from the engineer's own (not blind) labels, against 1 for a blind one. */
  oldWeight: number;
  /** L2 penalty per feature weight. */
  l2: number;
  /** Features seen fewer times than this are dropped. */
  minCount: number;
  iterations: number;
  /** Weights smaller than this are dropped after fitting (they change a score by less; the model ships smaller). */
  prune: number;
  /** Log-odds a candidate must reach: chosen on the leave-one-report-out table (--cv) for the blind sets. */
  threshold: number;
}

const DEFAULTS: Options = { oldWeight: 1, l2: 1, minCount: 2, iterations: 400, threshold: 0.5, prune: 0.1 };

function lineStarts(text: string): number[] {
  const starts = [0, 0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** The examples of one report, and how many of its labels no candidate covers (a ceiling on recall). */
function examplesOf(set: TrainSet, oldWeight: number): { examples: Example[]; labels: number; uncovered: string[] } {
  const text = read(set.report);
  const labels = readLabels(read(set.labels), text);
  const starts = lineStarts(text);
  const lineOf = (pos: number) => {
    let l = 1;
    while (l + 1 < starts.length && starts[l + 1] <= pos) l++;
    return l;
  };
  const cands: Candidate[] = runSteps(candidatesInSteps(text, { figures: extractFigures(text) }));
  const within = cands.filter((c) => !set.lines || (lineOf(c.start) >= set.lines[0] && lineOf(c.start) <= set.lines[1]));
  const spans = within.map((c) => ({ start: c.start, end: c.end, text: c.text, line: lineOf(c.start) }));
  const pairs = matchSpans(labels, spans);
  const pos = new Set(pairs.map(([, j]) => j));
  const covered = new Set(pairs.map(([i]) => i));
  return {
    examples: within.map((c, j) => ({ set: set.name, features: c.features ?? [], y: pos.has(j) ? 1 : 0, weight: set.blind ? 1 : oldWeight, text: c.text, line: spans[j].line })),
    labels: labels.length,
    uncovered: labels.filter((_, i) => !covered.has(i)).map((l) => `L${l.line} ${l.text}`),
  };
}

export interface Model {
  bias: number;
  weights: Record<string, number>;
}

/** Weighted logistic regression, L2 on the feature weights (not the bias), full-batch Adam. */
export function fit(examples: Example[], o: Options): Model {
  const count = new Map<string, number>();
  for (const e of examples) for (const f of e.features) count.set(f, (count.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, c] of count) if (c >= o.minCount) index.set(f, index.size);
  const xs = examples.map((e) => e.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  const d = index.size + 1; // last: bias
  const w = new Float64Array(d);
  const m = new Float64Array(d);
  const v = new Float64Array(d);
  const total = examples.reduce((s, e) => s + e.weight, 0);
  const lr = 0.1;
  for (let it = 1; it <= o.iterations; it++) {
    const g = new Float64Array(d);
    examples.forEach((e, k) => {
      let z = w[d - 1];
      for (const i of xs[k]) z += w[i];
      const p = 1 / (1 + Math.exp(-z));
      const r = e.weight * (p - e.y);
      for (const i of xs[k]) g[i] += r;
      g[d - 1] += r;
    });
    for (let i = 0; i < d; i++) {
      const gi = g[i] / total + (i < d - 1 ? (o.l2 * w[i]) / total : 0);
      m[i] = 0.9 * m[i] + 0.1 * gi;
      v[i] = 0.999 * v[i] + 0.001 * gi * gi;
      const mh = m[i] / (1 - 0.9 ** it);
      const vh = v[i] / (1 - 0.999 ** it);
      w[i] -= (lr * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  const weights: Record<string, number> = {};
  for (const [f, i] of index) if (Math.abs(w[i]) >= o.prune) weights[f] = Math.round(w[i] * 100) / 100;
  return { bias: Math.round(w[d - 1] * 100) / 100, weights };
}

export function score(model: Model, features: string[]): number {
  let z = model.bias;
  for (const f of features) z += model.weights[f] ?? 0;
  return z;
}

/** Precision and recall on a report's examples at threshold t (recall counts uncovered labels as misses). */
function measure(model: Model, examples: Example[], labels: number, t: number): { p: number; r: number } {
  let sel = 0;
  let tp = 0;
  for (const e of examples) {
    if (score(model, e.features) >= t) {
      sel++;
      tp += e.y;
    }
  }
  return { p: sel ? tp / sel : 1, r: labels ? tp / labels : 1 };
}

/** The model fitted on every development set with the default options (what --write ships). */
export function fitOnDevelopmentLabels(o: Options = DEFAULTS): Model {
  return fit(SETS.flatMap((s) => examplesOf(s, o.oldWeight).examples), o);
}

function main(): void {
  const args = process.argv.slice(2);
  const o = { ...DEFAULTS };
  for (const a of args) {
    const m = /^--(oldWeight|l2|minCount|iterations|threshold|prune)=(.+)$/.exec(a);
    if (m) o[m[1] as keyof Options] = Number(m[2]);
  }
  const data = SETS.map((s) => ({ set: s, ...examplesOf(s, o.oldWeight) }));
  // --drop=a,b: leave out features starting with these prefixes (ablation).
  const drop = args.find((a) => a.startsWith('--drop='))?.slice(7).split(',') ?? [];
  if (drop.length) for (const d of data) for (const e of d.examples) e.features = e.features.filter((f) => !drop.some((p) => f.startsWith(p)));
  for (const d of data) {
    const pos = d.examples.filter((e) => e.y).length;
    console.log(`${d.set.name.padEnd(14)} labels ${String(d.labels).padStart(4)}  candidates ${String(d.examples.length).padStart(5)}  positive ${String(pos).padStart(4)}  uncovered ${d.uncovered.length}`);
  }
  if (args.includes('--uncovered')) for (const d of data) for (const u of d.uncovered) console.log(`  ${d.set.name} ${u}`);
  const thresholds = [-0.5, 0, 0.25, 0.5, 0.75, 1, 1.5];
  if (args.includes('--cv')) {
    // Leave one report out, for the blind sets (the test convention) and the others.
    const pct = (x: number) => `${(100 * x).toFixed(1)}`.padStart(5);
    console.log(`\nleave-one-report-out (P/R at thresholds ${thresholds.join(' ')}), ${JSON.stringify(o)}`);
    // Pooled over the reports (each scored by the model fitted without it): the blind sets alone, and all.
    const pooled = { blind: thresholds.map(() => ({ sel: 0, tp: 0, labels: 0 })), all: thresholds.map(() => ({ sel: 0, tp: 0, labels: 0 })) };
    for (const d of data) {
      const model = fit(data.filter((x) => x !== d).flatMap((x) => x.examples), o);
      const cells = thresholds.map((t, k) => {
        const { p, r } = measure(model, d.examples, d.labels, t);
        for (const acc of d.set.blind ? [pooled.blind[k], pooled.all[k]] : [pooled.all[k]]) {
          const chosen = d.examples.filter((e) => score(model, e.features) >= t);
          acc.sel += chosen.length;
          acc.tp += chosen.filter((e) => e.y).length;
          acc.labels += d.labels;
        }
        return `${pct(p)}/${pct(r)}`;
      });
      console.log(`${d.set.name.padEnd(14)} ${cells.join('  ')}`);
    }
    for (const [name, accs] of Object.entries(pooled)) {
      const cells = accs.map((a) => `${pct(a.sel ? a.tp / a.sel : 1)}/${pct(a.tp / a.labels)}`);
      console.log(`${`pooled ${name}`.padEnd(14)} ${cells.join('  ')}`);
    }
  }
  const errorsAt = args.indexOf('--errors');
  if (errorsAt >= 0) {
    const d = data.find((x) => x.set.name === args[errorsAt + 1])!;
    const model = fit(data.filter((x) => x !== d).flatMap((x) => x.examples), o);
    const scored = d.examples.map((e) => ({ e, z: score(model, e.features) }));
    console.log(`\n## ${d.set.name}: false pledges (score ≥ 0, no label)`);
    for (const { e, z } of scored.filter((x) => x.z >= 0 && !x.e.y)) console.log(`  ${z.toFixed(2).padStart(6)} L${e.line} ${e.text}   [${e.features.filter((f) => model.weights[f]).map((f) => `${f}${model.weights[f] > 0 ? '+' : ''}${model.weights[f]}`).join(' ')}]`);
    console.log(`\n## ${d.set.name}: missed (score < 0, labelled)`);
    for (const { e, z } of scored.filter((x) => x.z < 0 && x.e.y)) console.log(`  ${z.toFixed(2).padStart(6)} L${e.line} ${e.text}   [${e.features.filter((f) => model.weights[f]).map((f) => `${f}${model.weights[f] > 0 ? '+' : ''}${model.weights[f]}`).join(' ')}]`);
  }
  if (args.includes('--write')) {
    const model = fit(data.flatMap((x) => x.examples), o);
    const body = JSON.stringify({ bias: model.bias, threshold: o.threshold, weights: model.weights });
    writeFileSync(
      join(root, 'src/core/pledges/model-weights.ts'),
      `// Generated by scripts/pledge-train.ts (${JSON.stringify(o)}): do not edit by hand.\nexport const MODEL: { bias: number; threshold: number; weights: Record<string, number> } = ${body};\n`,
    );
    console.log(`\nwrote ${Object.keys(model.weights).length} weights`);
  }
}

if (process.argv[1]?.endsWith('pledge-train.ts')) main();
