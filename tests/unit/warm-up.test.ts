import { describe, expect, it } from 'vitest';
import { gbkTable, loadGbkTableInSteps } from '../../src/core/repair/mojibake/codecs';
import '../../src/core/repair/shipped-data';
import { warmStageDataInSteps, warmUp } from '../../src/core/repair';
import { pairWeight } from '../../src/core/repair/mojibake/context';
import { isSyllable, readingsOf } from '../../src/core/repair/pinyin/readings';

/** The GBK reverse table as one decode of every pair builds it: the reference the stepwise build must match. */
function gbkAtOnce(): Map<string, number> {
  const table = new Map<string, number>();
  const codes: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) codes.push((lead << 8) | trail);
  const chars = new TextDecoder('gbk').decode(new Uint8Array(codes.flatMap((c) => [c >> 8, c & 0xff, 0x20]))).split(' ');
  codes.forEach((code, i) => {
    const ch = chars[i];
    if ((ch.length === 1 || (ch.length === 2 && ch.codePointAt(0)! > 0xffff)) && ch !== '\ufffd' && !table.has(ch)) table.set(ch, code);
  });
  table.set('\u20ac', 0x80);
  return table;
}

describe('tables every Chinese page reads, built before the first repair (issue #14)', () => {
  it('builds the GBK reverse table in several short steps, equal to decoding every pair at once', () => {
    let steps = 0;
    const it = loadGbkTableInSteps();
    let r = it.next();
    while (!r.done) {
      steps++;
      r = it.next();
    }
    expect(steps).toBeGreaterThanOrEqual(8);
    expect([...r.value]).toEqual([...gbkAtOnce()]);
    expect(gbkTable()).toBe(r.value);
  });

  it('warms them in the steps of warmUp, for a clean page as for a damaged one', () => {
    const steps = [...warmUp({ spun: false, traditional: false })].length;
    // Built already by the test above: only the score tables' three steps remain.
    expect(steps).toBe(3);
  });

  it('parses the injected table of a stage in short steps once it is in (readings, character pairs)', () => {
    const count = (steps: Generator<void, void>) => [...steps].length;
    expect(count(warmStageDataInSteps('readings'))).toBeGreaterThanOrEqual(8); // 415 syllables, 50 a step
    expect(readingsOf('行')).toEqual(expect.arrayContaining(['xing', 'hang']));
    expect(isSyllable('zhong')).toBe(true);
    expect(count(warmStageDataInSteps('readings'))).toBe(0); // built once
    expect(count(warmStageDataInSteps('bigrams'))).toBeGreaterThanOrEqual(3); // ~15,000 pairs, 5,000 a step
    expect(pairWeight('政', '府')).toBeGreaterThan(0);
    expect(count(warmStageDataInSteps('bigrams'))).toBe(0);
  });
});
