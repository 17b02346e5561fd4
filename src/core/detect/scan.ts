/**
 * The detector's text tests, written without regular expressions.
 *
 * Each regex alternation costs V8 50–100 µs to compile before its first
 * match; String#indexOf needs no compiling. In a cold Node process the first
 * detectReport call took 1.7 ms with the old regexes and 1.0 ms with these
 * scans. (In a page, where every compile and first call is colder still,
 * scoring runs in the background instead: see src/page/detect-page.ts.)
 * tests/unit/detect-scan.test.ts checks each scanner against the regular
 * expression it stands for.
 */

/** Does the text contain any of the words? */
export function hasWord(text: string, words: readonly string[]): boolean {
  for (const w of words) if (text.includes(w)) return true;
  return false;
}

/** Occurrences of the words in the text (a word's own occurrences never overlap). */
export function countWords(text: string, words: readonly string[]): number {
  let n = 0;
  for (const w of words) {
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + w.length)) n++;
  }
  return n;
}

/** Is the host one of the domains or a subdomain of one? */
export function hostIn(host: string, domains: readonly string[]): boolean {
  for (const d of domains) {
    if (host.endsWith(d) && (host.length === d.length || host.charCodeAt(host.length - d.length - 1) === 0x2e)) return true;
  }
  return false;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** `/lh/`, `/lh2025/`: the 两会 folder of gov sites (regex: \/lh\d*\/). */
export function hasLianghuiFolder(path: string): boolean {
  for (let i = path.indexOf('/lh'); i >= 0; i = path.indexOf('/lh', i + 1)) {
    let k = i + 3;
    while (isDigit(path.charCodeAt(k))) k++;
    if (path.charCodeAt(k) === 0x2f) return true;
  }
  return false;
}

const NUMERALS = '一二三四五六七八九十';

/**
 * Chinese enumerations: 一是, 二、, （三） or (三)
 * (regex: [一-十]是|[（(][一-十][）)]|[一-十]、).
 */
export function countEnumerations(text: string): number {
  let n = 0;
  for (const mark of ['是', '、']) {
    for (let i = text.indexOf(mark, 1); i >= 0; i = text.indexOf(mark, i + 1)) if (NUMERALS.includes(text[i - 1])) n++;
  }
  for (const open of ['（', '(']) {
    for (let i = text.indexOf(open); i >= 0; i = text.indexOf(open, i + 1)) {
      const close = text[i + 2];
      if (NUMERALS.includes(text[i + 1]) && (close === '）' || close === ')')) n++;
    }
  }
  return n;
}

/** Characters a quoted slogan never contains: sentence punctuation, a line break, another quote mark. */
const NOT_IN_QUOTE = '”“。，,；;！？\n';
const MAX_QUOTED = 12;

/** Short quoted terms such as “三个一”, up to 12 characters (regex: “[^”“。，,；;！？\n]{1,12}”). */
export function countQuotedTerms(text: string): number {
  let n = 0;
  for (let i = text.indexOf('“'); i >= 0; i = text.indexOf('“', i + 1)) {
    for (let k = i + 1; k <= i + MAX_QUOTED + 1 && k < text.length; k++) {
      const c = text[k];
      if (c === '”') {
        if (k > i + 1) {
          n++;
          i = k;
        }
        break;
      }
      if (NOT_IN_QUOTE.includes(c)) break;
    }
  }
  return n;
}

/** What a regex `.` does not match. */
const hasLineBreak = (s: string) => hasWord(s, ['\n', '\r', '\u2028', '\u2029']);

/** 人大 … 次会议 within eight characters on one line, e.g. 区十八届人大四次会议 (regex: 人大.{0,8}次会议). */
export function hasSessionOrdinal(text: string): boolean {
  for (let i = text.indexOf('人大'); i >= 0; i = text.indexOf('人大', i + 1)) {
    const end = text.indexOf('次会议', i + 2);
    if (end < 0) return false;
    if (end - (i + 2) <= 8 && !hasLineBreak(text.slice(i + 2, end))) return true;
  }
  return false;
}
