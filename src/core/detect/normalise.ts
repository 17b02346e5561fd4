/**
 * Light normalisation of a page sample before scoring, so damaged copies of a
 * report still show their key words. Not a repair: it only has to make the
 * keyword and density signals fire, and it must stay cheap (it runs for every
 * sample the background is sent, and in the engine).
 */
import { MOJIBAKE_ALPHABET, MOJIBAKE_FORMS, SPINNER_FORMS, SIMP, TRAD } from './tables';
import { countWords, hasWord } from './scan';
import { looksLatinMojibake } from './hints';
import { cp1252Byte } from '../repair/mojibake/codecs';
import type { DamageKind } from './types';

const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];
const isHan = (c: number) => (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff);

// No regexes here, like scan.ts: compiling them cold costs more than the scans.

function removeZeroWidth(text: string): string {
  for (const z of ZERO_WIDTH) if (text.includes(z)) text = text.split(z).join('');
  return text;
}

/** a-z, à-ü, ā-ǜ: the letters of pinyin with tone marks. */
const isPinyinLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0xe0 && c <= 0xfc) || (c >= 0x101 && c <= 0x1dc);
const isCloseParen = (c: number) => c === 0x29 || c === 0xff09;

/** End of an inline pinyin gloss such as (kuò), （wěn） or (zhang3) opening at `at`, or -1. */
function pinyinGlossEnd(text: string, at: number): number {
  let k = at + 1;
  while (k - at - 1 < 7 && isPinyinLetter(text.charCodeAt(k))) k++;
  const letters = k - at - 1;
  if (letters < 1 || letters > 6) return -1;
  const digit = text.charCodeAt(k);
  if (digit >= 0x31 && digit <= 0x35 && isCloseParen(text.charCodeAt(k + 1))) return k + 2;
  return isCloseParen(digit) ? k + 1 : -1;
}

/** Removes pinyin glosses that follow a Han character: 擴(kuò)內(nèi)需 → 擴內需. */
function stripPinyinGlosses(text: string): string {
  const cuts: number[] = [];
  for (const open of ['(', '（']) {
    for (let i = text.indexOf(open, 1); i >= 0; i = text.indexOf(open, i + 1)) {
      if (!isHan(text.charCodeAt(i - 1))) continue;
      const end = pinyinGlossEnd(text, i);
      if (end > 0) cuts.push(i, end);
    }
  }
  return cut(text, cuts);
}

const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;

/**
 * Removes letter spacing: runs of blanks (not newlines) between two Han
 * characters. Only a blank right after a Han character can start such a run,
 * so the scan visits those blanks alone.
 */
function unspaceHan(text: string): string {
  const cuts: number[] = [];
  for (const blank of [' ', '\t', '\u00a0', '\u3000']) {
    for (let i = text.indexOf(blank, 1); i >= 0; i = text.indexOf(blank, i + 1)) {
      if (!isHan(text.charCodeAt(i - 1))) continue;
      let end = i + 1;
      while (isBlank(text.charCodeAt(end))) end++;
      if (isHan(text.charCodeAt(end))) cuts.push(i, end);
    }
  }
  return cut(text, cuts);
}

/** The text without the [start, end) ranges listed pairwise in `cuts` (ranges never overlap). */
function cut(text: string, cuts: number[]): string {
  if (!cuts.length) return text;
  const ranges: [number, number][] = [];
  for (let i = 0; i < cuts.length; i += 2) ranges.push([cuts[i], cuts[i + 1]]);
  ranges.sort((x, y) => x[0] - y[0]);
  let out = '';
  let from = 0;
  for (const [start, end] of ranges) {
    out += text.slice(from, start);
    from = end;
  }
  return out + text.slice(from);
}

const HAN_BASE = 0x3400;
/** Simplified code unit per Han code unit (0 = unchanged), built on first use. */
let tradTable: Uint16Array | null = null;
/** All in TRAD (tests/unit/detect-tables.test.ts checks). */
const COMMON_TRADITIONAL = [...'們這個為會對發經國時過還來實現與開關間點動體長區進產業報務設員標處導學問題機應當總議際類'];

