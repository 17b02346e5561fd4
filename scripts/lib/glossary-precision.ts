/**
 * The precision rules of scripts/import-glossary.ts, apart so they can be tested: whether a checked entry
 * passed, and whether a spelling cuts across a word of ordinary prose (jieba's dictionary and cut).
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

export const REJECTED = /^(?:reject|rejected|drop|dropped|wrong|fail|failed|no|false)$/i;

export function passed(d: { ok?: boolean; verdict?: string; status?: string }): boolean {
  if (d.ok === false) return false;
  for (const v of [d.verdict, d.status]) if (typeof v === 'string' && REJECTED.test(v.trim())) return false;
  return true;
}

const jieba = Jieba.withDict(dict);
export const wordFreq = new Map<string, number>();
for (const line of Buffer.from(dict).toString('utf8').split('\n')) {
  const [word, freq] = line.split(' ');
  if (word && word.length >= 3) wordFreq.set(word, Number(freq) || 0);
}

/**
 * The longer word that cuts across the spelling at [s, e) of `text`: a token of jieba's cut that overlaps it
 * only in part (地图 of 标准|地图 against 标准地), joined with it. A token holding the whole spelling is a
 * compound of it (深化改革开放, 澳门特别行政区) and cuts nothing.
 */
export function crossingWord(text: string, s: number, e: number): string | null {
  let a = 0;
  let from = s;
  let to = e;
  for (const token of jieba.cut(text, false)) {
    const b = a + token.length;
    // The token's part inside the spelling and its part outside: when both are words of two or more
    // characters (推进|改革 against 改革开放), the token is a compound and its seam a real boundary.
    const cut = a < s ? s : e;
    const seamOk = cut - a >= 2 && b - cut >= 2;
    if (((a < s && b > s && b < e) || (a > s && a < e && b > e)) && !seamOk) {
      from = Math.min(from, a);
      to = Math.max(to, b);
    }
    a = b;
  }
  return from === s && to === e ? null : text.slice(from, to);
}

/**
 * An ordinary word holding the spelling in another sense: one character stands before it (步兵团 for 兵团,
 * 平稳增长 for 稳增长) or, after a two-character spelling, after it (相关税收 for 关税); or jieba cuts across it.
 * A longer spelling followed by one character is a derivative of the same thing (赤字率, 财政包干制).
 */
export function dictionaryCrossing(word: string, form: string): boolean {
  const at = word.indexOf(form);
  const before = at;
  const after = word.length - at - form.length;
  if (before === 1 || (form.length <= 2 && after === 1)) return true;
  return crossingWord(word, at, at + form.length) !== null;
}

