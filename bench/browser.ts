/**
 * Browser half of `npm run bench`: the built extension in headless Chromium
 * on every seed page and the 1 MB page. Times come from the page's own
 * performance clock (detect.js's start at document_idle → the first marks in
 * the viewport, and → the whole page repaired and marked), long tasks from a
 * PerformanceObserver installed before the page loads, and GovLens's own
 * tasks from a trace (trace-tasks.ts).
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, CHROMIUM, EXTENSION_DIR, launch } from '../tests/browser/harness';
import { contentScriptTime, extensionTasksOnLoad, FLOOR_DONE, longest, longestTaskBetween, writeFloorExtension, type ScriptTime } from './script-time';
import { median, summarise, type BenchRow } from './util';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const require = createRequire(import.meta.url);
/** The task length issue #14 holds GovLens to (ms of CPU). */
const TASK_BUDGET_MS = 16;

/** What one load of a report page measured, from the page's clock (ms after document_idle). */
interface Load {
  firstMarks: number;
  done: number;
  /** Longest long-task entry (over 50 ms) while GovLens worked; 0 if none. */
  longTask: number;
  /** detect.js → background (the worker awake), scoring, injection (engine.js transferred, compiled, run). */
  message: number;
  inject: number;
  /** The engine's own account of its pledge phase: the longest task that ended in it, the phase's wall time, the count. */
  pledgeTask: number;
  pledgeMs: number;
  pledges: number;
}

async function loadReport(page: Page, url: string): Promise<Load> {
  // Strings, not functions: tsx's name-keeping helpers do not exist inside the page.
  await page.addInitScript(`
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  `);
  await page.goto(url);
  await page.waitForSelector('html[data-govlens-done]', { timeout: 120_000 });
  return (await page.evaluate(`(() => {
    const html = document.documentElement;
    const t0 = Number(html.getAttribute('data-govlens-t0'));
    const done = Number(html.getAttribute('data-govlens-done'));
    const first = Number(html.getAttribute('data-govlens-first-marks') ?? NaN);
    const timings = JSON.parse(html.getAttribute('data-govlens-timings') ?? '{}');
    // Only tasks overlapping GovLens's work: the browser parsing a 1 MB page before it is not ours.
    const during = window.__tasks.filter(([start, d]) => start + d >= t0 - 1 && start <= done);
    return { firstMarks: first - t0, done: done - t0, longTask: Math.max(0, ...during.map(([, d]) => d)),
             message: timings.message ?? NaN, inject: timings.inject ?? NaN,
             pledgeTask: timings.tasks?.pledges ?? NaN, pledgeMs: timings.pledges ?? NaN, pledges: Number(html.getAttribute('data-govlens-pledges')) };
  })()`)) as Load;
}

/** Baseline in the same page: opencc-js (full t2cn build) over the whole body text. */
async function openccBaseline(page: Page, source: string): Promise<number> {
  await page.addScriptTag({ content: source });
  return (await page.evaluate(`(() => {
    const conv = window.OpenCC.Converter({ from: 't', to: 'cn' });
    const text = document.body.innerText;
    const t = performance.now();
    conv(text);
    return performance.now() - t;
  })()`)) as number;
}

/** Bytes of each script the extension injects into pages (every top-level script of the build but the worker's). */
async function scriptSizeRows(dir: string): Promise<BenchRow[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.js') && f !== 'background.js').sort();
  const rows: BenchRow[] = [];
  for (const f of files) {
    const bytes = (await stat(join(dir, f))).size;
    rows.push({ name: `bytes of ${f} (injected script)`, median: bytes / 1024, p90: bytes / 1024, runs: 1, unit: 'KB', note: `${bytes.toLocaleString('en')} bytes` });
  }
  return rows;
}

/** Stops the extension's service worker, so the next page wakes it (DevTools' "Stop" in chrome://serviceworker-internals). */
async function stopServiceWorker(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.close();
}

