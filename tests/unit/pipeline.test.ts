import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runPipeline } from '../../src/core/repair/pipeline';
import type { Edit, Stage } from '../../src/core/repair/types';

/** A stage that applies a fixed list of edits chosen by fast-check against whatever text it gets. */
function randomStage(picks: Array<[number, number, string]>): Stage {
  return {
    kind: 'layout',
    run(text) {
      const edits: Edit[] = [];
      let last = 0;
      for (const [a, len, after] of picks) {
        const start = last + (text.length - last ? a % (text.length - last + 1) : 0);
        const end = Math.min(text.length, start + len);
        if (start < last) continue;
        edits.push({ start, end, after, kind: 'layout', confidence: 1 });
        last = end + 1;
        if (last > text.length) break;
      }
      return edits;
    },
  };
}

const editList = fc.array(fc.tuple(fc.nat(20), fc.nat(3), fc.string({ maxLength: 3 })), { maxLength: 5 });

describe('runPipeline', () => {
  it('reconstructs the original from the repaired text and its changes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.array(editList, { minLength: 1, maxLength: 3 }), (text, stageEdits) => {
        const res = runPipeline(text, stageEdits.map(randomStage));
        // Undo every change from the end: must give back the original exactly.
        let back = res.text;
        for (const c of [...res.changes].reverse()) {
          expect(res.text.slice(c.start, c.end)).toBe(c.after);
          back = back.slice(0, c.start) + c.before + back.slice(c.end);
        }
        expect(back).toBe(text);
        // Changes are sorted and disjoint.
        for (let i = 1; i < res.changes.length; i++) expect(res.changes[i].start).toBeGreaterThanOrEqual(res.changes[i - 1].end);
        // The map is monotonic and round-trips outside changed segments.
        let prev = 0;
        for (let p = 0; p <= res.text.length; p++) {
          const o = res.map.toOriginal(p);
          expect(o).toBeGreaterThanOrEqual(prev);
          prev = o;
          const inside = res.changes.some((c) => c.start <= p && p <= c.end);
          if (!inside) expect(res.map.toRepaired(o)).toBe(p);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('turns low-confidence edits into suggestions without applying them', () => {
    const stage: Stage = { kind: 'spun', run: () => [{ start: 0, end: 2, after: '发展', kind: 'spun', confidence: 0.3 }] };
    const res = runPipeline('展开经济', [stage]);
    expect(res.text).toBe('展开经济');
    expect(res.suggestions).toEqual([{ start: 0, end: 2, before: '展开', after: '发展', kind: 'spun', confidence: 0.3 }]);
  });
});
