/**
 * Work split into short steps: a generator that pauses (`yield`) every few
 * ms. The CLI and tests run it to the end at once; the page runs one step
 * per slice of a task and yields to the page between them.
 */
export type Steps<T> = Generator<void, T>;

/** Runs stepwise work to the end at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * A value built once, stepwise, then kept (a decoded model, an index). Several
 * callers may step the same build; `get()` finishes it at once.
 */
export class Stepwise<T> {
  private value: { v: T } | undefined;
  private build: Steps<T> | undefined;

  constructor(private readonly start: () => Steps<T>) {}

  *steps(): Steps<T> {
    this.build ??= this.start();
    for (;;) {
      if (this.value) return this.value.v;
      const r = this.build.next();
      if (r.done) {
        this.value = { v: r.value };
        return r.value;
      }
      yield;
    }
  }

  get(): T {
    return this.value ? this.value.v : runSteps(this.steps());
  }
}
