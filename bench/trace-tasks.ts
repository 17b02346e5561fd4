/**
 * Which main-thread tasks ran GovLens code, from a Chromium trace.
 *
 * A task is what the event loop runs at once: a ThreadControllerImpl::RunTask
 * and the microtask checkpoint Blink runs right after it (the trace writes
 * the two as separate top-level events; the long-task API and DevTools count
 * them as one task). GovLens's work resumes after `scheduler.yield()` and
 * awaits, so most of it runs in those checkpoints, where the trace names no
 * script: a task is GovLens's when the V8 sampling profiler caught a frame of
 * the extension's scripts in it, or a script call (EvaluateScript,
 * FunctionCall: the first evaluation of a script, listeners) names one.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  pid?: number;
  tid?: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs: unlike wall time, not inflated when other processes hold the CPU. */
  tdur?: number;
  id?: string;
  args?: {
    data?: {
      url?: string;
      scriptName?: string;
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame?: { url?: string; functionName?: string };
}

/** Trace categories `extensionTasks` needs. */
export const TASK_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-v8.cpu_profiler'];

export interface Task {
  /** Trace clock, µs. */
  ts: number;
  /** Wall-clock ms. */
  wall: number;
  /** CPU ms on the main thread. */
  cpu: number;
}

const EXTENSION_URL = /^chrome-extension:\/\/([a-p]{32})\//;
export const extensionOf = (url: string | undefined) => EXTENSION_URL.exec(url ?? '')?.[1];

/** Timestamps (µs) of the profiler samples whose stack holds a frame of the extension's code, per process. */
function extensionSamples(events: TraceEvent[], extensionId: string): Map<number, number[]> {
  const nodes = new Map<string, ProfileNode>();
  const clock = new Map<string, number>();
  const raw: { key: string; pid: number; ts: number; node: number }[] = [];
  for (const e of events) {
    const key = `${e.pid}:${e.id}`;
    if (e.name === 'Profile') clock.set(key, e.args?.data?.startTime ?? e.ts);
    if (e.name !== 'ProfileChunk') continue;
    const data = e.args?.data;
    for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(`${key}:${n.id}`, n);
    let t = clock.get(key) ?? e.ts;
    (data?.cpuProfile?.samples ?? []).forEach((node, i) => {
      t += data?.timeDeltas?.[i] ?? 0;
      raw.push({ key, pid: e.pid ?? 0, ts: t, node });
    });
    clock.set(key, t);
  }
  const ours = new Map<string, boolean>();
  const isOurs = (key: string, id: number): boolean => {
    const k = `${key}:${id}`;
    let r = ours.get(k);
    if (r === undefined) {
      const n = nodes.get(k);
      r = Boolean(n && (extensionOf(n.callFrame?.url) === extensionId || (n.parent !== undefined && isOurs(key, n.parent))));
      ours.set(k, r);
    }
    return r;
  };
  const out = new Map<number, number[]>();
  for (const s of raw) if (isOurs(s.key, s.node)) (out.get(s.pid) ?? out.set(s.pid, []).get(s.pid)!).push(s.ts);
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}

/** Main-thread tasks (a RunTask plus the microtask checkpoint right after it), per renderer process. */
function mainThreadTasks(events: TraceEvent[]): Map<number, (Task & { end: number })[]> {
  const top = events
    .filter((e) => e.ph === 'X' && e.dur && e.pid === e.tid && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint'))
    .sort((a, b) => a.ts - b.ts);
  const out = new Map<number, (Task & { end: number })[]>();
  for (const e of top) {
    const list = out.get(e.pid!) ?? out.set(e.pid!, []).get(e.pid!)!;
    const last = list[list.length - 1];
    const end = e.ts + e.dur!;
    if (last && e.ts < last.end) continue; // nested inside the previous top-level event
    const cpu = (e.tdur ?? e.dur!) / 1000;
    // A checkpoint that starts as its task ends is that task's tail.
    if (last && e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint' && e.ts - last.end < 50) {
      last.wall = (end - last.ts) / 1000;
      last.cpu += cpu;
      last.end = end;
    } else list.push({ ts: e.ts, end, wall: e.dur! / 1000, cpu });
  }
  return out;
}

/** The tasks that ran the extension's code, in time order. */
export function extensionTasks(events: TraceEvent[], extensionId: string): Task[] {
  const samples = extensionSamples(events, extensionId);
  const calls = events.filter(
    (e) => e.ph === 'X' && e.dur && (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && extensionOf(e.args?.data?.url ?? e.args?.data?.scriptName) === extensionId,
  );
  const out: Task[] = [];
  for (const [pid, tasks] of mainThreadTasks(events)) {
    const ts = samples.get(pid) ?? [];
    let i = 0;
    for (const t of tasks) {
      while (i < ts.length && ts[i] < t.ts) i++;
      const sampled = i < ts.length && ts[i] < t.end;
      if (sampled || calls.some((c) => c.pid === pid && c.ts >= t.ts && c.ts < t.end)) out.push({ ts: t.ts, wall: t.wall, cpu: t.cpu });
    }
  }
  return out.sort((a, b) => a.ts - b.ts);
}
