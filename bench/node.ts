/**
 * Node half of `npm run bench`: repair and annotate throughput on 100,000-char
 * reports against simple baselines run in the same process, CLI start-to-end
 * times, and the memory the character LM costs.
 *
 * Run alone: `npx tsx bench/node.ts`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as OpenCC from 'opencc-js';
import '../src/core/lm/shipped';
import '../src/core/repair/shipped-data';
import '../src/core/glossary/shipped';
import { repair } from '../src/core/repair/index';
import { extractFigures } from '../src/core/figures/index';
import { findTerms, provideBuiltinGlossary } from '../src/core/glossary/index';
import { BUILTIN_GLOSSARY, BUILTIN_GLOSSARY_DATA, packedGlossaryData, toEntries } from '../src/core/data/glossary-builtin';
import { GLOSSARY_PARTS, GLOSSARY_TEXT_PARTS } from '../src/core/glossary/parts';
import { BUILTIN_SEEDS } from '../src/core/data/glossary-builtin-source';
import { compileGlossarySteps } from '../src/core/glossary/compiled';
import { extractPledgesInSteps } from '../src/core/pledges/index';
import { runSteps } from '../src/core/steps';
import { dropFiguresInsideTerms } from '../src/core/figures/inside-terms';
import { detectReport, sampleFromText } from '../src/core/detect';
import { measure, printTable, summarise, type BenchRow } from './util';

export type { BenchRow } from './util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED_DIR = `${ROOT}seeds/`;
const BIN = `${ROOT}bin/govlens.mjs`;
const REPORT_CHARS = 100_000;

const seedFiles = readdirSync(SEED_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();
function seed(prefix: string): string {
  const f = seedFiles.find((name) => name.startsWith(prefix));
  if (!f) throw new Error(`seed ${prefix} missing from ${SEED_DIR}`);
  return readFileSync(SEED_DIR + f, 'utf8');
}

/** Repeats source texts (a blank line between copies) up to exactly `chars` characters. */
export function buildReport(sources: string[], chars = REPORT_CHARS): string {
  const unit = sources.join('\n\n') + '\n\n';
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

const FIGURE_REGEX = /\d+(?:\.\d+)?(?:亿元|万元|%|万人)/g;

async function repairRows(): Promise<BenchRow[]> {
  const t2cn = OpenCC.Converter({ from: 't', to: 'cn' });
  const reports: Array<[string, string]> = [
    ['clean', buildReport([seed('000'), seed('002'), seed('003')])],
    ['spun', buildReport([seed('004')])],
    ['traditional', buildReport([seed('001')])],
  ];
  const rows: BenchRow[] = [];
  for (const [label, text] of reports) {
    const base = `opencc t2cn, ${label} 100k`;
    rows.push(await measure(base, () => t2cn(text), { runs: 10, warmup: 2 }));
    const changes = repair(text).changes.length;
    rows.push(
      await measure(`repair, ${label} 100k`, () => repair(text), {
        runs: 7,
        warmup: 1,
        baseline: base,
        note: `${changes} changes`,
      }),
    );
  }
  return rows;
}

async function annotateRows(): Promise<BenchRow[]> {
  const text = buildReport([seed('000'), seed('002'), seed('003')]);
  const base = 'regex figure scan, 100k';
  const scan = await measure(base, () => [...text.matchAll(FIGURE_REGEX)].length, { runs: 20, warmup: 3 });
  const extract = () => {
    const figures = extractFigures(text);
    const terms = findTerms(text);
    const pledges = runSteps(extractPledgesInSteps(text, { figures }));
    return { figures: dropFiguresInsideTerms(figures, terms), terms, pledges };
  };
  const found = extract();
  const note = `${found.figures.length} figures, ${found.terms.length} terms, ${found.pledges.length} pledges`;
  const row = await measure('annotate (no repair), 100k', extract, { runs: 7, warmup: 1, baseline: base, note });
  return [scan, row];
}

/**
 * Term matching over 100,000 characters with the whole built-in glossary, against the same matcher with only
 * the 283 hand-written entries the glossary had before it grew (issue #11: within 2× of that). Also the
 * one-off compile of the spelling index, which the page does stepwise once glossary.js has arrived.
 */
export async function termRows(): Promise<BenchRow[]> {
  const text = buildReport([seed('000'), seed('002'), seed('003')]);
  const hand = { ...BUILTIN_GLOSSARY_DATA, entries: toEntries(BUILTIN_SEEDS) };
  const run = () => findTerms(text, { report: [] });
  const base = `findTerms, ${hand.entries.length} hand-written entries, 100k`;
  provideBuiltinGlossary(() => hand);
  const before = await measure(base, run, { runs: 15, warmup: 3, note: `${run().length} terms; the glossary had 283 before it grew` });
  provideBuiltinGlossary(() => BUILTIN_GLOSSARY_DATA);
  const after = await measure(`findTerms, built-in glossary (${BUILTIN_GLOSSARY.length} entries), 100k`, run, { runs: 15, warmup: 3, baseline: base, note: `${run().length} terms` });
  const packed = packedGlossaryData();
  const decode = await measure(`parse the glossary scripts' ${packed.entryChunks!.length} JSON chunks (the page does one per step)`, () => packed.entryChunks!.map((c) => JSON.parse(c)), { runs: 7, warmup: 1 });
  const compile = await measure(`compile the built-in glossary's spelling index (${BUILTIN_GLOSSARY.length} entries, stepwise on the page)`, () => runSteps(compileGlossarySteps([BUILTIN_GLOSSARY], 2)), { runs: 7, warmup: 1 });
  return [before, after, decode, compile];
}

/** Sizes of the built extension's scripts (npm run bench builds it first): what a report page loads. */
export function sizeRows(): BenchRow[] {
  const dir = `${ROOT}.output/chrome-mv3/`;
  const glossary = Array.from({ length: GLOSSARY_PARTS }, (_, i) => `glossary-${i + 1}.js`);
  const glossaryText = Array.from({ length: GLOSSARY_TEXT_PARTS }, (_, i) => `glossary-text-${i + 1}.js`);
  const size = (file: string) => {
    try {
      return statSync(dir + file).size / 1024;
    } catch {
      return NaN; // not built
    }
  };
  const notes: Record<string, string> = { 'detect.js': 'every page of a report host', 'engine.js': 'report pages', 'pledges.js': 'report pages, after the first marks', 'bigrams.js': 'mojibake pages only', 'readings.js': 'pinyin pages only', 'lm.js': 'spun pages only, after the first marks', 's2t.js': 'Traditional output only' };
  const script = (file: string) => ({ file, kb: size(file), note: notes[file] });
  const partsRow = (files: string[], when: string) => {
    const kbs = files.map(size);
    return { file: files.length > 1 ? `${files[0].replace(/1\.js$/, '1…')}${files.length}.js` : files[0], kb: kbs.reduce((a, b) => a + b, 0), note: `${when}; ${files.length} scripts of ${Math.min(...kbs).toFixed(0)}–${Math.max(...kbs).toFixed(0)} KB` };
  };
  const glossaryRow = partsRow(glossary, 'report pages, with the engine: entries without explanations');
  const glossaryTextRow = partsRow(glossaryText, 'report pages, after the first marks: the explanations');
  const rows = [...['detect.js', 'engine.js', 'pledges.js'].map(script), glossaryRow, glossaryTextRow, ...['bigrams.js', 'readings.js', 'lm.js', 's2t.js'].map(script)];
  return rows.map(({ file, kb, note }) => ({ name: `size of ${file}`, median: kb, p90: kb, runs: 1, unit: 'KB' as const, note: Number.isNaN(kb) ? 'not built: npm run build' : note }));
}

/**
 * Pledge extraction on a 1,000,000-character report made of the seeds: outline and clauses in steps, as the
 * page runs it. The longest single step is what a page task holds on top of the slicer's 8 ms budget.
 */
async function pledgeRows(): Promise<BenchRow[]> {
  const text = buildReport([seed('000'), seed('002'), seed('003')], 1_000_000);
  const figures = extractFigures(text);
  const base = 'regex figure scan, 1M';
  const scan = await measure(base, () => [...text.matchAll(FIGURE_REGEX)].length, { runs: 5, warmup: 1 });
  const steps: number[] = [];
  let found = 0;
  const whole = await measure(
    'pledges: outline + extraction, 1M (steps run to the end)',
    () => {
      const g = extractPledgesInSteps(text, { figures });
      for (;;) {
        const t = performance.now();
        const r = g.next();
        steps.push(performance.now() - t);
        if (r.done) {
          found = r.value.length;
          return;
        }
      }
    },
    { runs: 5, warmup: 1, baseline: base },
  );
  whole.note = `${found} pledges`;
  const sorted = [...steps].sort((a, b) => a - b);
  return [scan, whole, { name: 'pledges, 1M: longest single step (p90 = 99.9th percentile step)', median: sorted[sorted.length - 1], p90: sorted[Math.floor(sorted.length * 0.999)], runs: steps.length }];
}

/** Scoring one page sample, as the background does for every page with report words. */
async function detectRows(): Promise<BenchRow[]> {
  const samples = ['000', '001', '004'].map((id) => sampleFromText(seed(id)));
  return [await measure('detectReport on 3 page samples (3,000 characters each)', () => samples.map(detectReport), { runs: 200, warmup: 20 })];
}

/** Spawns a command `runs` times and times each, start to exit. */
function timeSpawn(name: string, args: string[], runs: number, extra: Partial<BenchRow> = {}): BenchRow {
  const samples: number[] = [];
  let failures = 0;
  let firstError = '';
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
    const ms = performance.now() - t0;
    if (r.status !== 0) {
      failures++;
      firstError ||= String(r.stderr).trim().split('\n')[0].slice(0, 80);
    }
    if (i > 0) samples.push(ms); // the first run fills tsx's transform cache
  }
  const note = [extra.note, failures ? `${failures} runs exited non-zero: ${firstError}` : ''].filter(Boolean).join('; ');
  return summarise(name, samples, { ...extra, note: note || undefined });
}

