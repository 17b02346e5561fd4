/**
 * Content-script cost as Chromium's own trace reports it: the time of every
 * EvaluateScript and FunctionCall event that runs an extension's script,
 * compile and top-level run included, the way DevTools' Performance panel
 * counts "Scripting". The script's own performance.now() stamps cannot see
 * its compile or module set-up, and are rounded to 0.1 ms besides.
 *
 * The floor is an extension whose content script only reads the title and
 * sets an attribute, loaded alone in a second browser: the first content
 * script on a page pays for its isolated world, whatever it does.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { REPORT_HOST_MATCHES } from '../src/shared/hosts';
import { extensionOf as extensionOfUrl, extensionTasks, TASK_CATEGORIES, type Task, type TraceEvent } from './trace-tasks';

export const FLOOR_DONE = 'html[data-floor]';

/** The floor extension (see above), on the same hosts as ours. */
export async function writeFloorExtension(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'govlens-floor-'));
  const manifest = {
    manifest_version: 3,
    name: 'floor',
    version: '1.0',
    content_scripts: [{ matches: REPORT_HOST_MATCHES, js: ['floor.js'], run_at: 'document_idle', all_frames: true }],
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(join(dir, 'floor.js'), "document.documentElement.setAttribute('data-floor', String(document.title.length));\n");
  return dir;
}

/** Trace events are read by trace-tasks.ts; the library bench takes the type from here too. */
export type { TraceEvent };

export interface ScriptTime {
  /** Wall-clock ms, what the page waits. */
  wall: number;
  /** CPU ms on the page's main thread: the script's own work, whatever else the machine is doing. */
  cpu: number;
}

/** Loads `url` in a new page while tracing, waits for `selector` and a quiet moment, and returns the trace. */
export async function traceLoad(context: BrowserContext, url: string, selector: string, categories: string[]): Promise<TraceEvent[]> {
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
  await page.goto(url);
  await page.waitForSelector(selector, { timeout: 120_000 });
  await page.waitForTimeout(300); // let any async tail of the script run inside the trace
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  return events;
}

const extensionOf = (e: TraceEvent) => extensionOfUrl(e.args?.data?.url ?? e.args?.data?.scriptName);
const scriptCalls = (events: TraceEvent[]) =>
  events.filter((e) => e.ph === 'X' && e.dur && (e.name === 'EvaluateScript' || e.name === 'FunctionCall')).sort((a, b) => a.ts - b.ts);

/**
 * Loads `url` in a new page while tracing, waits for `selector` and a quiet
 * moment, and returns the script time per extension id.
 */
export async function contentScriptTime(context: BrowserContext, url: string, selector: string): Promise<Map<string, ScriptTime>> {
  const events = await traceLoad(context, url, selector, ['devtools.timeline']);
  const perExtension = new Map<string, ScriptTime>();
  let coveredUntil = -1;
  for (const e of scriptCalls(events)) {
    const id = extensionOf(e);
    if (!id || e.ts < coveredUntil) continue; // nested calls are inside their parent's time already
    coveredUntil = e.ts + e.dur!;
    const sum = perExtension.get(id) ?? { wall: 0, cpu: 0 };
    perExtension.set(id, { wall: sum.wall + e.dur! / 1000, cpu: sum.cpu + (e.tdur ?? e.dur!) / 1000 });
  }
  return perExtension;
}

/**
 * The main-thread tasks that ran the extension's code while `url` loaded
 * (see trace-tasks.ts): the long-task API cannot tell our tasks from the
 * page's own (a 1 MB page's first layout may come after document_idle), the
 * trace can.
 */
export async function extensionTasksOnLoad(context: BrowserContext, extensionId: string, url: string, selector: string): Promise<Task[]> {
  return extensionTasks(await traceLoad(context, url, selector, TASK_CATEGORIES), extensionId);
}

/** The longest of them, wall and CPU. */
export function longest(tasks: Task[]): ScriptTime {
  return tasks.reduce((a, t) => (t.cpu > a.cpu ? { wall: t.wall, cpu: t.cpu } : a), { wall: 0, cpu: 0 });
}

/**
 * The longest main-thread task between two User Timing marks the engine sets (its pledge phase), in wall
 * and CPU ms, over a load of `url`. The engine's continuations after a yield run in microtask checkpoints,
 * which the trace records as top-level events of their own (the task around them is a few µs), so each
 * top-level event counts: RunTask or PerformMicrotaskCheckpoint. (Grouping events that follow each other
 * closely was tried: on a loaded machine unrelated tasks queue back to back.)
 */
export async function longestTaskBetween(context: BrowserContext, url: string, selector: string, startMark: string, endMark: string): Promise<ScriptTime> {
  const events = await traceLoad(context, url, selector, ['toplevel', 'blink.user_timing']);
  const from = events.find((e) => e.name === startMark);
  const to = events.find((e) => e.name === endMark);
  if (!from || !to) return { wall: NaN, cpu: NaN };
  let longest: ScriptTime = { wall: 0, cpu: 0 };
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || e.pid !== from.pid || e.tid !== from.tid) continue;
    if (e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'BlinkScheduler_PerformMicrotaskCheckpoint') continue;
    if (e.ts + e.dur < from.ts || e.ts > to.ts) continue;
    const cpu = (e.tdur ?? e.dur) / 1000;
    if (cpu > longest.cpu) longest = { wall: e.dur / 1000, cpu };
  }
  return longest;
}
