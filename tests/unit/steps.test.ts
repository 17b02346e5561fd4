import { describe, expect, it } from 'vitest';
import { CharLM, foldCodes } from '../../src/core/lm';
import { encodeTables, KEYS_PER_STEP } from '../../src/core/lm/codec';
import { loadMatchIndexInSteps, matchIndex } from '../../src/core/repair/spun/dictionary';
import { runSteps, Stepwise, type Steps } from '../../src/core/steps';

function* countTo(n: number, log: number[]): Steps<number> {
  for (let i = 1; i <= n; i++) {
    log.push(i);
    yield;
  }
  return n * 10;
}

describe('Stepwise', () => {
  it('builds once, however many callers step it', () => {
    const log: number[] = [];
    const value = new Stepwise(() => countTo(5, log));
    const a = value.steps();
    const b = value.steps();
    a.next();
    b.next();
    expect(log).toEqual([1, 2]);
    expect(runSteps(a)).toBe(50);
    expect(runSteps(b)).toBe(50);
    expect(value.get()).toBe(50);
    expect(log).toEqual([1, 2, 3, 4, 5]);
  });

  it('get() in the middle of a stepped build finishes it, and the stepper then returns the same value', () => {
    const log: number[] = [];
    const value = new Stepwise(() => countTo(4, log));
    const steps = value.steps();
    steps.next();
    expect(value.get()).toBe(40);
    expect(steps.next()).toEqual({ done: true, value: 40 });
    expect(log).toEqual([1, 2, 3, 4]);
  });
});

describe('stepwise loads', () => {
  it('the language model pauses every KEYS_PER_STEP keys and loads the same model as at once', () => {
    const n = KEYS_PER_STEP * 2 + 7;
    const keys = Uint32Array.from({ length: n }, (_, i) => (i + 1) * 3);
    const counts = Uint8Array.from({ length: n }, (_, i) => 1 + (i % 200));
    const bytes = encodeTables([{ keys, counts }, { keys: keys.slice(0, 10), counts: counts.slice(0, 10) }]);
    const load = CharLM.load(bytes);
    let pauses = 0;
    let r = load.next();
    for (; !r.done; r = load.next()) pauses++;
    // Two pauses decoding the first table, two filling it.
    expect(pauses).toBe(4);
    const codes = foldCodes('发展');
    expect(r.value.charLogProb(codes, 1)).toBe(CharLM.fromBytes(bytes).charLogProb(codes, 1));
  });

  it('the spun match index is built in many short steps and equals the one built at once', () => {
    let pauses = 0;
    const steps = loadMatchIndexInSteps();
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    expect(pauses).toBeGreaterThan(3);
    expect(r.value).toBe(matchIndex());
    expect(r.value.byFirst.size).toBeGreaterThan(500);
  });
});
