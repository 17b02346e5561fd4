/**
 * Names of meetings and plans that follow a fixed numbering, read and explained by rule instead of one
 * entry each: Party congresses (二十大), Central Committee plenums (二十届三中全会), sessions of the National
 * People's Congress and of the CPPCC (十四届全国人大二次会议, 全国政协十四届二次会议) and five-year plans in
 * full (第十四个五年规划). The explanation is built from the numbers, with the year where the numbering
 * fixes it (a congress's year, an NPC session's year from its term). Entries of the glossary win where
 * they cover the same words (十一届三中全会 has its own).
 */
import { withoutOverlaps } from './spans';
import type { Term } from './types';

const DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 as written in these names (十四, 二十, 二十一). */
export function smallNumber(s: string): number {
  if (!s) return NaN;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? (DIGIT[s] ?? NaN) : NaN;
  const tens = ten === 0 ? 1 : DIGIT[s.slice(0, ten)];
  const units = ten === s.length - 1 ? 0 : DIGIT[s.slice(ten + 1)];
  return tens !== undefined && units !== undefined && s.length <= 3 ? tens * 10 + units : NaN;
}

/** Month and year each Party congress opened (the 12th in 1982 onwards; earlier ones are not in the reports' recent vocabulary). */
const CONGRESS: Record<number, [number, number]> = {
  12: [1982, 9], 13: [1987, 10], 14: [1992, 10], 15: [1997, 9], 16: [2002, 11], 17: [2007, 10], 18: [2012, 11], 19: [2017, 10], 20: [2022, 10],
};
/** First year of each National People's Congress (and CPPCC National Committee); its Nth session meets in March of year + N − 1. */
const NPC_FIRST_YEAR: Record<number, number> = { 6: 1983, 7: 1988, 8: 1993, 9: 1998, 10: 2003, 11: 2008, 12: 2013, 13: 2018, 14: 2023, 15: 2028 };
/** The years of the five-year plans from the sixth (1981–1985) on. */
const PLAN_FIRST_YEAR = (n: number) => (n >= 6 && n <= 15 ? 1981 + (n - 6) * 5 : undefined);

const N = '[一二三四五六七八九十]{1,3}';
const S = '[一二三四五六七八九]';
/** Words after 二十大 that show it names the congress (二十大精神), not twenty big things (二十大产业). */
const CONGRESS_AFTER = '(?=精神|报告|以来|召开|胜利|代表|和|、|，|。|；|提出|作出|部署|确定|强调|明确|描绘|擘画|后|上|的|”|$)';