function cliRows(runs = 5): BenchRow[] {
  const base = 'node start-up (spawn, empty script)';
  const rows = [timeSpawn(base, ['-e', '0'], runs)];
  rows.push(timeSpawn('govlens --version (spawn)', [BIN, '--version'], runs, { baseline: base }));
  for (const f of seedFiles) {
    const chars = readFileSync(SEED_DIR + f, 'utf8').length;
    rows.push(timeSpawn(`govlens annotate --json ${f.slice(0, 3)}`, [BIN, 'annotate', '--json', SEED_DIR + f], runs, { baseline: base, note: `${chars} chars` }));
  }
  return rows;
}

/**
 * The LM's cost, measured in a fresh process so nothing else the bench loaded
 * is counted: heap (JS objects, the base64 string) and external memory (the
 * typed arrays holding the tables) before and after loading it.
 */
function lmMemoryRows(): BenchRow[] {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--lm-memory'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    const why = (r.stderr.trim().split('\n').find((l) => l.includes('Error')) ?? 'failed').slice(0, 120);
    return [{ name: 'LM memory', median: NaN, p90: NaN, runs: 0, unit: 'MB', note: why }];
  }
  const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as { importHeap: number; importExternal: number; loadHeap: number; loadExternal: number; rss: number; loadMs: number };
  const mb = (b: number) => b / 2 ** 20;
  const row = (name: string, v: number, note?: string): BenchRow => ({ name, median: v, p90: v, runs: 1, unit: 'MB', note });
  const importMb = mb(m.importHeap + m.importExternal);
  const loadMb = mb(m.loadHeap + m.loadExternal);
  return [
    // V8 may keep the big base64 literal inside the module source, so the import share can read near zero.
    row('LM memory: import + getLM()', importMb + loadMb, `import ${importMb.toFixed(2)} MB, decoded tables ${loadMb.toFixed(2)} MB; RSS +${mb(m.rss).toFixed(1)} MB`),
    row('LM getLM() decode time', m.loadMs, 'first call, fresh process'),
  ].map((r, i) => (i === 1 ? { ...r, unit: 'ms' as const } : r));
}

async function lmMemoryChild(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const snap = () => {
    gc();
    gc();
    const u = process.memoryUsage();
    return { heap: u.heapUsed, external: u.external, rss: u.rss };
  };
  const before = snap();
  const lm = await import('../src/core/lm/index');
  const imported = snap();
  const t0 = performance.now();
  const model = lm.getLM();
  const loadMs = performance.now() - t0;
  const loaded = snap();
  // Keep the model reachable until after the last snapshot.
  if (!model) throw new Error('getLM() returned nothing');
  console.log(
    JSON.stringify({
      importHeap: imported.heap - before.heap,
      importExternal: imported.external - before.external,
      loadHeap: loaded.heap - imported.heap,
      loadExternal: loaded.external - imported.external,
      rss: loaded.rss - before.rss,
      loadMs,
    }),
  );
}

export async function runNodeBenchmarks(): Promise<BenchRow[]> {
  return [...(await repairRows()), ...(await annotateRows()), ...(await termRows()), ...(await pledgeRows()), ...(await detectRows()), ...cliRows(), ...lmMemoryRows(), ...sizeRows()];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--lm-memory')) await lmMemoryChild();
  else printTable(await runNodeBenchmarks());
}
