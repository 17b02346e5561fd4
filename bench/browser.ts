/**
 * Browser half of `npm run bench`: the built extension in headless Chromium
 * on every seed page and the 1 MB page. Times come from the page's own
 * performance clock (content script start → engine done), and long tasks
 * from a PerformanceObserver installed before the page loads.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, CHROMIUM, launch } from '../tests/browser/harness';
import { contentScriptTime, FLOOR_DONE, longestExtensionTask, longestTaskBetween, writeFloorExtension, type ScriptTime } from './script-time';
import { median, summarise, type BenchRow } from './util';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const require = createRequire(import.meta.url);

export async function runBrowserBenchmarks(): Promise<BenchRow[]> {
  const h = await launch();
  const rows: BenchRow[] = [];
  const openccSource = await readFile(require.resolve('opencc-js/t2cn'), 'utf8').catch(() => readFile('node_modules/opencc-js/dist/umd/t2cn.js', 'utf8'));
  try {
    for (const entry of h.server.pages.filter((p) => p.expect === 'report')) {
      const repairMs: number[] = [];
      const longest: number[] = [];
      const openccMs: number[] = [];
      const pledgeTask: number[] = [];
      const pledgeMs: number[] = [];
      let pledges = 0;
      for (let i = 0; i < RUNS; i++) {
        const page = await h.context.newPage();
        // Strings, not functions: tsx's name-keeping helpers do not exist inside the page.
        await page.addInitScript(`
          window.__tasks = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) window.__tasks.push([e.startTime, e.duration]);
          }).observe({ type: 'longtask', buffered: true });
        `);
        await page.goto(entry.url);
        await page.waitForSelector('html[data-govlens-done]', { timeout: 120_000 });
        const m = (await page.evaluate(`(() => {
          const html = document.documentElement;
          return { t0: Number(html.getAttribute('data-govlens-t0')), done: Number(html.getAttribute('data-govlens-done')),
                   // Only tasks from the content script's start on: the browser parsing a 1 MB page is not ours.
                   longest: Math.max(0, ...window.__tasks.filter(([start]) => start >= Number(html.getAttribute('data-govlens-t0')) - 1).map(([, d]) => d)) };
        })()`)) as { t0: number; done: number; longest: number };
        repairMs.push(m.done - m.t0);
        longest.push(m.longest);
        // The engine's own account: the longest task that ended in pledge work, and the pledge phase's wall time.
        const timings = JSON.parse((await page.getAttribute('html', 'data-govlens-timings')) ?? '{}') as { pledges?: number; tasks?: Record<string, number> };
        pledgeTask.push(timings.tasks?.pledges ?? NaN);
        pledgeMs.push(timings.pledges ?? NaN);
        pledges = Number(await page.getAttribute('html', 'data-govlens-pledges'));
        // Baseline in the same page: opencc-js (full t2cn build) over the whole body text.
        await page.addScriptTag({ content: openccSource });
        openccMs.push(
          (await page.evaluate(`(() => {
            const conv = window.OpenCC.Converter({ from: 't', to: 'cn' });
            const text = document.body.innerText;
            const t = performance.now();
            conv(text);
            return performance.now() - t;
          })()`)) as number,
        );
        await page.close();
      }
      const size = entry.bench ? ' (1 MB)' : '';
      const base = `page ${entry.id}${size}: opencc-js t2cn over the body text (baseline)`;
      rows.push(summarise(base, openccMs));
      rows.push(summarise(`page ${entry.id}${size}: document_idle → repaired and marked`, repairMs, { baseline: base }));
      rows.push(summarise(`page ${entry.id}${size}: longest main-thread task after document_idle (0 = none over 50 ms)`, longest));
      rows.push(summarise(`page ${entry.id}${size}: pledges, longest task ending in pledge extraction (engine slicer)`, pledgeTask, { note: `${pledges} pledges` }));
      rows.push(summarise(`page ${entry.id}${size}: pledges, outline + extraction phase (wall, tasks yielding)`, pledgeMs));
      // The same loads again under a trace, which can tell GovLens's tasks from the page's own.
      const ours: ScriptTime[] = [];
      for (let i = 0; i < RUNS; i++) ours.push(await longestExtensionTask(h.context, h.extensionId, entry.url, 'html[data-govlens-done]'));
      rows.push(summarise(`page ${entry.id}${size}: longest task running GovLens code (trace, CPU)`, ours.map((t) => t.cpu)));
      rows.push(summarise(`page ${entry.id}${size}: longest task running GovLens code (trace, wall clock)`, ours.map((t) => t.wall)));
      // Pledge extraction alone: every task between the engine's pledge marks, CPU time from the trace.
      const pledgeTasks: ScriptTime[] = [];
      for (let i = 0; i < RUNS; i++) pledgeTasks.push(await longestTaskBetween(h.context, entry.url, 'html[data-govlens-done]', 'govlens-pledges-start', 'govlens-pledges-end'));
      rows.push(summarise(`page ${entry.id}${size}: pledges, longest task of the pledge phase (trace, CPU)`, pledgeTasks.map((t) => t.cpu)));
      rows.push(summarise(`page ${entry.id}${size}: pledges, longest task of the pledge phase (trace, wall clock)`, pledgeTasks.map((t) => t.wall)));
    }
  } finally {
    await h.close();
  }
  return rows;
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
