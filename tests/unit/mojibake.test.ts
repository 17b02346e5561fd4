import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repair } from '../../src/core/repair';
import { runPipeline } from '../../src/core/repair/pipeline';
import { mojibakeStage } from '../../src/core/repair/stages/mojibake';
import { unicodeStage } from '../../src/core/repair/stages/unicode';
import { decodeUtf8WithHoles, HOLE } from '../../src/core/repair/mojibake/utf8-holes';

const gbk = new TextDecoder('gbk');
const cp1252 = new TextDecoder('windows-1252');
const utf8 = (s: string) => new TextEncoder().encode(s);
const asGbk = (s: string) => gbk.decode(utf8(s));
const asCp1252 = (s: string) => cp1252.decode(utf8(s));
/** The stages that see mojibake first, as in the product pipeline. */
const fix = (s: string) => runPipeline(s, [unicodeStage, mojibakeStage]);
const seed = (id: string) => readFileSync(new URL(`../../seeds/${id}.txt`, import.meta.url), 'utf8');
const SEEDS = { s000: seed('000_0cf104e84806d453'), s002: seed('002_da23955f95c06a62'), s003: seed('003_79a18ab8566106eb') };

/** Paragraphs whose GBK mis-decoding lost no byte (no U+FFFD). */
function losslessGbkParagraphs(text: string): string[] {
  return text.split('\n').filter((p) => /\p{Script=Han}/u.test(p) && !asGbk(p).includes('\ufffd'));
}

describe('mojibake: known examples', () => {
  it('reverses UTF-8 read as GBK and as Windows-1252', () => {
    expect(asGbk('政府工作报告')).toBe('鏀垮簻宸ヤ綔鎶ュ憡');
    expect(fix('鏀垮簻宸ヤ綔鎶ュ憡').text).toBe('政府工作报告');
    expect(fix(asCp1252('政府')).text).toBe('政府');
    expect(fix('æ”¿åºœ').text).toBe('政府');
  });

  it('repairs runs between ASCII separately, leaving the ASCII untouched', () => {
    const s = '2024年,政府工作报告(GDP增长5%)';
    const r = fix(asCp1252(s));
    expect(r.text).toBe(s);
    expect(r.changes.length).toBeGreaterThan(1);
    for (const c of r.changes) expect(c.before).not.toMatch(/[,()%0-9A-Z]/);
  });

  it('handles a lead byte that GBK merged with a following ASCII letter', () => {
    // 政 = E6 94 BF: GBK reads E694 as one character and BF 41 ("A") as another.
    expect(asGbk('推进AI政A作为')).toContain('鏀緼');
    expect(fix(asGbk('推进AI政A作为')).text).toBe('推进AI政A作为');
  });
});

describe('mojibake: round trips', () => {
  for (const [name, text] of Object.entries(SEEDS)) {
    it(`GBK paragraphs of ${name} decoded without loss come back exactly`, () => {
      const paras = losslessGbkParagraphs(text);
      expect(paras.length).toBeGreaterThan(3);
      for (const p of paras) expect(fix(asGbk(p)).text).toBe(p);
    });

    it(`the whole of ${name} through Windows-1252 comes back exactly`, () => {
      expect(fix(asCp1252(text)).text).toBe(text);
    });

    it(`the whole of ${name} through Windows-1252 twice comes back exactly`, () => {
      const twice = asCp1252(asCp1252(text));
      expect(twice).not.toBe(asCp1252(text));
      expect(fix(twice).text).toBe(text);
    });
  }

  it('whole GBK texts: every span without a lost byte is restored, every lost character is marked unknown and its guess only suggested', () => {
    for (const text of Object.values(SEEDS)) {
      const moj = asGbk(text);
      const r = fix(moj);
      const lost = [...moj].filter((c) => c === '\ufffd').length;
      const marked = r.changes.filter((c) => c.after.includes('\ufffd'));
      // Each lost byte yields at most two changes that show a character as unknown (a lost lead
      // byte can leave the character before uncertain too), each with a guess where one fits.
      expect(marked.length).toBeGreaterThan(0);
      expect(marked.length).toBeLessThanOrEqual(2 * lost);
      expect(r.suggestions.length).toBeLessThanOrEqual(marked.length);
      for (const sg of r.suggestions) {
        expect(sg.confidence).toBeLessThan(0.5);
        expect(sg.before).toContain('\ufffd');
        expect(sg.after).not.toContain('\ufffd');
      }
      for (const c of r.changes.filter((c) => !c.after.includes('\ufffd'))) expect(text).toContain(c.after);
    }
  });
});

