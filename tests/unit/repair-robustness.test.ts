import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repair, STAGES } from '../../src/core/repair';
import { runPipeline } from '../../src/core/repair/pipeline';

const OPTS = { disable: ['spun' as const] };
const MINE = STAGES.filter((s) => s.kind !== 'spun');
const seed = (id: string) => readFileSync(new URL(`../../seeds/${id}.txt`, import.meta.url), 'utf8');

/** Text pieces that exercise every stage, mixed by the property tests. */
const PIECES = [
  '政府工作报告', '聚力擴(kuò)內(nèi)需', '的(de)(de)', '湖里(区)', '(AI)', ',,', '。。', '、、', '政 府 工 作',
  '黄  颖', '&nbsp;', '&amp;amp;', '&#20013;', '\u200b', '\ufeff', '\u00ad', '鏀垮簻', 'æ”¿åºœ', '\ufffd',
  'ä¸\u00ad', '经济(jīngjì)', ' ', '\n', 'GDP 5%', '2024年', '東京の経済', '서울', 'é', '——', '……',
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

  it('is idempotent where punctuation or a no-break space touches mojibake, or a mark follows a compatibility ideograph (cases fast-check found)', () => {
    for (const s of ['\uf900A\u0325', ',,、、鏀垮簻', '鏀垮簻——。。、、。。', ',,、、æ”¿åºœ', '经济(jīngjì)&nbsp;……æ”¿åºœ', '的(de)(de)æ”¿åºœ&nbsp;ä¸\u00ad……', ',,、、&nbsp;ä¸\u00ad', '、、,,æ”¿åºœ&nbsp;政府工作报告']) {
      const once = repair(s, OPTS).text;
      expect(repair(once, OPTS).text, s).toBe(once);
      expect(once, s).not.toMatch(/鏀垮簻|æ”¿åºœ|ä¸/);
    }
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
  const quick = (s: string, ms: number) => {
    const t = performance.now();
    const r = repair(s, OPTS);
    expect(performance.now() - t).toBeLessThan(ms);
    return r;
  };

  it('empty text and one character', () => {
    for (const s of ['', '政', '(', '&', '\ufffd', '\u00ad', 'æ']) expect(typeof quick(s, 200).text).toBe('string');
    expect(repair('', OPTS).text).toBe('');
    expect(repair('政', OPTS).text).toBe('政');
  });

  it('all punctuation is only tidied', () => {
    const s = '，。、；：？！“”‘’（）《》【】……——·,.;:?!()[]'.repeat(50);
    expect(quick(s, 500).text).toBe(s);
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

  it('random bytes decoded as text return quickly', () => {
    let x = 12345;
    const bytes = new Uint8Array(200_000).map(() => ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
    for (const enc of ['utf-8', 'gbk', 'windows-1252']) {
      const s = new TextDecoder(enc).decode(bytes);
      const r = quick(s, 5000);
      expect(r.text.length).toBeGreaterThan(0);
    }
  });

  it('5 MB of report text returns in reasonable time', () => {
    const base = seed('000_0cf104e84806d453');
    const big = base.repeat(Math.ceil(5_000_000 / base.length)).slice(0, 5_000_000);
    const r = quick(big, 10_000);
    expect(r.text.length).toBeLessThanOrEqual(big.length);
  });
});

describe('speed (100,000 characters, these stages)', () => {
  const make = (s: string) => {
    let t = '';
    while (t.length < 100_000) t += s + '\n';
    return t.slice(0, 100_000);
  };
  /** CPU milliseconds of this process (parallel test files share the machine; wall time would measure them too). */
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  /** Median over runs of the time spent inside the stages themselves (pipeline bookkeeping excluded). */
  function stageMedian(text: string): number {
    const times: number[] = [];
    for (let k = 0; k < 7; k++) {
      let input = text;
      let total = 0;
      for (const st of MINE) {
        const t = cpuMs();
        st.run(input, {});
        total += cpuMs() - t;
        input = runPipeline(input, [st]).text;
      }
      times.push(total);
    }
    times.sort((a, b) => a - b);
    return times[3];
  }

  it('clean report well under 50 ms median', () => {
    const text = make(['000_0cf104e84806d453', '002_da23955f95c06a62', '003_79a18ab8566106eb'].map(seed).join('\n'));
    expect(stageMedian(text)).toBeLessThan(50);
  });

  it('Traditional report with pinyin under 50 ms median (OpenCC included)', () => {
    expect(stageMedian(make(seed('001_ab26684728578657')))).toBeLessThan(50);
  });
});
