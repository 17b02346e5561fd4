import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorMany, describe } from '../../src/core/anchoring';

const seedDir = join(__dirname, '../../seeds');
const seed = (n: string) => readFileSync(join(seedDir, readdirSync(seedDir).find((f) => f.startsWith(n))!), 'utf8');
const BASE = seed('000_');

/** Selectors for the first occurrence of `phrase` (after `after`, if given) in BASE. */
function sel(phrase: string, after = 0) {
  const start = BASE.indexOf(phrase, after);
  if (start < 0) throw new Error(`phrase not in seed: ${phrase}`);
  return { start, ...describe(BASE, start, start + phrase.length) };
}

const SENTENCE = '去年提出的109项重点任务中,除受经济大环境等因素影响';

suite('describe', () => {
  it('records the quote, 32 chars of context and offsets', () => {
    const s = sel(SENTENCE);
    expect(s.quote.exact).toBe(SENTENCE);
    expect(s.quote.prefix).toHaveLength(32);
    expect(BASE.slice(s.start - 32, s.start)).toBe(s.quote.prefix);
    expect(BASE.slice(s.start + SENTENCE.length).startsWith(s.quote.suffix!)).toBe(true);
    expect(s.position).toEqual({ type: 'TextPositionSelector', start: s.start, end: s.start + SENTENCE.length });
  });
  it('clips context at the text edges', () => {
    const d = describe('abcdef', 0, 2);
    expect(d.quote.prefix).toBe('');
    expect(d.quote.suffix).toBe('cdef');
  });
});

suite('anchor', () => {
  it('uses the position when the quote is still there', () => {
    const s = sel(SENTENCE);
    expect(anchor(BASE, s)).toEqual({ start: s.start, end: s.start + SENTENCE.length, method: 'position', score: 1 });
  });

  it('accepts selectors as a W3C array', () => {
    const s = sel(SENTENCE);
    expect(anchor(BASE, [s.position, s.quote])?.method).toBe('position');
  });

  it('finds the quote by exact match after an insertion before it', () => {
    const s = sel(SENTENCE);
    const inserted = '【本网讯】这是一段插入在正文前面的编者按,用来打乱偏移量。\n';
    const text = BASE.slice(0, 100) + inserted + BASE.slice(100);
    const a = anchor(text, s)!;
    expect(a.method).toBe('exact');
    expect(a.start).toBe(s.start + inserted.length);
    expect(text.slice(a.start, a.end)).toBe(SENTENCE);
  });

  it('anchors fuzzily after a small edit inside the quote', () => {
    const s = sel(SENTENCE);
    const edited = SENTENCE.replace('109', '110').replace('经济大环境', '经济环境');
    const text = BASE.replace(SENTENCE, edited);
    const a = anchor(text, s)!;
    expect(a).not.toBeNull();
    expect(a.method).toBe('fuzzy');
    expect(text.slice(a.start, a.end)).toBe(edited);
    expect(a.score).toBeGreaterThan(0.6);
    expect(a.score).toBeLessThan(1);
  });

  it('orphans the note after a large rewrite of the quote', () => {
    const s = sel(SENTENCE);
    const text = BASE.replace(SENTENCE, '年初部署的各项目标任务总体上按计划推进并取得积极成效');
    expect(anchor(text, s)).toBeNull();
  });

  it('orphans the note when the quoted text is deleted', () => {
    const s = sel(SENTENCE);
    expect(anchor(BASE.replace(SENTENCE, ''), s)).toBeNull();
  });

  it('orphans the note when the whole text is replaced', () => {
    const s = sel(SENTENCE);
    expect(anchor(seed('003_'), s)).toBeNull();
  });

  it('uses context to pick the right one of several identical quotes', () => {
    const phrase = '高质量发展';
    const first = BASE.indexOf(phrase);
    const second = BASE.indexOf(phrase, first + 1);
    expect(second).toBeGreaterThan(first);
    const s = sel(phrase, second); // the user highlighted the second occurrence
    // Shift everything so the position no longer matches.
    const text = '导语。'.repeat(40) + BASE;
    const a = anchor(text, s)!;
    expect(a.method).toBe('exact');
    expect(a.start).toBe(second + 120);
  });

  it('orphans a repeated quote whose context does not tell the copies apart', () => {
    // A passage repeated three times (e.g. a table caption printed above and below); the user
    // highlighted a phrase in the middle copy, whose 32-char context lies inside the passage.
    const block = BASE.slice(3000, 3090);
    const text0 = BASE.slice(0, 3000) + block + block + block + BASE.slice(3090);
    const start = 3000 + 90 + 40;
    const s = describe(text0, start, start + 8);
    expect(text0.split(s.quote.prefix! + s.quote.exact + s.quote.suffix!).length - 1).toBe(3);
    const text1 = '新增的一行标题。\n' + text0; // position no longer matches
    expect(anchor(text1, s)).toBeNull();
    // A phrase at the start of the first copy has a prefix unlike the other copies': it anchors.
    const single = describe(text0, 3005, 3013);
    expect(anchor(text1, single)?.start).toBe(3005 + 9);
  });

  it('anchors a 2-character quote only where its context agrees', () => {
    const phrase = '湖里';
    const occurrences: number[] = [];
    for (let i = BASE.indexOf(phrase); i >= 0; i = BASE.indexOf(phrase, i + 1)) occurrences.push(i);
    const target = occurrences[10];
    const s = describe(BASE, target, target + 2);
    const text = '插入'.repeat(7) + BASE;
    const a = anchor(text, s)!;
    expect(a.start).toBe(target + 14);
    // Rewrite the surroundings of that occurrence: the short quote alone must not anchor.
    const noisy =
      text.slice(0, a.start - 32) + '某'.repeat(32) + phrase + '甲'.repeat(32) + text.slice(a.end + 32);
    expect(anchor(noisy, s)).toBeNull();
  });

  it('anchors a 3-character quote whose only remaining copy has foreign context → orphan', () => {
    const text = '今年的目标是增长5%,明年继续。';
    const s = describe(text, text.indexOf('5%,'), text.indexOf('5%,') + 3);
    const other = '完全不同的一段话里也出现了5%,但不是同一处的内容。';
    expect(anchor(other, s)).toBeNull();
  });

  it('re-anchors 500 annotations on a 100,000-character page, through an insertion mid-page', () => {
    // The five seeds hold ~55k chars; reach 100k without duplicate passages by appending the
    // same text with every line reversed (same character statistics, different strings).
    const all = readdirSync(seedDir).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort().map((f) => readFileSync(join(seedDir, f), 'utf8')).join('\n');
    const reversed = all.split('\n').map((l) => [...l].reverse().join('')).join('\n');
    const page = (all + '\n' + reversed).slice(0, 100_000);
    expect(page.length).toBe(100_000);
    const requests: { selectors: ReturnType<typeof describe>; start: number; end: number }[] = [];
    for (let k = 0; k < 500; k++) {
      const start = Math.floor((k * 197.3) % (page.length - 40));
      const end = start + 6 + (k % 30);
      requests.push({ selectors: describe(page, start, end), start, end });
    }
    // An editor's note inserted at 50,000 shifts the second half: those need the exact path.
    const note = '(编者注:本文转载时有删节。)';
    const edited = page.slice(0, 50_000) + note + page.slice(50_000);
    // Its speed is measured in `npm run bench` (storage section).
    const results = anchorMany(edited, requests);
    let correct = 0;
    results.forEach((r, i) => {
      const { start, end } = requests[i];
      const shift = start >= 50_000 ? note.length : 0;
      if (r && r.start === start + shift && r.end === end + shift) correct++;
    });
    expect(correct).toBeGreaterThanOrEqual(490);
  });
});

