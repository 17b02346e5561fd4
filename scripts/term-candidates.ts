/**
 * Candidate policy terms of the report corpus, ranked by how many reports use them.
 *
 * Method: split every report into runs of Han characters (plus the digits/+ of "4+4+6"-style names) between
 * punctuation; count every n-gram of 2–10 characters per report. A candidate must (1) occur in at least MIN_DF
 * reports, (2) be a free-standing unit: varied neighbours on both sides (branching entropy ≥ MIN_ENTROPY, or a run
 * edge/quote on that side in ≥ 30% of occurrences), and (3) not be swallowed by a longer candidate: if one
 * one-character extension carries ≥ 85% of its occurrences it is dropped in favour of that extension.
 * Quoted phrases (“…”) of 2–12 characters found in ≥ 2 reports are added. Held-out reports are excluded.
 * Output: TSV term, df (reports), tf (occurrences), ranked by df then tf.
 *
 *   npx tsx scripts/term-candidates.ts OUT.tsv
 *
 * The marked lists in tests/fixtures/terms-coverage/ were made from its output (see the README there);
 * scripts/glossary-coverage.ts measures the built-in glossary against them.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const HELD_OUT = new Set(['national/2024.txt', 'national/2016.txt', 'provincial-2026/hubei.txt']);
const MIN_DF = Number(process.env.MIN_DF ?? 6);
const MIN_ENTROPY = 1.0;
const MAX_N = 10;

const files: string[] = [];
for (const sub of readdirSync(CORPUS, { withFileTypes: true })) {
  if (!sub.isDirectory()) continue;
  for (const f of readdirSync(join(CORPUS, sub.name))) if (f.endsWith('.txt') && !HELD_OUT.has(`${sub.name}/${f}`)) files.push(`${sub.name}/${f}`);
}

const df = new Map<string, number>();
const tf = new Map<string, number>();
const left = new Map<string, Map<string, number>>();
const right = new Map<string, Map<string, number>>();
const quoted = new Map<string, Set<string>>();
const RUN = /[\u3400-\u9fff]+/g;

function bump(m: Map<string, Map<string, number>>, k: string, c: string) {
  let x = m.get(k);
  if (!x) m.set(k, (x = new Map()));
  x.set(c, (x.get(c) ?? 0) + 1);
}

for (const f of files) {
  const text = readFileSync(join(CORPUS, f), 'utf8');
  const seen = new Set<string>();
  for (const q of text.matchAll(/[“"]([^”"\n]{2,12})[”"]/g)) {
    let s = quoted.get(q[1]);
    if (!s) quoted.set(q[1], (s = new Set()));
    s.add(f);
  }
  for (const m of text.matchAll(RUN)) {
    const run = m[0];
    for (let i = 0; i < run.length; i++) {
      for (let n = 2; n <= MAX_N && i + n <= run.length; n++) {
        const g = run.slice(i, i + n);
        tf.set(g, (tf.get(g) ?? 0) + 1);
        if (!seen.has(g)) { seen.add(g); df.set(g, (df.get(g) ?? 0) + 1); }
      }
    }
  }
}
// Neighbours only for n-grams that pass the DF bar (second pass keeps memory down).
const keep = new Set([...df].filter(([, d]) => d >= MIN_DF).map(([g]) => g));
for (const f of files) {
  const text = readFileSync(join(CORPUS, f), 'utf8');
  for (const m of text.matchAll(RUN)) {
    const run = m[0];
    for (let i = 0; i < run.length; i++) {
      for (let n = 2; n <= MAX_N && i + n <= run.length; n++) {
        const g = run.slice(i, i + n);
        if (!keep.has(g)) continue;
        bump(left, g, i > 0 ? run[i - 1] : '#');
        bump(right, g, i + n < run.length ? run[i + n] : '#');
      }
    }
  }
}
function entropy(m: Map<string, number> | undefined): { h: number; edge: number; top: number } {
  if (!m) return { h: 0, edge: 0, top: 1 };
  let total = 0;
  for (const v of m.values()) total += v;
  let h = 0;
  let top = 0;
  for (const [k, v] of m) {
    const p = v / total;
    h -= p * Math.log2(p);
    if (k !== '#') top = Math.max(top, p);
  }
  return { h, edge: (m.get('#') ?? 0) / total, top };
}
const out: [string, number, number][] = [];
for (const g of keep) {
  const l = entropy(left.get(g));
  const r = entropy(right.get(g));
  if (l.top >= 0.85 || r.top >= 0.85) continue; // swallowed by a longer unit
  const freeL = l.h >= MIN_ENTROPY || l.edge >= 0.3;
  const freeR = r.h >= MIN_ENTROPY || r.edge >= 0.3;
  if (!freeL || !freeR) continue;
  out.push([g, df.get(g)!, tf.get(g)!]);
}
for (const [q, s] of quoted) if (s.size >= 2 && !keep.has(q)) out.push([q, s.size, 0]);
out.sort((a, b) => b[1] - a[1] || b[2] - a[2]);
writeFileSync(process.argv[2] ?? '/dev/stdout', 'term\tdf\ttf\n' + out.map((r) => r.join('\t')).join('\n') + '\n');
console.error(`${files.length} reports, ${out.length} candidates`);
