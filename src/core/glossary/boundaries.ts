/**
 * Boundary rules that keep glossary forms from firing inside other words or numbers.
 *
 * Chinese has no spaces, so "inside another word" cannot be detected in general. We use three
 * cheap, general signals instead:
 *  - numeric slogans (4+4+6, 十四五, 三个一) must not be part of a longer number or expression;
 *  - Latin forms (AEO, REITs) must not be glued to other Latin letters or digits;
 *  - very short forms (≤2 chars) are only trusted when quoted or confirmed by a cue word.
 */

export const OPEN_QUOTES = new Set(['“', '"', '「', '『', '‘', "'", '＂', '﹁', '﹃', '〝']);
export const CLOSE_QUOTES = new Set(['”', '"', '」', '』', '’', "'", '＂', '﹂', '﹄', '〞']);

const CN_NUMERALS = '零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾兩萬億';
/** Measure words and units that turn a trailing numeral into a quantity ("三个一" vs "三个一百"). */
const AFTER_NUMERAL = '个個批项項次件类類条條种種所家位名元倍%％';

// Both run on every spelling when the glossary is compiled, and on every candidate match: code tests and a Set,
// not String.fromCharCode and includes (8–12 ms over the built-in glossary's spellings in cold code).
const CN_NUMERAL_CODES = new Set(Array.from(CN_NUMERALS, (c) => c.charCodeAt(0)));

function isCnNumeral(ch: string | undefined): boolean {
  return ch !== undefined && CN_NUMERAL_CODES.has(ch.charCodeAt(0));
}

function asciiClass(ch: string | undefined): 'digit' | 'letter' | 'op' | null {
  if (ch === undefined) return null;
  let code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  if (code >= 48 && code <= 57) return 'digit';
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return 'letter';
  // + - . × * / % (full-width forms folded above)
  if (code === 43 || code === 45 || code === 46 || code === 0xd7 || code === 42 || code === 47 || code === 37) return 'op';
  return null;
}

export function isQuoted(text: string, start: number, end: number): boolean {
  return OPEN_QUOTES.has(text[start - 1]) && CLOSE_QUOTES.has(text[end]);
}

/** Whether numericBoundaryOk can ever reject a match of `form`: only when it starts or ends with a number, letter or operator. */
export function needsNumericCheck(form: string): boolean {
  return numericEdge(form[0]) || numericEdge(form[form.length - 1]);
}

function numericEdge(ch: string | undefined): boolean {
  return asciiClass(ch) !== null || isCnNumeral(ch);
}

/** True when the form's first/last character may not continue into its neighbours. */
export function numericBoundaryOk(text: string, start: number, end: number): boolean {
  const first = text[start];
  const last = text[end - 1];
  const before = text[start - 1];
  const after = text[end];

  const firstClass = asciiClass(first);
  if (firstClass === 'digit' || firstClass === 'letter') {
    const b = asciiClass(before);
    if (b === 'digit' || b === 'letter' || (firstClass === 'digit' && b === 'op')) return false;
  } else if (isCnNumeral(first) && (isCnNumeral(before) || asciiClass(before) === 'digit')) {
    return false;
  }

  const lastClass = asciiClass(last);
  if (lastClass === 'digit' || lastClass === 'letter') {
    const a = asciiClass(after);
    if (a === 'digit' || a === 'letter' || (lastClass === 'digit' && a === 'op')) return false;
  } else if (lastClass === 'op') {
    // "金砖+" must not be the head of "金砖+1" style expressions.
    if (asciiClass(after) === 'digit') return false;
  } else if (isCnNumeral(last)) {
    if (isCnNumeral(after) || asciiClass(after) === 'digit') return false;
    if (after !== undefined && AFTER_NUMERAL.includes(after)) return false;
  }
  return true;
}

const CUE_WINDOW = 6;

export function hasCue(text: string, start: number, end: number, cues: readonly string[] | undefined): boolean {
  if (!cues || cues.length === 0) return false;
  const from = Math.max(0, start - CUE_WINDOW);
  const before = text.slice(from, start);
  const after = text.slice(end, end + CUE_WINDOW);
  return cues.some((cue) => before.includes(cue) || after.includes(cue));
}

/** True when the match at [start, end) lies inside one of the entry's blocker words. */
export function insideBlocker(text: string, start: number, end: number, blockers: readonly string[] | undefined): boolean {
  if (!blockers) return false;
  const form = text.slice(start, end);
  for (const blocker of blockers) {
    for (let at = blocker.indexOf(form); at >= 0; at = blocker.indexOf(form, at + 1)) {
      if (text.startsWith(blocker, start - at)) return true;
    }
  }
  return false;
}