const PATTERNS: { re: RegExp; read: (m: RegExpExecArray, party: boolean) => Omit<Term, 'start' | 'end' | 'text'> | null }[] = [
  {
    // 二十大 / 十八大 (党的 or 中共 before it is taken in by findNumberedMeetings). The pattern starts with
    // the numeral class so the regex engine skips ahead fast.
    re: new RegExp(`(${N})大${CONGRESS_AFTER}`, 'g'),
    read: (m, party) => {
      const n = smallNumber(m[1]);
      const at = CONGRESS[n];
      if (!at || (!party && n < 15)) return null; // 十二大重点产业
      return meeting(`中共${m[1]}大`, `中国共产党第${m[1]}次全国代表大会，${at[0]}年${at[1]}月召开。`, `the ${ordinal(n)} CPC National Congress`, `The ${ordinal(n)} National Congress of the Communist Party of China, held in ${month(at[1])} ${at[0]}.`, at[0]);
    },
  },
  {
    // 二十届三中全会 / 十九届六中全会 / 二十届二中、三中全会
    re: new RegExp(`(${N})届((?:${S}中、)*${S})中全会`, 'g'),
    read: (m) => {
      const n = smallNumber(m[1]);
      const ks = m[2].split('中、').map(smallNumber);
      if (!(n >= 11 && n <= 21) || ks.some((k) => !(k >= 1 && k <= 9))) return null;
      const zh = m[2].split('中、').map((k) => `第${k}次`).join('、');
      const en = ks.map(ordinal).join(' and ');
      const key = ks.length === 1 ? `${m[1]}届${m[2]}中全会` : m[0];
      return meeting(key, `中国共产党第${m[1]}届中央委员会${zh}全体会议。`, `the ${en} plenary session${ks.length > 1 ? 's' : ''} of the ${ordinal(n)} CPC Central Committee`, `The ${en} plenary session${ks.length > 1 ? 's' : ''} of the ${ordinal(n)} Central Committee of the Communist Party of China.`);
    },
  },
  {
    // 十四届全国人大二次会议 / 第十四届全国人民代表大会第二次会议
    re: new RegExp(`第?(${N})届全国(?:人大|人民代表大会)第?(${S})次(?:全体)?会议`, 'g'),
    read: (m) => session('全国人民代表大会', 'National People’s Congress', m[1], m[2]),
  },
  {
    // 全国政协十四届二次会议 / 政协第十四届全国委员会第二次会议
    re: new RegExp(`(?:全国政协第?(${N})届第?(${S})次会议|政协第(${N})届全国委员会第(${S})次会议)`, 'g'),
    read: (m) => session('中国人民政治协商会议全国委员会', 'National Committee of the Chinese People’s Political Consultative Conference', m[1] ?? m[3], m[2] ?? m[4]),
  },
  {
    // 第十四个五年规划 / 第七个五年计划
    re: new RegExp(`第(${N})个五年(规划|计划)`, 'g'),
    read: (m) => {
      const n = smallNumber(m[1]);
      const first = PLAN_FIRST_YEAR(n);
      if (first === undefined) return null;
      const kind = m[2];
      return meeting(`第${m[1]}个五年${kind}`, `国民经济和社会发展第${m[1]}个五年${kind}，${first}—${first + 4}年。`, `the ${ordinal(n)} Five-Year Plan`, `The ${ordinal(n)} Five-Year Plan for economic and social development, ${first}–${first + 4}.`, undefined, 'programme');
    },
  },
];

function session(body: string, bodyEn: string, termText: string, sessionText: string): Omit<Term, 'start' | 'end' | 'text'> | null {
  const n = smallNumber(termText);
  const k = smallNumber(sessionText);
  const first = NPC_FIRST_YEAR[n];
  if (first === undefined || !(k >= 1 && k <= 5)) return null;
  const year = first + k - 1;
  return meeting(
    `第${termText}届${body}第${sessionText}次会议`,
    `第${termText}届${body}第${sessionText}次会议，${year}年3月在北京召开。`,
    `the ${ordinal(k)} session of the ${ordinal(n)} ${bodyEn}`,
    `The ${ordinal(k)} session of the ${ordinal(n)} ${bodyEn}, held in March ${year}.`,
    year,
  );
}

function meeting(key: string, definition: string, en: string, gloss: string, since?: number, category: Term['category'] = 'meeting'): Omit<Term, 'start' | 'end' | 'text'> {
  const t: Omit<Term, 'start' | 'end' | 'text'> = { key, definition, source: 'builtin', en, gloss, category };
  if (since) t.since = since;
  return t;
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${s}`;
}

function month(m: number): string {
  return ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1];
}

/** Numbered meetings and plans in `text`, explained; sorted by start, not overlapping. */
export function findNumberedMeetings(text: string): Term[] {
  const out: Term[] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // A numeral right before is part of another number (三十九大 is not 九大).
      if (/[一二三四五六七八九十百千\d]/.test(text[m.index - 1] ?? '')) continue;
      const before = text.slice(Math.max(0, m.index - 2), m.index);
      const party = before === '党的' || before === '中共';
      const known = read(m, party);
      const start = party && re === PATTERNS[0].re ? m.index - 2 : m.index;
      if (known) out.push({ start, end: m.index + m[0].length, text: text.slice(start, m.index + m[0].length), ...known });
    }
  }
  return withoutOverlaps(out);
}
