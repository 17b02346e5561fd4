import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { analysePage, analysePageInSteps, lineWindows } from '../../src/core/repair';
import { runSteps } from '../../src/core/steps';
import { loadSimplifiedToTraditional, simplifiedToTraditional } from '../../src/core/repair/traditional/script';
import { spin } from '../support/spinner';

const read = (rel: string) => readFileSync(new URL(`../../${rel}`, import.meta.url), 'utf8');
const SEEDS = ['000_0cf104e84806d453', '001_ab26684728578657', '002_da23955f95c06a62', '003_79a18ab8566106eb', '004_89c8bcedadaad6b3'];

/** The verdict with every step run, for a given step size. */
function stepped(text: string, size: number) {
  return runSteps(analysePageInSteps(text, size));
}

describe('lineWindows', () => {
  it('covers the text exactly, and every window but the last ends at a line break or full stop', () => {
    const pieces = fc.constantFrom('\n', '。', '发展', '高量质', 'abc', '，', '擴');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 200 }), fc.integer({ min: 1, max: 40 }), (parts, size) => {
        const text = parts.join('');
        const windows = lineWindows(text, size);
        expect(windows.join('')).toBe(text);
        windows.slice(0, -1).forEach((w) => expect(['\n', '。']).toContain(w.at(-1)));
        for (const w of windows) expect(w.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('page analysis in steps', () => {
  // Seed 004 is spun and 001 is Traditional: the verdicts must not depend on the step size.
  const texts: Array<[string, () => string]> = SEEDS.map((id) => [id, () => read(`seeds/${id}.txt`)]);
  // A clean report of the repo's own (seed 000), spun and made Traditional here.
  const clean = read('seeds/000_0cf104e84806d453.txt');
  beforeAll(() => loadSimplifiedToTraditional());
  texts.push(['seed 000 spun', () => spin(clean, { seed: 7 })], ['seed 000 in Traditional', () => simplifiedToTraditional(clean)!]);

  for (const [name, textOf] of texts) {
    it(`${name}: the same verdict in 300-, 4,000-character steps and in one`, () => {
      const text = textOf();
      const whole = stepped(text, Infinity);
      expect(stepped(text, 300)).toEqual(whole);
      expect(stepped(text, 4000)).toEqual(whole);
      expect(analysePage(text)).toEqual(whole);
    });
  }

  it('finds the damage it is meant to find', () => {
    expect(analysePage(read('seeds/004_89c8bcedadaad6b3.txt')).spun).toBe(true);
    expect(analysePage(read('seeds/001_ab26684728578657.txt')).traditional).toBe(true);
    expect(analysePage(spin(clean, { seed: 7 }))).toEqual({ spun: true, traditional: false });
    expect(analysePage(simplifiedToTraditional(clean)!)).toEqual({ spun: false, traditional: true });
    expect(analysePage(clean)).toEqual({ spun: false, traditional: false });
  });

  it('sees a spun page shown in Traditional characters as spun, even lightly spun', () => {
    expect(analysePage(simplifiedToTraditional(spin(clean, { seed: 7 }))!)).toEqual({ spun: true, traditional: true });
    // One word in twenty swapped: in Traditional, only the folded text still shows enough spinner forms.
    const light = spin(clean, { seed: 7, wordRate: 0.05, charRate: 0.05 });
    expect(analysePage(light).spun).toBe(true);
    expect(analysePage(simplifiedToTraditional(light)!)).toEqual({ spun: true, traditional: true });
  });
});