suite('anchor under random edits', () => {
  // Deterministic PRNG so failures reproduce.
  function rng(seed: number) {
    return () => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
  }

  it('never anchors a note on the wrong text, and finds nearly all untouched quotes', () => {
    const rand = rng(42);
    const filler = BASE.slice(9000, 12000);
    const wrong: string[] = [];
    let untouched = 0;
    let foundUntouched = 0;
    for (let trial = 0; trial < 20; trial++) {
      // 25 quotes of 2–40 chars at random places, tracked through the edits.
      const quotes = Array.from({ length: 25 }, () => {
        const len = 2 + Math.floor(rand() * 39);
        const start = Math.floor(rand() * (BASE.length - len));
        return { sel: describe(BASE, start, start + len), start, end: start + len, touched: false };
      });
      let text = BASE;
      for (let e = 0; e < 30; e++) {
        const at = Math.floor(rand() * text.length);
        const del = rand() < 0.5 ? Math.floor(rand() * 20) : 0;
        const insStart = Math.floor(rand() * (filler.length - 30));
        const ins = rand() < 0.7 ? filler.slice(insStart, insStart + Math.floor(rand() * 30)) : '';
        text = text.slice(0, at) + ins + text.slice(at + del);
        const delta = ins.length - del;
        for (const q of quotes) {
          // Edits touching the quote or its 32-char context make the true place uncertain.
          if (at + del >= q.start - 32 && at <= q.end + 32) q.touched = true;
          if (at + del <= q.start) {
            q.start += delta;
            q.end += delta;
          }
        }
      }
      for (const q of quotes) {
        const a = anchor(text, q.sel);
        if (q.touched) {
          // Only demand that an anchor, if any, overlaps where the quote went.
          if (a && !(q.start - 40 < a.end && a.start < q.end + 40)) wrong.push(`${q.sel.quote.exact} → ${text.slice(a.start, a.end)}`);
          continue;
        }
        untouched++;
        if (a && a.start === q.start && a.end === q.end) foundUntouched++;
        else if (a) wrong.push(`${JSON.stringify(q.sel.quote)} @${q.start} → @${a.start} ${a.method} ${a.score} ${JSON.stringify(text.slice(q.start - 40, q.end + 40))} ${JSON.stringify(text.slice(a.start - 40, a.end + 40))}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(untouched).toBeGreaterThan(200);
    expect(foundUntouched / untouched).toBeGreaterThan(0.95);
  });
});
