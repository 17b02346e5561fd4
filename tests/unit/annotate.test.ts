import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { annotate, dropFiguresInsideTerms } from '../../src/core/annotate';
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

  it('treats a figure exactly as long as a term as inside it', () => {
    expect(dropFiguresInsideTerms([fig(3, 7)], [term(3, 7)])).toEqual([]);
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
