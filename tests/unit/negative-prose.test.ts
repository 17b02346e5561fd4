import { describe, expect, it } from 'vitest';
import { evaluateFile, negativeFiles, type FileResult } from '../../scripts/negative-eval';
import { spinnerGate, strongSignatures } from '../../src/core/repair/spun';

/**
 * Repair must never harm clean text. tests/fixtures/negative holds 305k
 * characters of public clean prose that is not report text, in seven registers
 * (see its SOURCES.md); nothing was trained on it.
 */
const files = negativeFiles();
const results = new Map<string, FileResult[]>();
for (const f of files) results.set(f.register, [...(results.get(f.register) ?? []), evaluateFile(f.register, f.file, f.text)]);

describe('clean prose of every register (negative set)', () => {
  it('has the seven registers and over 300,000 characters', () => {
    expect([...results.keys()].sort()).toEqual(['classical', 'encyclopedic', 'fiction', 'forum', 'news', 'tech', 'traditional']);
    expect(files.reduce((n, f) => n + f.text.length, 0)).toBeGreaterThan(300_000);
  });

  for (const register of ['classical', 'encyclopedic', 'fiction', 'forum', 'news', 'tech', 'traditional']) {
    it(`${register}: spinner gate closed on every file and every 300-character window`, () => {
      for (const r of results.get(register)!) {
        expect(r.gateOpen, r.file).toBe(false);
        expect(r.openWindows, r.file).toBe(0);
      }
    });

    it(`${register}: at most 1 false change per 10,000 Han characters`, () => {
      const rs = results.get(register)!;
      const han = rs.reduce((n, r) => n + r.han, 0);
      const wrong = rs.flatMap((r) => r.falseChanges.map((c) => `${r.file}: ${c.before}→${c.after} (${c.kind})`));
      expect(wrong.length, wrong.join('\n')).toBeLessThanOrEqual(han / 10_000);
    });
  }

  it('ordinary words the spinner also produces are no gate evidence; non-words are', () => {
    const strong = strongSignatures();
    // 使用/觉得/网路 are spun forms absent from reports, but words of general Chinese.
    for (const w of ['使用', '觉得', '浏览', '网路', '不乱']) expect(strong.has(w), w).toBe(false);
    for (const w of ['高量质', '工做', '删加', '不克不及']) expect(strong.has(w), w).toBe(true);
    const prose = '我觉得使用浏览器浏览网路很方便，大家都觉得那样使用很好。'.repeat(3);
    expect(spinnerGate(prose).open).toBe(false);
    const spun = '推动高量质展开，工做删加，不克不及松懈。';
    expect(spinnerGate(spun).open).toBe(true);
  });
});