function foldTraditional(text: string): { text: string; hits: number } {
  // Most pages have no Traditional character at all. The commonest
  // Traditional-only characters decide that (a Traditional page shows dozens
  // of them in its opening) before any table is built.
  if (!hasWord(text, COMMON_TRADITIONAL)) return { text, hits: 0 };
  if (!tradTable) {
    tradTable = new Uint16Array(0xa000 - HAN_BASE);
    for (let i = 0; i < TRAD.length; i++) tradTable[TRAD.charCodeAt(i) - HAN_BASE] = SIMP.charCodeAt(i);
  }
  // A code-unit loop: cheaper cold than a 221-character regex class, and a
  // regex with a replacer callback costs ~10x more on a Traditional page.
  let out: Uint16Array | null = null;
  let hits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const s = c >= HAN_BASE && c < 0xa000 ? tradTable[c - HAN_BASE] : 0;
    if (!s) continue;
    if (!out) {
      out = new Uint16Array(text.length);
      for (let k = 0; k < text.length; k++) out[k] = text.charCodeAt(k);
    }
    out[i] = s;
    hits++;
  }
  if (!out) return { text, hits: 0 };
  let folded = '';
  for (let i = 0; i < out.length; i += 4096) folded += String.fromCharCode(...out.subarray(i, i + 4096));
  return { text: folded, hits };
}

const utf8 = new TextDecoder();

function countHan(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isHan(text.charCodeAt(i))) n++;
  return n;
}

/** Text read as Windows-1252 (or Latin-1) turned back into its bytes and decoded as UTF-8; other characters stay. */
function undoWindows1252(text: string): string {
  let out = '';
  const bytes: number[] = [];
  const flush = () => {
    if (bytes.length) out += utf8.decode(Uint8Array.from(bytes));
    bytes.length = 0;
  };
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    const b = c < 0x80 ? c : cp1252Byte(ch);
    if (b === undefined) {
      flush();
      out += ch;
    } else bytes.push(b);
  }
  flush();
  return out;
}

let mojibakeForms: Map<string, string> | null = null;
let mojibakeFormsRe: RegExp | null = null;

const MOJIBAKE_CHARS = [...MOJIBAKE_ALPHABET];

/** Share of characters that only occur in UTF-8 text mis-decoded as GBK. */
export function mojibakeDensity(text: string): number {
  return text.length ? countWords(text, MOJIBAKE_CHARS) / text.length : 0;
}

/** Mojibake covers the whole page, so its opening is enough to decide. */
const MOJIBAKE_PROBE = 1000;
/** Clean text has none of these characters; 4% is far below mojibake's ~17%. */
const MOJIBAKE_THRESHOLD = 0.04;

export interface Normalised {
  text: string;
  damage: DamageKind[];
  /**
   * Length of the text as if it were clean, for per-1000-character densities:
   * mojibake turns each Han character (3 UTF-8 bytes) into 1.5 GBK characters.
   */
  effectiveLength: number;
}

export function normaliseForDetection(input: string): Normalised {
  const damage: DamageKind[] = [];
  let text = removeZeroWidth(input);

  // UTF-8 read as Windows-1252 decodes back exactly, once or (double mis-decoding) twice.
  // Only a decoding that brings Chinese back counts: clean text dense with quotes and dashes stays as it is.
  let undone = text;
  for (let layer = 0; layer < 2 && looksLatinMojibake(undone); layer++) {
    undone = undoWindows1252(undone);
    if (countHan(undone) > countHan(text)) {
      text = undone;
      damage.push('mojibake');
      break;
    }
  }

  let lengthScale = 1;
  if (mojibakeDensity(text.slice(0, MOJIBAKE_PROBE)) >= MOJIBAKE_THRESHOLD) {
    damage.push('mojibake');
    lengthScale = 1 / 1.5;
    // Put the key words back where their mis-decoded forms stand, in one pass
    // (alternation order = table order, so longer words win).
    if (!mojibakeForms) {
      mojibakeForms = new Map();
      for (const [word, aligned, shifted] of MOJIBAKE_FORMS) {
        if (!mojibakeForms.has(aligned)) mojibakeForms.set(aligned, word);
        if (!mojibakeForms.has(shifted)) mojibakeForms.set(shifted, word);
      }
      mojibakeFormsRe = new RegExp([...mojibakeForms.keys()].join('|'), 'g');
    }
    text = text.replace(mojibakeFormsRe!, (m) => mojibakeForms!.get(m)!);
  }

  const unglossed = stripPinyinGlosses(text);
  if (unglossed.length !== text.length) damage.push('pinyin');
  text = unglossed;

  const unspaced = unspaceHan(text);
  if (unspaced.length !== text.length) damage.push('spacing');
  text = unspaced;

  const folded = foldTraditional(text);
  // A stray 後 or 於 in Simplified text is not a Traditional page.
  if (folded.hits >= 3 && folded.hits * 50 >= text.length) damage.push('traditional');
  text = folded.text;

  let spun = 0;
  for (const [form, original] of SPINNER_FORMS) {
    if (text.includes(form)) {
      const parts = text.split(form);
      spun += parts.length - 1;
      text = parts.join(original);
    }
  }
  if (spun >= 3) damage.push('spun');

  return { text, damage, effectiveLength: Math.round(text.length * lengthScale) };
}
