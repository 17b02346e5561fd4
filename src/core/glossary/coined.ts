/**
 * Coined terms: short quoted phrases (“三争”行动, “金砖+”, “一二三”战略规划) that behave like
 * slogans but have no glossary entry. They are returned with a null definition so the UI can
 * still mark them and let the user explain them.
 */

/** Words that commonly follow a quoted slogan and belong to its name. Longest first. */
export const SUFFIXES = [
  '战略规划', '专项行动', '攻坚行动', '系列活动', '工作法', '工作机制',
  '行动', '工程', '战略', '品牌', '模式', '计划', '改革', '机制', '体系', '规划', '活动', '项目', '理念', '格局',
  '行動', '戰略', '計劃', '機制', '體系', '規劃', '項目',
];

const MIN_LEN = 2;
const MAX_LEN = 12;

const OPEN_SEARCH = /[“"「『＂〝]/g;
const CLOSE = new Set([...'”"」』＂〞'].map((c) => c.charCodeAt(0)));
/** Longest span we look across for a closing quote; longer quotations are skipped whole. */
const MAX_QUOTE_SCAN = 400;

/** Sentence punctuation or spoken-language words: a quotation, not a term. */
const NOT_A_TERM = /[，。！？；：,;:!?…\s]|[我你您]|什么|什麼|吗|嗎|呢|吧|啊/;
const NUMBER_ONLY = /^[\d０-９.,，%％\-—~～]+$/;
/** A unit or date word after a quoted number makes it a quantity (“2000”元), not the name of a formula. */
const UNIT_AFTER = /[年月日号元个万亿千百次家人项条台%％倍吨亩米]/;
/**
 * Numerals, Latin letters or symbols mark a two-character quote as a slogan (“三争”, “五促”);
 * other two-character quotes are usually emphasis on an ordinary word (“人民”, “森林”), so they
 * only count when a name suffix follows (“鸿鹄”计划).
 */
const SLOGAN_MARK = /[零〇一二三四五六七八九十百千万两双兩雙0-9０-９A-Za-zＡ-Ｚａ-ｚ+＋×]/;

export interface CoinedTerm {
  start: number;
  end: number;
  /** The quoted content, used as the key. */
  key: string;
  /** Where the content itself starts/ends (inside the quotes). */
  innerStart: number;
  innerEnd: number;
}

/** A coined term written without quotes: the name is the whole span (六稳六保, 优质企业成长计划). */
export function unquotedTerm(start: number, name: string): CoinedTerm {
  return { start, end: start + name.length, key: name, innerStart: start, innerEnd: start + name.length };
}

/** Book titles are short: look back at most this far for an unclosed 《. */
const MAX_TITLE_LOOKBACK = 120;

function insideBookTitle(text: string, index: number): boolean {
  const stop = Math.max(0, index - MAX_TITLE_LOOKBACK);
  for (let i = index - 1; i >= stop; i--) {
    const ch = text.charCodeAt(i);
    if (ch === 0x300a /* 《 */) return true;
    if (ch === 0x300b /* 》 */ || ch === 10 /* \n */) return false;
  }
  return false;
}

function suffixAt(text: string, index: number): string | undefined {
  for (const suffix of SUFFIXES) if (text.startsWith(suffix, index)) return suffix;
  return undefined;
}

/**
 * Scans quotes pairwise (each closing quote ends its quotation, whatever its length) so that a long
 * quotation never lends its closing mark to the next one as an opening mark.
 */
export function findCoinedTerms(text: string): CoinedTerm[] {
  const out: CoinedTerm[] = [];
  // The regex engine finds the next opening quote far faster than a loop over every character.
  OPEN_SEARCH.lastIndex = 0;
  for (let found = OPEN_SEARCH.exec(text); found; found = OPEN_SEARCH.exec(text)) {
    const i = found.index;
    let close = -1;
    const limit = Math.min(text.length, i + 1 + MAX_QUOTE_SCAN);
    for (let j = i + 1; j < limit; j++) {
      const ch = text.charCodeAt(j);
      if (ch === 10 || ch === 13) break;
      if (CLOSE.has(ch)) {
        close = j;
        break;
      }
    }
    if (close < 0) continue;
    const innerStart = i + 1;
    const innerEnd = close;
    OPEN_SEARCH.lastIndex = close + 1; // continue after this quotation
    const inner = text.slice(innerStart, innerEnd);
    if (inner.length < MIN_LEN || inner.length > MAX_LEN) continue;
    // “1313”实验室体系, “1188”现代化产业体系: a quoted number naming what follows is a formula.
    const numberedName = /^\d{2,6}$/.test(inner) && /[\u4e00-\u9fff]/.test(text[close + 1] ?? '') && !UNIT_AFTER.test(text[close + 1]);
    // “万企出海 鲁贸全球”: a slogan of two halves parted by one space.
    const twoHalves = /^[\u4e00-\u9fff]{3,6}[ 　][\u4e00-\u9fff]{3,6}$/.test(inner);
    if (!numberedName && !twoHalves && (inner.trim() !== inner || NOT_A_TERM.test(inner) || NUMBER_ONLY.test(inner))) continue;
    if (inner.startsWith('、') || inner.endsWith('、')) continue;
    if (insideBookTitle(text, innerStart)) continue;
    const suffix = suffixAt(text, close + 1);
    if (inner.length === 2 && !suffix && !SLOGAN_MARK.test(inner)) continue;
    out.push({
      start: suffix ? innerStart - 1 : innerStart,
      end: suffix ? close + 1 + suffix.length : innerEnd,
      key: inner,
      innerStart,
      innerEnd,
    });
  }
  return out;
}
