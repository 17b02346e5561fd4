import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { annotate } from '../../src/core/annotate';
import { dropFiguresInsideTerms } from '../../src/core/figures/inside-terms';
import { repair } from '../../src/core/repair/index';
import type { Figure } from '../../src/core/figures/types';
import type { Term } from '../../src/core/glossary/types';

const seedDir = new URL('../../seeds/', import.meta.url);
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f, text: readFileSync(new URL(f, seedDir), 'utf8') }));

function fig(start: number, end: number, text = 'x'.repeat(end - start)): Figure {
  return { start, end, text, kind: 'count', value: 1, unit: '', target: false };
}
function term(start: number, end: number): Term {
  return { start, end, text: 't'.repeat(end - start), key: 't', definition: null, source: 'none' };
}

describe('dropFiguresInsideTerms', () => {
  it('drops a figure wholly inside a term and keeps partial overlaps and outsiders', () => {
    const figures = [fig(2, 4), fig(8, 12), fig(20, 22), fig(0, 1)];
    const terms = [term(1, 5), term(10, 15)];
    const kept = dropFiguresInsideTerms(figures, terms).map((f) => [f.start, f.end]);
    expect(kept).toEqual([
      [8, 12], // straddles the second term's start: both are shown, layered
      [20, 22],
      [0, 1],
    ]);
  });

  it('keeps a figure that is the whole term (翻两番 has an entry and is a quantity), drops it inside a longer one', () => {
    expect(dropFiguresInsideTerms([fig(3, 7)], [term(3, 7)])).toHaveLength(1);
    expect(dropFiguresInsideTerms([fig(3, 7)], [term(3, 7), term(2, 8)])).toEqual([]);
  });

  it('keeps a date inside a term and a number that ends one', () => {
    expect(dropFiguresInsideTerms([{ ...fig(0, 5), kind: 'date' as const }], [term(0, 9)])).toHaveLength(1); // 2035年远景目标
    expect(dropFiguresInsideTerms([fig(12, 15)], [term(0, 15)])).toHaveLength(1); // …到期后再延长30年
    expect(dropFiguresInsideTerms([fig(0, 2)], [term(0, 4)])).toEqual([]); // 三个代表
  });

  it('does not join two overlapping terms into one span', () => {
    // [0,6) and [4,10) overlap; a figure over [3,8) lies in neither alone.
    expect(dropFiguresInsideTerms([fig(3, 8)], [term(4, 10), term(0, 6)])).toHaveLength(1);
  });

  it('finds the containing term when a long early term encloses later short ones', () => {
    const terms = [term(0, 50), term(10, 12), term(20, 22)];
    expect(dropFiguresInsideTerms([fig(30, 40), fig(49, 51)], terms).map((f) => f.start)).toEqual([49]);
  });
});

describe('annotate', () => {
  it('returns the repaired text and offsets that index it, on every seed', () => {
    for (const { name, text } of seeds) {
      const a = annotate(text);
      expect(a.text, name).toBe(repair(text).text);
      for (const f of a.figures) expect(a.text.slice(f.start, f.end), `${name} figure`).toBe(f.text);
      for (const t of a.terms) expect(a.text.slice(t.start, t.end), `${name} term`).toBe(t.text);
      for (const p of a.pledges) expect(a.text.slice(p.start, p.end), `${name} pledge`).toBe(p.text);
      for (const c of a.changes) expect(a.text.slice(c.start, c.end), `${name} change`).toBe(c.after);
      for (const f of a.figures) {
        const inside = a.terms.some((t) => t.start <= f.start && f.end <= t.end);
        expect(inside, `${name}: figure ${f.text} inside a term`).toBe(false);
      }
      expect(a.score).toBeGreaterThanOrEqual(0);
      expect(a.score).toBeLessThanOrEqual(1);
    }
  });

  it('passes repair options through (all stages off leaves the text alone)', () => {
    const spun = seeds.find((s) => s.name.startsWith('004'))!.text;
    const off = annotate(spun, { repair: { disable: ['unicode', 'mojibake', 'pinyin', 'traditional', 'spun', 'layout'] } });
    expect(off.text).toBe(spun);
    expect(off.changes).toEqual([]);
  });

  it('handles empty input', () => {
    const a = annotate('');
    expect(a.text).toBe('');
    expect(a.figures).toEqual([]);
    expect(a.terms).toEqual([]);
    expect(a.pledges).toEqual([]);
  });
});
