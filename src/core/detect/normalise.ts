/**
 * Light normalisation of a page sample before scoring, so damaged copies of a
 * report still show their key words. Not a repair: it only has to make the
 * keyword and density signals fire, and it must stay cheap (content script).
 */
import { MOJIBAKE_ALPHABET, MOJIBAKE_FORMS, SPINNER_FORMS, SIMP, TRAD } from './tables';
import type { DamageKind } from './types';

const HAN = '\u3400-\u4dbf\u4e00-\u9fff';
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Inline pinyin glosses right after a Han character: 擴(kuò), 穩（wěn）, 长(zhang3). */
const PINYIN_GLOSS = new RegExp(`(?<=[${HAN}])[(（][a-zà-üā-ǜ]{1,6}[1-5]?[)）]`, 'g');
const HAS_PAREN = /[(（]/;
/** Letter spacing: blanks (not newlines) between two Han characters. */
const HAN_SPACING = new RegExp(`(?<=[${HAN}])[ \\t\\u00a0\\u3000]+(?=[${HAN}])`, 'g');

const HAN_BASE = 0x3400;
let tradTest: RegExp | null = null;
/** Simplified code unit per Han code unit (0 = unchanged), built on first use. */
let tradTable: Uint16Array | null = null;

function foldTraditional(text: string): { text: string; hits: number } {
  tradTest ??= new RegExp(`[${TRAD}]`);
  if (!tradTest.test(text)) return { text, hits: 0 };
  if (!tradTable) {
    tradTable = new Uint16Array(0xa000 - HAN_BASE);
    for (let i = 0; i < TRAD.length; i++) tradTable[TRAD.charCodeAt(i) - HAN_BASE] = SIMP.charCodeAt(i);
  }
  // A code-unit loop: a regex with a replacer callback costs ~10x more on a
  // page where a third of the characters are Traditional.
  const out = new Uint16Array(text.length);
  let hits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const s = c >= HAN_BASE && c < 0xa000 ? tradTable[c - HAN_BASE] : 0;
    if (s) hits++;
    out[i] = s || c;
  }
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

  const unglossed = HAS_PAREN.test(text) ? text.replace(PINYIN_GLOSS, '') : text;
  if (unglossed.length !== text.length) damage.push('pinyin');
  text = unglossed;

  const unspaced = text.replace(HAN_SPACING, '');
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
