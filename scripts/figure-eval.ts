/**
 * Figure recall and precision against the blind labels (tests/fixtures/blind/figures/*.tsv):
 *   npx tsx scripts/figure-eval.ts [--misses]
 *
 * Each label is placed in its line (labels are in reading order; a repeated text takes the next occurrence;
 * a number must not continue a longer number: 5%左右 is not the tail of 5.5%左右). A label and a figure GovLens
 * shows (annotate().figures: figures inside a term's name are dropped, as on the page) match when their spans
 * overlap on the same line; each is matched at most once, in reading order. Also printed: matches whose spans
 * are exactly equal, and matched figures whose kind agrees with the label's.
 * Scored over the whole file: the labellers found no figures in the pages' licence lines, so a figure
 * found there counts against precision. The reports are held out: measure only.
 */
import '../src/core/lm/shipped';
import '../src/core/repair/shipped-data';
import '../src/core/glossary/shipped';
import { annotate } from '../src/core/annotate';
import type { Figure } from '../src/core/figures/types';
import { EVAL_REPORTS, lineOf, lineStarts, pct, readReport, readTsv } from './lib/blind';

const showMisses = process.argv.includes('--misses');
const NUMBERISH = /[\d.．０-９]/;

/** Offset of `needle` in `line` at or after `from`, not glued to a longer number; -1 if none. */
function place(line: string, needle: string, from: number): number {
  for (let i = line.indexOf(needle, from); i >= 0; i = line.indexOf(needle, i + 1)) {
    const glued =
      (NUMBERISH.test(needle[0]) && NUMBERISH.test(line[i - 1] ?? '')) ||
      (NUMBERISH.test(needle[needle.length - 1]) && NUMBERISH.test(line[i + needle.length] ?? ''));
    if (!glued) return i;
  }
  return -1;
}

let T = { labels: 0, found: 0, tp: 0, exact: 0, kind: 0 };
for (const report of EVAL_REPORTS) {
  const rows = readTsv('figures', report);
  if (!rows) {
    console.log(`${report.name}: no figure labels yet`);
    continue;
  }
  const input = readReport(report);
  const annotated = annotate(input);
  const { text } = annotated;
  if (text.length !== input.length) console.log(`  (repair changed the length of ${report.name}: ${input.length} -> ${text.length})`);
  const starts = lineStarts(text);
  // Only the labelled lines count, where the labellers were given a range.
  const [from, to] = report.figureLines ?? [1, Infinity];
  const figures = annotated.figures.filter((f) => lineOf(starts, f.start) >= from && lineOf(starts, f.start) <= to);
  // Labels to absolute spans.
  const labels: { s: number; e: number; text: string; kind: string; line: number }[] = [];
  const cursor = new Map<number, number>();
  for (const row of rows) {
    const ln = Number(row.line);
    const lineText = text.slice(starts[ln], starts[ln + 1] ?? text.length);
    let at = place(lineText, row.text, cursor.get(ln) ?? 0);
    if (at < 0) at = place(lineText, row.text, 0);
    if (at < 0) {
      console.log(`  !! label not in its line: L${ln} ${row.text}`);
      continue;
    }
    cursor.set(ln, at + row.text.length);
    labels.push({ s: starts[ln] + at, e: starts[ln] + at + row.text.length, text: row.text, kind: row.kind, line: ln });
  }
  labels.sort((a, b) => a.s - b.s);
  const used = new Set<Figure>();
  const t = { labels: labels.length, found: figures.length, tp: 0, exact: 0, kind: 0 };
  const missed: string[] = [];
  for (const l of labels) {
    const f = figures.find((x) => !used.has(x) && x.start < l.e && x.end > l.s && lineOf(starts, x.start) === l.line);
    if (!f) {
      missed.push(`  missed   L${l.line} ${l.text} (${l.kind})`);
      continue;
    }
    used.add(f);
    t.tp++;
    if (f.start === l.s && f.end === l.e) t.exact++;
    else missed.push(`  span     L${l.line} ${l.text} -> ${f.text}`);
    if (f.kind === l.kind) t.kind++;
  }
  const spurious = figures.filter((f) => !used.has(f)).map((f) => `  spurious L${lineOf(starts, f.start)} ${f.text} (${f.kind})`);
  console.log(
    `${report.name.padEnd(24)} labels ${String(t.labels).padStart(4)}  found ${String(t.found).padStart(4)}  recall ${pct(t.tp / t.labels)}  precision ${pct(t.tp / t.found)}` +
      `  exact-span ${pct(t.exact / t.tp)}  kind ${pct(t.kind / t.tp)}`,
  );
  if (showMisses) console.log([...missed, ...spurious].join('\n'));
  T = { labels: T.labels + t.labels, found: T.found + t.found, tp: T.tp + t.tp, exact: T.exact + t.exact, kind: T.kind + t.kind };
}
console.log(
  `${'all'.padEnd(24)} labels ${String(T.labels).padStart(4)}  found ${String(T.found).padStart(4)}  recall ${pct(T.tp / T.labels)}  precision ${pct(T.tp / T.found)}` +
    `  exact-span ${pct(T.exact / T.tp)}  kind ${pct(T.kind / T.tp)}`,
);
