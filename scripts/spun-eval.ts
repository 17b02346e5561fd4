/**
 * How well the spun-text repair does, for work on the spinner dictionary:
 *   npx tsx scripts/spun-eval.ts [PAIRS_FILE]
 * Prints restoration and collateral damage on seed 004 against its gold, on
 * clean text spun by the test spinner (seed 000 and the two national reports
 * the language model never saw), and the damage done to clean held-out text
 * when the spinner gate is forced open. With PAIRS_FILE (lines of
 * `original=form1/form2`, or TSV `form, original, count`), also spins the held-out text with those pairs
 * alone: how much of a spinner's output using them the repair undoes.
 * With --collateral, also lists what the collateral damage on that text is
 * (clean words rewritten, grouped by before→after, with an example).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import '../src/core/lm/shipped';
import { repair } from '../src/core/repair';
import { restorationStats } from '../tests/support/align';
import { spin, spinWithPairs } from '../tests/support/spinner';
import { HELD_OUT } from './corpus-split';
import { collateralEdits, collateralTable } from './lib/collateral';

const root = join(import.meta.dirname, '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
/** The two national reports build-lm.ts leaves out of the model and spun-tune.ts never tunes on. */
const heldOut = HELD_OUT.map((f) => read(`../shared/corpus/${f}`).slice(0, 20_000));

const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
function report(name: string, input: string, gold: string): void {
  const s = restorationStats(input, repair(input).text, gold);
  console.log(`${name.padEnd(44)} restored ${pct(s.restoreRate).padStart(7)}  collateral ${pct(s.collateralRate).padStart(6)}`);
}

report('seed 004 vs gold', read('seeds/004_89c8bcedadaad6b3.txt'), read('tests/fixtures/004_restored.txt'));
report('seed 000 spun (test spinner, seed 7)', spin(read('seeds/000_0cf104e84806d453.txt'), { seed: 7 }), read('seeds/000_0cf104e84806d453.txt'));
heldOut.forEach((text, i) => report(`held-out national ${i ? 2023 : 2019} spun (seed 3)`, spin(text, { seed: 3 }), text));

let wrong = 0;
let chars = 0;
for (const text of heldOut) {
  wrong += repair(text, { page: { spun: true }, disable: ['unicode', 'layout'] }).changes.length;
  chars += text.length;
}
console.log(`${'clean held-out text, gate forced open'.padEnd(44)} ${((wrong * 1000) / chars).toFixed(2)} changes per 1,000 characters (all wrong)`);

const showCollateral = process.argv.includes('--collateral');
const pairsFile = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (pairsFile) {
  // Spin with the given pairs only, every match swapped to its form. Two layouts:
  // `original=form1/form2` (dictionary style), or TSV `form<TAB>original<TAB>count`
  // (tests/fixtures/004_pairs.tsv), where an original's most frequent form wins.
  const byOrig = new Map<string, [string, number]>();
  for (const line of readFileSync(pairsFile, 'utf8').split('\n')) {
    const tsv = line.split('\t');
    if (tsv.length >= 2) {
      const [form, orig, n] = tsv;
      if (!byOrig.has(orig) || Number(n) > byOrig.get(orig)![1]) byOrig.set(orig, [form, Number(n) || 0]);
      continue;
    }
    for (const e of line.split(/\s+/).filter((x) => x.includes('='))) {
      const orig = e.slice(0, e.indexOf('='));
      if (!byOrig.has(orig)) byOrig.set(orig, [e.slice(e.indexOf('=') + 1).split('/')[0], 0]);
    }
  }
  const pairs = [...byOrig]
    .map(([a, [b]]) => [a, b] as const)
    .filter(([a, b]) => a && b && a !== b)
    .sort((x, y) => y[0].length - x[0].length);
  for (const [i, text] of heldOut.entries()) {
    let out = '';
    let swaps = 0;
    for (let k = 0; k < text.length; ) {
      const hit = pairs.find(([a]) => text.startsWith(a, k));
      if (hit) {
        out += hit[1];
        k += hit[0].length;
        swaps++;
      } else out += text[k++];
    }
    const name = pairsFile.split('/').pop();
    report(`held-out ${i ? 2023 : 2019} spun with ${name} (${swaps} swaps)`, out, text);
    if (showCollateral) {
      const edits = collateralEdits(out, text, repair(out).changes);
      console.log(`  collateral edits: ${edits.length}\n${collateralTable(edits, 25)}`);
    }
    // Harder: the usual dictionary's damage on top, as a page spun by two tools.
    report(`  ...those pairs plus the test spinner`, spin(out, { seed: 5 }), text);
  }
}
