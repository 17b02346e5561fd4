/**
 * Term recall against the blind labels (tests/fixtures/blind/terms/*.tsv):
 *   npx tsx scripts/term-eval.ts [--misses]
 *
 * For each labelled term, every occurrence in the report (overlapping substring matches, as the labellers
 * counted) is checked against the terms GovLens marks (annotate(): built-in, report and coined marks).
 * An occurrence counts as
 *   - marked:    at least half of its characters lie under GovLens term marks it overlaps (a reader hovering
 *                it gets a card: 碳达峰 inside a marked 碳达峰碳中和, or 国有企业改革 of 国有企业改革深化提升行动);
 *   - whole:     one mark covers all of it;
 *   - explained: marked by a mark that carries a definition (a coined mark has none until the reader adds one),
 *                or inside a name marked whole whose card explains it (Term.parts: 未来产业 in 培育发展未来产业三年行动).
 * A distinct term counts when at least one of its occurrences does. The reports are held out: measure only.
 */
import '../src/core/lm/shipped';
import '../src/core/repair/shipped-data';
import '../src/core/glossary/shipped';
import { annotate } from '../src/core/annotate';
import type { Term } from '../src/core/glossary/types';
import { EVAL_REPORTS, lineOf, lineStarts, pct, readReport, readTsv } from './lib/blind';

const showMisses = process.argv.includes('--misses');

interface Tally {
  types: number;
  occ: number;
  marked: [number, number];
  whole: [number, number];
  explained: [number, number];
}

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** Marks overlapping [s, e), from marks sorted by start. */
function overlapping(terms: Term[], s: number, e: number): Term[] {
  return terms.filter((t) => t.start < e && t.end > s);
}

function coveredChars(marks: Term[], s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) if (marks.some((m) => m.start <= i && m.end > i)) n++;
  return n;
}

const total: Tally = { types: 0, occ: 0, marked: [0, 0], whole: [0, 0], explained: [0, 0] };
for (const report of EVAL_REPORTS) {
  const rows = readTsv('terms', report);
  if (!rows) {
    console.log(`${report.name}: no term labels yet`);
    continue;
  }
  const input = readReport(report);
  const { text, terms } = annotate(input);
  if (text.length !== input.length) console.log(`  (repair changed the length of ${report.name}: ${input.length} -> ${text.length})`);
  const starts = lineStarts(text);
  const t: Tally = { types: 0, occ: 0, marked: [0, 0], whole: [0, 0], explained: [0, 0] };
  const misses: string[] = [];
  for (const row of rows) {
    const term = row.term;
    const at = occurrences(text, term);
    if (!at.length) {
      misses.push(`  !! label not in text: ${term}`);
      continue;
    }
    t.types++;
    let anyMarked = false;
    let anyWhole = false;
    let anyExplained = false;
    for (const s of at) {
      const e = s + term.length;
      const marks = overlapping(terms, s, e);
      const marked = marks.length > 0 && coveredChars(marks, s, e) * 2 >= term.length;
      const whole = marks.some((m) => m.start <= s && m.end >= e);
      // A known term inside a name marked whole is explained on that name's card (Term.parts).
      const explained = (marked && marks.some((m) => m.definition !== null)) || marks.some((m) => m.parts?.some((p) => p.text === term));
      t.occ++;
      if (marked) t.marked[1]++;
      if (whole) t.whole[1]++;
      if (explained) t.explained[1]++;
      anyMarked ||= marked;
      anyWhole ||= whole;
      anyExplained ||= explained;
    }
    if (anyMarked) t.marked[0]++;
    if (anyWhole) t.whole[0]++;
    if (anyExplained) t.explained[0]++;
    if (!anyMarked) misses.push(`  miss  ${term}\t${row.category}\tL${lineOf(starts, at[0])}\t×${at.length}`);
    else if (!anyExplained) misses.push(`  coined-only  ${term}\t${row.category}`);
  }
  const line = (name: string, x: Tally) =>
    `${name.padEnd(24)} types ${String(x.types).padStart(4)}  marked ${pct(x.marked[0] / x.types)}  whole ${pct(x.whole[0] / x.types)}  explained ${pct(x.explained[0] / x.types)}` +
    `  | occurrences ${String(x.occ).padStart(5)}  marked ${pct(x.marked[1] / x.occ)}  whole ${pct(x.whole[1] / x.occ)}  explained ${pct(x.explained[1] / x.occ)}`;
  console.log(line(report.name, t));
  if (showMisses) console.log(misses.join('\n'));
  total.types += t.types;
  total.occ += t.occ;
  for (const k of ['marked', 'whole', 'explained'] as const) {
    total[k][0] += t[k][0];
    total[k][1] += t[k][1];
  }
}
console.log(
  `${'all'.padEnd(24)} types ${String(total.types).padStart(4)}  marked ${pct(total.marked[0] / total.types)}  whole ${pct(total.whole[0] / total.types)}  explained ${pct(total.explained[0] / total.types)}` +
    `  | occurrences ${String(total.occ).padStart(5)}  marked ${pct(total.marked[1] / total.occ)}  whole ${pct(total.whole[1] / total.occ)}  explained ${pct(total.explained[1] / total.occ)}`,
);
