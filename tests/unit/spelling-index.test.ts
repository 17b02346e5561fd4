// The glossary's spelling index against a naive search: every occurrence of every pattern, overlapping ones included.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SpellingIndex, foldString } from '../../src/core/glossary/spelling-index';
import '../../src/core/glossary/shipped';
import { builtinCompiled } from '../../src/core/glossary/builtin';
import { compileGlossarySteps } from '../../src/core/glossary/compiled';

function naive(text: string, patterns: string[]): string[] {
  const out: string[] = [];
  patterns.forEach((p, i) => {
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) out.push(`${at}:${at + p.length}:${i}`);
  });
  return out.sort();
}

function scanAll(text: string, patterns: string[]): string[] {
  const a = new SpellingIndex();
  patterns.forEach((p, i) => a.add(p, i));
  const out: string[] = [];
  a.scan(text, (s, e, i) => out.push(`${s}:${e}:${i}`));
  return out.sort();
}

describe('SpellingIndex', () => {
  it('finds overlapping and nested patterns (shared first pairs and triples)', () => {
    const patterns = ['两个确立', '确立', '个确', '两个', '两个维护', '维护', '护党'];
    const text = '坚定拥护两个确立，坚决做到两个维护党中央。';
    expect(scanAll(text, patterns)).toEqual(naive(text, patterns));
  });

  it('agrees with a naive search on random texts over a small alphabet', () => {
    const ch = fc.constantFrom(...'两个确立维护新质');
    fc.assert(
      fc.property(fc.array(fc.string({ unit: ch, minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }), fc.string({ unit: ch, maxLength: 80 }), (patterns, text) => {
        const unique = [...new Set(patterns)];
        expect(scanAll(text, unique)).toEqual(naive(text, unique));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses more distinct first pairs than its group keys can tell apart, rather than mixing them up', () => {
    const many = new SpellingIndex();
    for (let i = 0; i <= 0xffff; i++) many.add(String.fromCharCode(0x4e00 + (i >> 8), 0x4e00 + (i & 0xff)) + '甲', i);
    expect(() => many.build()).toThrow(/too many/);
  });

  it('folds full-width and upper-case letters on both sides', () => {
    expect(scanAll('推进ＡＩ+行动和5g网络', ['ai+', '5G网络'])).toEqual(['2:5:0', '8:12:1']);
  });

  it('finds every spelling of the built-in glossary that a naive search finds in a report', () => {
    const compiled = builtinCompiled();
    const text = readFileSync(join(import.meta.dirname, '../../seeds/000_0cf104e84806d453.txt'), 'utf8');
    const found: string[] = [];
    compiled.index.scan(text, (s, e, i) => found.push(`${s}:${e}:${i}`));
    const expected = naive(foldString(text), compiled.forms.map((f) => foldString(f.form)));
    expect(expected.length).toBeGreaterThan(500);
    expect(found.sort()).toEqual(expected);
  });

  it('builds in steps to the same index', () => {
    const entries = ['新质生产力', '生产力', '新质'].map((term) => ({ term, definition: `${term}的解释。`, source: 'builtin' as const }));
    const steps = compileGlossarySteps([entries]);
    let r = steps.next();
    while (!r.done) r = steps.next();
    const found: string[] = [];
    r.value.index.scan('发展新质生产力', (s, e) => found.push('发展新质生产力'.slice(s, e)));
    expect(found.sort()).toEqual(['新质', '新质生产力', '生产力'].sort());
  });
});