export async function runBrowserBenchmarks(): Promise<BenchRow[]> {
  const h = await launch();
  const cores = cpus().length;
  const rows: BenchRow[] = await scriptSizeRows(EXTENSION_DIR);
  const openccSource = await readFile(require.resolve('opencc-js/t2cn'), 'utf8').catch(() => readFile('node_modules/opencc-js/dist/umd/t2cn.js', 'utf8'));
  try {
    // BENCH_PAGE=<id> (bench-1mb, 000 …) measures one page only, for work on it; the README's figures come from all.
    const only = process.env.BENCH_PAGE;
    for (const entry of h.server.pages.filter((p) => p.expect === 'report' && (!only || p.id === only))) {
      const loads: Load[] = [];
      const openccMs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const page = await h.context.newPage();
        loads.push(await loadReport(page, entry.url));
        openccMs.push(await openccBaseline(page, openccSource));
        await page.close();
      }
      const size = entry.bench ? ' (1 MB)' : '';
      const name = (what: string) => `page ${entry.id}${size}: ${what}`;
      const base = name('opencc-js t2cn over the body text (baseline)');
      const note = `${cores} CPUs`;
      rows.push(summarise(base, openccMs, { note }));
      rows.push(summarise(name('document_idle → first marks in the viewport'), loads.map((l) => l.firstMarks), { baseline: base, note }));
      rows.push(summarise(name('document_idle → whole page repaired and marked'), loads.map((l) => l.done), { baseline: base, note }));
      rows.push(summarise(name('longest long-task entry while GovLens works (0 = none over 50 ms)'), loads.map((l) => l.longTask)));
      // The same loads again under a trace, which can tell GovLens's tasks from the page's own.
      const traced = [];
      for (let i = 0; i < RUNS; i++) traced.push(await extensionTasksOnLoad(h.context, h.extensionId, entry.url, 'html[data-govlens-done]'));
      const worst = traced.map(longest);
      rows.push(summarise(name('longest task running GovLens code (trace, CPU)'), worst.map((t) => t.cpu), { note }));
      rows.push(summarise(name('longest task running GovLens code (trace, wall clock)'), worst.map((t) => t.wall), { note }));
      rows.push(summarise(name(`GovLens tasks over ${TASK_BUDGET_MS} ms of CPU (trace, count)`), traced.map((ts) => ts.filter((t) => t.cpu > TASK_BUDGET_MS).length), { unit: 'count' }));
      rows.push(summarise(name('GovLens CPU in all (trace, sum of its tasks)'), traced.map((ts) => ts.reduce((a, t) => a + t.cpu, 0)), { note }));
      rows.push(summarise(name('pledges, longest task ending in pledge extraction (engine slicer)'), loads.map((l) => l.pledgeTask), { note: `${loads[0]?.pledges} pledges` }));
      rows.push(summarise(name('pledges, outline + extraction phase (wall, tasks yielding)'), loads.map((l) => l.pledgeMs)));
      // Pledge extraction alone: every task between the engine's pledge marks, CPU time from the trace.
      const pledgeTasks: ScriptTime[] = [];
      for (let i = 0; i < RUNS; i++) pledgeTasks.push(await longestTaskBetween(h.context, entry.url, 'html[data-govlens-done]', 'govlens-pledges-start', 'govlens-pledges-end'));
      rows.push(summarise(name('pledges, longest task of the pledge phase (trace, CPU)'), pledgeTasks.map((t) => t.cpu)));
      rows.push(summarise(name('pledges, longest task of the pledge phase (trace, wall clock)'), pledgeTasks.map((t) => t.wall)));
    }
    rows.push(...(await startRows(h.context, h.server.pages.find((p) => p.id === '000')!.url)));
  } finally {
    await h.close();
  }
  return rows;
}

/**
 * Where the time before the engine starts goes, on seed 000: the sample's trip
 * from detect.js to the background, with the worker awake and with the worker
 * stopped first (Chrome stops an idle extension worker after 30 s, so a
 * reader's first report page of a while pays the wake-up), then the
 * injection (engine.js sent to the page, compiled and run).
 */
async function startRows(context: BrowserContext, url: string): Promise<BenchRow[]> {
  const warm: Load[] = [];
  const cold: Load[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const [list, stop] of [[cold, true], [warm, false]] as const) {
      if (stop) await stopServiceWorker(context);
      const page = await context.newPage();
      list.push(await loadReport(page, url));
      await page.close();
    }
  }
  return [
    summarise('seed 000: detect.js → background, worker awake (message)', warm.map((l) => l.message)),
    summarise('seed 000: detect.js → background, worker stopped first (wake-up + message)', cold.map((l) => l.message)),
    summarise('seed 000: background → engine.js running (inject)', warm.map((l) => l.inject)),
    summarise('seed 000: document_idle → first marks, worker stopped first', cold.map((l) => l.firstMarks)),
  ];
}

/**
 * Whole content-script time on the non-report pages, from Chromium's trace,
 * next to the floor: the same pages in a second browser with only the floor
 * extension (see script-time.ts), loads alternating between the two so both
 * see the same machine. CPU time is the headline: on this 2-CPU machine wall
 * time swings with whatever else is running.
 */
export async function runScriptTimeBenchmarks(): Promise<BenchRow[]> {
  const runs = Number(process.env.BENCH_SCRIPT_RUNS ?? 15);
  const h = await launch();
  const floorProfile = await mkdtemp(join(tmpdir(), 'govlens-floor-profile-'));
  const floorExtension = await writeFloorExtension();
  const floorBrowser = await chromium.launchPersistentContext(floorProfile, {
    executablePath: CHROMIUM,
    headless: false,
    args: chromiumArgs([floorExtension], h.server.port),
  });
  const rows: BenchRow[] = [];
  try {
    for (const entry of h.server.pages.filter((p) => p.expect === 'not-report')) {
      const ours: ScriptTime[] = [];
      const floor: ScriptTime[] = [];
      for (let i = 0; i < runs; i++) {
        floor.push(first(await contentScriptTime(floorBrowser, entry.url, FLOOR_DONE)));
        ours.push((await contentScriptTime(h.context, entry.url, 'html[data-govlens]')).get(h.extensionId) ?? NO_TIME);
      }
      const floorCpu = floor.map((t) => t.cpu);
      const oursCpu = ours.map((t) => t.cpu);
      const base = `page ${entry.id}: floor, a first content script that only sets an attribute (CPU)`;
      rows.push(summarise(base, floorCpu));
      rows.push(summarise(`page ${entry.id}: GovLens detect.js, whole (CPU)`, oursCpu, { baseline: base }));
      rows.push(summarise(`page ${entry.id}: GovLens detect.js, whole (wall clock)`, ours.map((t) => t.wall)));
      rows.push({ name: `page ${entry.id}: GovLens detect.js above the floor (CPU, difference of medians)`, median: median(oursCpu) - median(floorCpu), p90: NaN, runs });
    }
  } finally {
    await floorBrowser.close();
    for (const dir of [floorProfile, floorExtension]) await rm(dir, { recursive: true, force: true });
    await h.close();
  }
  return rows;
}

const NO_TIME: ScriptTime = { wall: NaN, cpu: NaN };
const first = (times: Map<string, ScriptTime>) => [...times.values()][0] ?? NO_TIME;
