/**
 * Numbered slogans written without quotes: 六稳六保, 两学一做, 三去一降一补 (numeral, character, numeral,
 * character …) and 五个必须, 两个大局 (N个X: attested by the corpus, or repeated in the text). They are marked as coined terms, for the reader to explain, unless
 * a glossary entry already covers them. Idioms of the same shape (一心一意, 千方百计) and counted nouns
 * (三个方面) are told apart by word lists built from jieba's dictionary and the corpus
 * (scripts/build-slogan-stoplists.ts), shipped with the built-in glossary.
 */
import { unquotedTerm, type CoinedTerm } from './coined';

const NUM = '一二三四五六七八九十两双';
/** A character that may follow a numeral in a slogan: not a numeral, measure word, date or function word. */
const PART = `[^${NUM}〇○零百千万亿半点月日号时分秒年岁个次项条种位批件代步是的到至和与及或等以为在有\\s\\d０-９，。、；：！？“”‘’「」『』（）《》()\\[\\]【】·—-]`;

/** Two to four numeral–character pairs. */
export const NUMBERED_SHAPE = new RegExp(`[${NUM}]${PART}(?:[${NUM}]${PART}){1,3}`);
/** N个X (N from two to ten, X not a number: 三个一百 counts hundreds) ending at a clause mark or closing quote; group 1 the numeral, group 2 X. */
export const COUNTED_SHAPE = new RegExp(`(?<![${NUM}〇零百千万第\\d])([二三四五六七八九十两])个((?![${NUM}〇零百千万亿])[\\u4e00-\\u9fff]{2,4}?)(?=[，。、；：！？”」』）)\\s]|$)`);

/**
 * N大X formulas (五大战略, 三大攻坚战, 十大工程, 六大产业基地) ending at a clause mark: the report counts its own
 * programmes. Not the Party congresses (十四大精神, 二十大以来: the meeting reader explains those).
 */
const BIG = /(?<![一二三四五六七八九十两百千万第\d])([二三四五六七八九十两]{1,2})大([\u4e00-\u9fff]{2,6}?)(?=[，。、；：！？”」』）)\s]|$)/g;
const CONGRESS_WORD = /^(?:精神|报告|以来|以后|召开|胜利|代表|闭幕|开幕|期间|提出|作出|部署|确定|强调|明确|描绘|擘画|和|与|及|后|上|的|前)/;

const NUMBERED = new RegExp(`(?<![${NUM}〇○零百千万亿第\\d])${NUMBERED_SHAPE.source}(?![${NUM}〇零百千万亿\\d个次年])`, 'g');
const COUNTED = new RegExp(COUNTED_SHAPE.source, 'g');

export interface SloganStoplists {
  ordinaryNumbered: ReadonlySet<string>;
  countedNouns: ReadonlySet<string>;
  /** N个X names the corpus attests as slogans; others count only when the text repeats them. */
  attestedCounted: ReadonlySet<string>;
}

/** Unquoted numbered slogans in `text`, as coined terms (key = the slogan itself). */
export function findNumberedSlogans(text: string, stop: SloganStoplists): CoinedTerm[] {
  const out: CoinedTerm[] = [];
  for (const m of text.matchAll(NUMBERED)) {
    const s = m[0];
    // Reduplication (一步一步, 一批一批) and idioms are ordinary; so is a slogan-shaped idiom plus a pair.
    if (s.length === 4 && s.slice(0, 2) === s.slice(2)) continue;
    if (stop.ordinaryNumbered.has(s) || stop.ordinaryNumbered.has(s.slice(0, 4)) || stop.ordinaryNumbered.has(s.slice(-4))) continue;
    if (stop.ordinaryNumbered.has(s.slice(0, 2))) continue; // 四川三大, 两岸双方: a place or position word first
    out.push(unquotedTerm(m.index!, s));
  }
  const counted: RegExpMatchArray[] = [];
  const times = new Map<string, number>();
  for (const m of text.matchAll(COUNTED)) {
    // 三个方面来看 is still 方面 counted; 八个多月 is a duration.
    if (/^[多余半]/.test(m[2]) || startsWithAny(m[2], stop.countedNouns)) continue;
    counted.push(m);
    times.set(m[0], (times.get(m[0]) ?? 0) + 1);
  }
  for (const m of counted) if (stop.attestedCounted.has(m[0]) || times.get(m[0])! >= 2) out.push(unquotedTerm(m.index!, m[0]));
  for (const m of text.matchAll(BIG)) {
    if (CONGRESS_WORD.test(m[2]) || startsWithAny(m[2], stop.countedNouns)) continue;
    out.push(unquotedTerm(m.index!, m[0]));
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whether `word` starts with one of `prefixes` (looked up by prefix, not by walking the set). */
function startsWithAny(word: string, prefixes: ReadonlySet<string>): boolean {
  for (let k = 1; k <= word.length; k++) if (prefixes.has(word.slice(0, k))) return true;
  return false;
}
