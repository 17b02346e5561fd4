import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repair } from '../../src/core/repair';
import { charDifferences, charSimilarity } from '../support/align-chars';

/** These stages only; the spun stage has its own tests and owner. */
const OPTS = { disable: ['spun' as const] };
const read = (rel: string) => readFileSync(new URL(`../../${rel}`, import.meta.url), 'utf8');
const seed = (id: string) => read(`seeds/${id}.txt`);
const CLEAN = ['000_0cf104e84806d453', '002_da23955f95c06a62', '003_79a18ab8566106eb'];

/** Whitespace removed and punctuation width folded, so only real character changes count. */
function comparable(s: string): string {
  return s.replace(/\s+/g, '').replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

describe('seed 001 (Traditional with inline pinyin) against its gold restoration', () => {
  it('is at least 99.9% identical by character alignment', () => {
    const out = repair(seed('001_ab26684728578657'), OPTS).text;
    const gold = read('tests/fixtures/001_simplified.txt');
    expect(charSimilarity(out, gold)).toBeGreaterThanOrEqual(0.999);
  });

  it('uses pinyin and traditional repairs only, fused per word', () => {
    const r = repair(seed('001_ab26684728578657'), OPTS);
    for (const c of r.changes) expect(['pinyin', 'traditional']).toContain(c.kind);
    // 擴(kuò)內(nèi) → 扩内 is one change: the annotation removal and the conversion touch.
    expect(r.changes.some((c) => c.before === '擴(kuò)內(nèi)' && c.after === '扩内')).toBe(true);
    expect(r.text).not.toMatch(/\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)/);
  });
});

describe('clean seeds', () => {
  for (const id of CLEAN) {
    it(`${id}: at most 1 changed character per 10,000 beyond whitespace and punctuation width`, () => {
      const text = seed(id);
      const r = repair(text, OPTS);
      const a = comparable(text);
      expect(charDifferences(a, comparable(r.text))).toBeLessThanOrEqual(Math.floor(a.length / 10_000));
    });

    it(`${id}: only layout repairs fire (no mojibake, Traditional, pinyin, entity)`, () => {
      const r = repair(seed(id), OPTS);
      for (const c of r.changes) {
        expect(c.kind).toBe('layout');
        // Layout only removes whitespace or a doubled mark.
        expect(comparable(c.after).length).toBeLessThanOrEqual(comparable(c.before).length);
      }
      expect(r.suggestions).toEqual([]);
    });
  }

  it('layout changes on the clean seeds are the letter-spaced headings', () => {
    const changes = CLEAN.flatMap((id) => repair(seed(id), OPTS).changes.map((c) => c.before));
    // On the page the title is spaced with no-break spaces and the name's gap is a space and a no-break space.
    expect(changes).toEqual(['索 引 号', '政\u00a0府\u00a0工\u00a0作\u00a0报\u00a0告', '黄 \u00a0颖', '索 引 号']);
  });
});

describe('idempotence on every seed', () => {
  for (const id of [...CLEAN, '001_ab26684728578657', '004_89c8bcedadaad6b3']) {
    it(id, () => {
      const once = repair(seed(id), OPTS).text;
      expect(repair(once, OPTS).text).toBe(once);
    });
  }
});
