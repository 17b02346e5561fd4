/**
 * Light normalisation of a page sample before scoring, so damaged copies of a
 * report still show their key words. Not a repair: it only has to make the
 * keyword and density signals fire, and it must stay cheap (content script).
 */
import { MOJIBAKE_ALPHABET, MOJIBAKE_FORMS, SPINNER_FORMS, SIMP, TRAD } from './tables';
import type { DamageKind } from './types';

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Inline pinyin glosses: 擴(kuò), 穩（wěn）, 长(zhang3); removed only right after a Han character. */
const PINYIN_GLOSS = /[(（][a-zà-üā-ǜ]{1,6}[1-5]?[)）]/g;
const HAS_PAREN = /[(（]/;
/** Letter spacing: blanks (not newlines) between two Han characters; the neighbours are checked in code. */
const BLANKS = /[ \t\u00a0\u3000]+/g;
const isHan = (c: number) => (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff);

/**
 * Removes blanks between two Han characters. A lookbehind regex would test
 * every position of the sample (slow before V8 compiles it); this visits only
 * the blank runs.
 */
function unspaceHan(text: string): string {
  return text.replace(BLANKS, (blank, at: number) =>
    at > 0 && isHan(text.charCodeAt(at - 1)) && isHan(text.charCodeAt(at + blank.length)) ? '' : blank,
  );
}

const HAN_BASE = 0x3400;
/** Simplified code unit per Han code unit (0 = unchanged), built on first use. */
let tradTable: Uint16Array | null = null;
let tradTest: RegExp | null = null;
const COMMON_TRADITIONAL = '們這個為會對發經國時過還來實現與開關間點動體長區進產業報務設員標處導學問題機應當總議際類';

function foldTraditional(text: string): { text: string; hits: number } {
  // Most pages have no Traditional character at all. A short class of the
  // commonest Traditional-only characters decides that (a Traditional page
  // shows dozens of them in its opening); the full 221-character class costs
  // more to compile than the whole rest of detection.
  tradTest ??= new RegExp(`[${[...COMMON_TRADITIONAL].filter((c) => TRAD.includes(c)).join('')}]`);
  if (!tradTest.test(text)) return { text, hits: 0 };
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

let mojibakeRe: RegExp | null = null;
let mojibakeForms: Map<string, string> | null = null;
let mojibakeFormsRe: RegExp | null = null;

/** Share of characters that only occur in UTF-8 text mis-decoded as GBK. */
export function mojibakeDensity(text: string): number {
  mojibakeRe ??= new RegExp(`[${MOJIBAKE_ALPHABET}]`, 'g');
  return text.length ? (text.match(mojibakeRe)?.length ?? 0) / text.length : 0;
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
  let text = input.replace(ZERO_WIDTH, '');

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

  const unglossed = HAS_PAREN.test(text) ? text.replace(PINYIN_GLOSS, (gloss, at: number) => (at > 0 && isHan(text.charCodeAt(at - 1)) ? '' : gloss)) : text;
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