describe('mojibake: lost bytes', () => {
  it('marks a character whose byte was lost before ASCII as unknown and only suggests the guess', () => {
    // Seven characters = 21 bytes: the last byte before "," has no partner and is lost.
    const moj = asGbk('政府工作报告的,今年');
    expect(moj).toContain('\ufffd');
    const r = fix(moj);
    expect(r.text).toBe('政府工作报告\ufffd,今年');
    expect(r.changes.map((c) => c.after).join('')).not.toContain('的');
    expect(r.suggestions).toHaveLength(1);
    expect(r.suggestions[0]).toMatchObject({ before: '\ufffd', after: '的', kind: 'mojibake' });
    expect(r.suggestions[0].confidence).toBeLessThan(0.5);
    // Accepting the suggestion gives the original back.
    const s0 = r.suggestions[0];
    expect(r.text.slice(0, s0.start) + s0.after + r.text.slice(s0.end)).toBe('政府工作报告的,今年');
  });

  it('uses neighbouring characters to pick the suggested guess (a date after digits)', () => {
    const r = fix(asGbk('全面推进工作2024年3月5日'));
    expect(r.text).toBe('全面推进工作2024\ufffd3\ufffd5\ufffd');
    expect(r.suggestions.map((s) => s.after)).toEqual(['年', '月', '日']);
  });

  it('repairs the rest of a run with one byte dropped and marks the damaged character unknown', () => {
    const bytes = [...utf8('坚持高质量发展推动经济建设')];
    bytes.splice(10, 1); // the middle byte of the 4th character (质)
    const moj = gbk.decode(new Uint8Array(bytes));
    const r = fix(moj);
    expect(r.text).toBe('坚持高\ufffd量发展推动经济建设');
    expect(r.suggestions).toHaveLength(1);
    expect(r.suggestions[0].after).toBe('高质量');
  });

  it('decoder: fills one hole with the most frequent character, refuses non-UTF-8', () => {
    const d = decodeUtf8WithHoles([0xe5, 0xb9, HOLE]); // 年 is E5 B9 B4
    expect(d?.[0].guessed).toBe(true);
    expect(d?.[0].candidates).toContain('年');
    expect(decodeUtf8WithHoles([0xb9, 0xe5, 0x41, 0x42])).toBeNull();
  });
});

describe('mojibake: clean text is never touched', () => {
  it('does not fire on the clean seeds', () => {
    for (const text of Object.values(SEEDS)) expect(mojibakeStage.run(text, {})).toEqual([]);
  });

  it('does not fire on Traditional text, Latin text, Japanese or Korean', () => {
    for (const s of [
      '聚力擴內需穩增長 鞏固經濟回升向好基礎',
      'café crème brûlée — “quotes” · 25°C ×2 ©2024',
      'Ã©tÃ© is what café looks like broken, but alone it is one word',
      '日本語のテキストと漢字、東京都庁',
      '한국어 텍스트와 漢字 서울특별시',
      '龘靐齉齾爩鱻麤龗灪籱',
    ]) {
      const edits = mojibakeStage.run(s, {});
      if (s.startsWith('Ã©')) continue; // real mojibake of Latin text is out of scope but must not crash
      expect(edits).toEqual([]);
    }
  });

  it('is idempotent on repaired mojibake', () => {
    for (const s of [asGbk(SEEDS.s002), asCp1252(SEEDS.s002), asCp1252(asCp1252(SEEDS.s002)), asGbk('政府工作报告的,今年')]) {
      const once = repair(s).text;
      expect(repair(once).text).toBe(once);
    }
  });
});
