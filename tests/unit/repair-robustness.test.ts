import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repair } from '../../src/core/repair';

const OPTS = { disable: ['spun' as const] };
const seed = (id: string) => readFileSync(new URL(`../../seeds/${id}.txt`, import.meta.url), 'utf8');

const cp1252 = new TextDecoder('windows-1252');
/** UTF-8 read as Windows-1252, twice over. */
const twiceCp1252 = (s: string) => cp1252.decode(new TextEncoder().encode(cp1252.decode(new TextEncoder().encode(s))));

/** Text pieces that exercise every stage, mixed by the property tests. */
const PIECES = [
  '政府工作报告', '聚力擴(kuò)內(nèi)需', '的(de)(de)', '湖里(区)', '(AI)', ',,', '。。', '、、', '政 府 工 作',
  '黄  颖', '&nbsp;', '&amp;amp;', '&#20013;', '\u200b', '\ufeff', '\u00ad', '鏀垮簻', 'æ”¿åºœ', '\ufffd',
  'ä¸\u00ad', twiceCp1252('政府'), twiceCp1252('·'), 'Ã‚Â·', 'Â·', '经济(jīngjì)', ' ', '\n', 'GDP 5%', '2024年', '東京の経済', '서울', 'é', '——', '……',
];
const mixed = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((a) => a.join(''));
const anyText = fc.oneof(mixed, fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }));

describe('property: repair is safe on any text', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = repair(s, OPTS).text;
        expect(repair(once, OPTS).text).toBe(once);
      }),
      { numRuns: 400 },
    );
  });

  it('is idempotent where punctuation or a no-break space touches mojibake, a mark follows a compatibility ideograph, or clean text follows mojibake (cases fast-check found)', () => {
    for (const s of ['\uf900A\u0325', ',,、、鏀垮簻', '鏀垮簻——。。、、。。', ',,、、æ”¿åºœ', '经济(jīngjì)&nbsp;……æ”¿åºœ', '的(de)(de)æ”¿åºœ&nbsp;ä¸\u00ad……', ',,、、&nbsp;ä¸\u00ad', '、、,,æ”¿åºœ&nbsp;政府工作报告', '鏀垮簻政府工作报告政府工作报告聚力擴(kuò)內(nèi)需\ufffd', '鏀垮簻的(de)(de)東京の経済']) {
      const once = repair(s, OPTS).text;
      expect(repair(once, OPTS).text, s).toBe(once);
      expect(once, s).not.toMatch(/鏀垮簻|æ”¿åºœ|ä¸/);
    }
    // Mojibake ending cleanly before ordinary text is decoded alone, not run on into it with a lost byte (政 + ���).
    expect(repair('鏀垮簻的東京の経済', OPTS).text).toBe('政府的東京の経済');
    // The rest of a run that a Windows-1252 run extended into over a space is still read.
    expect(repair('é æ”¿åºœ鏀垮簻', OPTS).text).toBe('\ufffd政府政府');
  });

  it("every change's before is the original text at the position the offset map gives", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const r = repair(s, OPTS);
        for (const c of r.changes) {
          // A deletion is empty in the repaired text; the map's biases then point past/before it, so swap them.
          const empty = c.start === c.end;
          const start = r.map.toOriginal(c.start, empty ? 'end' : 'start');
          const end = r.map.toOriginal(c.end, empty ? 'start' : 'end');
          expect(s.slice(start, end)).toBe(c.before);
          expect(r.text.slice(c.start, c.end)).toBe(c.after);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the offset map is monotonic both ways', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const r = repair(s, OPTS);
        let prev = 0;
        for (let i = 0; i <= r.text.length; i++) {
          const o = r.map.toOriginal(i, 'start');
          expect(o).toBeGreaterThanOrEqual(prev);
          expect(o).toBeLessThanOrEqual(s.length);
          prev = o;
        }
        prev = 0;
        for (let i = 0; i <= s.length; i++) {
          const n = r.map.toRepaired(i, 'end');
          expect(n).toBeGreaterThanOrEqual(prev);
          prev = n;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('bad input', () => {
  // How long these take is measured in `npm run bench`; here they must only finish with sane output.
  const quick = (s: string) => repair(s, OPTS);

  it('empty text and one character', () => {
    for (const s of ['', '政', '(', '&', '\ufffd', '\u00ad', 'æ']) expect(typeof quick(s).text).toBe('string');
    expect(repair('', OPTS).text).toBe('');
    expect(repair('政', OPTS).text).toBe('政');
  });

  it('all punctuation is only tidied', () => {
    const s = '，。、；：？！“”‘’（）《》【】……——·,.;:?!()[]'.repeat(50);
    expect(quick(s).text).toBe(s);
  });

  it('Japanese and Korean are left unchanged', () => {
    for (const s of [
      '東京都は経済の発展について説明しました。日本語の文章には漢字とかなが混ざります。國際會議',
      '대한민국 정부는 經濟 發展 보고서를 발표했습니다. 서울특별시',
      'カタカナのテキスト、ひらがなのテキスト。',
    ]) {
      expect(repair(s, OPTS).text).toBe(s);
    }
  });

  it('random bytes decoded as text come back as text', () => {
    let x = 12345;
    const bytes = new Uint8Array(200_000).map(() => ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
    for (const enc of ['utf-8', 'gbk', 'windows-1252']) {
      const s = new TextDecoder(enc).decode(bytes);
      const r = quick(s);
      expect(r.text.length).toBeGreaterThan(0);
    }
  });

  it('5 MB of report text comes back no longer than it went in', () => {
    const base = seed('000_0cf104e84806d453');
    const big = base.repeat(Math.ceil(5_000_000 / base.length)).slice(0, 5_000_000);
    const r = quick(big);
    expect(r.text.length).toBeLessThanOrEqual(big.length);
  });
});
