/**
 * Cooperative time slicing for the engine's long work: each phase calls
 * `step(label)` between units of work and the slicer yields to the page once
 * the current task has run past its budget. The longest task per label is
 * kept for the benchmark, which is how the heavy units get found.
 */

declare const scheduler: { yield?: () => Promise<void> } | undefined;

/**
 * Ends the current task. `scheduler.yield()` (Chromium 129+, Firefox 142+)
 * resumes ahead of other queued work; the MessageChannel fallback avoids
 * setTimeout's 4 ms clamp on nested timers, which would add up to a lot of
 * idle time over the hundreds of yields of a long page.
 */
export function nextTask(): Promise<void> {
  if (typeof scheduler !== 'undefined' && typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export class TaskSlicer {
  /** Longest task seen, per label of the work that ended it. */
  readonly longest: Record<string, number> = {};
  private started = performance.now();

  constructor(private readonly budgetMs: number) {}

  /** The longest task of all, in ms. */
  get longestMs(): number {
    return Math.max(0, ...Object.values(this.longest));
  }

  /** Yields if the current task has run past the budget. Call between units of work. */
  async step(label: string, budgetMs = this.budgetMs): Promise<void> {
    if (this.due(budgetMs)) await this.yield(label);
  }

  /**
   * Whether the current task has run past the budget: for loops of thousands of small units,
   * `if (slicer.due()) await slicer.yield(label)` spares an await (a promise) per unit.
   */
  due(budgetMs = this.budgetMs): boolean {
    return performance.now() - this.started > budgetMs;
  }

  /**
   * Runs stepwise core work (src/core/steps.ts), yielding to the page between steps when over budget.
   * A smaller budget leaves room for work whose steps are short but allocate a lot (a garbage
   * collection lands in the task that triggers it).
   */
  async run<T>(label: string, steps: Generator<void, T>, budgetMs = this.budgetMs): Promise<T> {
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      await this.step(label, budgetMs);
    }
  }

  /** Always yields (phase boundaries), recording the task that ends here. */
  async yield(label: string): Promise<void> {
    this.record(label);
    await nextTask();
    this.started = performance.now();
  }

  /** Records the task running now without yielding (the end of the work). */
  record(label: string): void {
    const ms = performance.now() - this.started;
    if (ms > (this.longest[label] ?? 0)) this.longest[label] = Math.round(ms * 10) / 10;
  }

  /** Starts timing a new task: work resumed by an event, not by this slicer. */
  restart(): void {
    this.started = performance.now();
  }
}
