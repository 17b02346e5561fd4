import { isSyllable, readingsOf, stripTone } from './readings';

/** Letters that can appear in a written pinyin syllable (tone marks included). */
const PINYIN_CHARS = 'a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ';
/** One parenthesised group, ASCII or full-width parens, holding 1–4 lowercase syllables. */
export const GROUP_RE = new RegExp(`[(（]\\s*([${PINYIN_CHARS}][${PINYIN_CHARS}1-5:' ]{0,27})\\s*[)）]`, 'y');

const isHan = (ch: string) => /\p{Script=Han}/u.test(ch);

/**
 * Splits group content into syllables: by spaces/apostrophes where written,
 * otherwise by a left-to-right split preferring the longest syllable that
 * leaves a valid remainder.
 */
type Split = { syllables: string[]; toned: boolean } | null;
/** Annotations repeat a lot on one page (的(de), 區(qū)): remember recent splits. */
const memo = new Map<string, Split>();

export function splitSyllables(content: string): Split {
  let hit = memo.get(content);
  if (hit === undefined) {
    if (memo.size > 4096) memo.clear();
    hit = computeSplit(content);
    memo.set(content, hit);
  }
  return hit;
}

function computeSplit(content: string): Split {
  const parts = content.trim().split(/[\s']+/);
  const out: string[] = [];
  let toned = false;
  for (const part of parts) {
    // A tone digit ends a syllable: "jing1ji4" → jing1 ji4.
    for (const piece of part.match(/[^1-5]+[1-5]?/g) ?? []) {
      const s = stripTone(piece);
      toned ||= s.toned;
      const split = segment(s.text);
      if (!split) return null;
      out.push(...split);
    }
  }
  return out.length && out.length <= 4 ? { syllables: out, toned } : null;
}

function segment(s: string): string[] | null {
  if (s === '') return [];
  for (let n = Math.min(6, s.length); n >= 1; n--) {
    const head = s.slice(0, n);
    if (!isSyllable(head)) continue;
    const rest = segment(s.slice(n));
    if (rest) return [head, ...rest];
  }
  return null;
}

/**
 * If text[pos] opens a pinyin annotation for the Han characters just before
 * `anchor` (pos itself, or the start of earlier annotations of the same
 * characters), returns its end and whether tones were written. The k
 * syllables must be readings of the k Han characters preceding `anchor`.
 */
export function matchAnnotation(text: string, pos: number, anchor = pos): { end: number; toned: boolean } | null {
  GROUP_RE.lastIndex = pos;
  const m = GROUP_RE.exec(text);
  if (!m) return null;
  const split = splitSyllables(m[1]);
  if (!split) return null;
  const chars = hanBefore(text, anchor, split.syllables.length);
  if (!chars) return null;
  for (let i = 0; i < chars.length; i++) if (!readingsOf(chars[i]).includes(split.syllables[i])) return null;
  return { end: pos + m[0].length, toned: split.toned };
}

/** The `n` characters before `pos`, if they are all Han. */
function hanBefore(text: string, pos: number, n: number): string[] | null {
  const out: string[] = [];
  let i = pos;
  while (out.length < n) {
    if (i <= 0) return null;
    const code = text.charCodeAt(i - 1);
    const width = code >= 0xdc00 && code <= 0xdfff && i >= 2 ? 2 : 1;
    const ch = text.slice(i - width, i);
    if (!isHan(ch)) return null;
    out.unshift(ch);
    i -= width;
  }
  return out;
}
