// The figure scanner: one compiled regex walked once over the text, plus local checks at each match.
import type { Figure, FigureKind } from './types';
import { CN_NUM_CHARS, parseArabic, parseChinese, parseNumeral } from './numerals';
import { UNIT_WORD_STARTS, ORDINAL_NOUNS, PREFIX_QUALIFIERS, RANK_CUES, RANK_SCOPE_NOUNS, RANK_SCOPES, SLOGAN_FOLLOWERS, UNITS, UNIT_PATTERN } from './lexicon';
import { SpanCursor, maskedSpans } from './masks';

/** A figure before context (target, subject, change) is filled in. */
export type RawFigure = Omit<Figure, 'target'>;

// Full-width digits and point (７７．７) are accepted as well: some sources keep them.
// Thousands separators only when the groups end cleanly (1/3,2024年 is a ratio and a year, not 3,202).
const AR = String.raw`\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?|[\d０-９]+(?:[.．][\d０-９]+)?`;
const CN = `[${CN_NUM_CHARS}]+(?:点[零〇一二三四五六七八九]+)?`;
const MONTH = String.raw`(?:1[0-2]|0?[1-9])`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])`;
// Years in full-width digits (１９８３年) and in Chinese digits, zero written 〇, ○, 零 or 0 (一九八○年, 二0一0年).
const YEAR4 = String.raw`(?:19|20|１９|２０)[\d０-９]{2}`;
const CN_YEAR = String.raw`[一二][〇○零一二三四五六七八九0０]{3}`;

// Order matters: dates and fractions before plain quantities, ranks before 第N as a count.
// The leading lookahead lets the engine reject most positions with one character-class test.
const MASTER = new RegExp(
  `(?=[\\d０-９${CN_NUM_CHARS}第前半翻首榜减])(?:` +
  [
    String.raw`(?<iso>${YEAR4}[-/.]${MONTH}[-/.]${DAY})(?![\d:])`,
    String.raw`(?<yrange>${YEAR4}[-—–~至到]${YEAR4}年)`,
    String.raw`(?<ymd>(?:${YEAR4}|${CN_YEAR})年(?:${MONTH}月(?:${DAY}日)?)?)`,
    String.raw`(?<yy>\d{2}年)(?=以来|来|初|底|末)`,
    String.raw`(?<mrange>${MONTH}月?[-—–~至到]${MONTH}月)`,
    String.raw`(?<md>${MONTH}月(?:${DAY}日)?)`,
    String.raw`(?<pct>百分之(?:${AR}|${CN})(?:[至到](?:百分之)?(?:${AR}|${CN}))?)`,
    String.raw`(?<frac>(?:${AR})/(?:${AR})|(?:${AR}|${CN})分之(?:${AR}|${CN}))`,
    String.raw`(?<half>半数|一半|减半)`,
    String.raw`(?<fan>翻(?:了)?(?:[一两二三四五]|\d)番|翻番)`,
    String.raw`(?<first>首位|榜首)`,
    String.raw`(?<two>两位数)`,
    String.raw`(?<streak>(?:${AR}|${CN})连(?:冠|增|丰|胜|涨|稳|优|升|降|跌|中))`,
    String.raw`(?<nth>第(?:${AR}|${CN})(?:位|名)?(?:方阵|梯队)?)`,
    String.raw`(?<top>前(?:${AR}|${CN})(?:强|名|位)?)`,
    String.raw`(?<num>${AR}|${CN})(?:(?<rsep>[至到~～—–-])(?<num2>${AR}|${CN}))?(?<approx>余|多)?(?<mag>万亿|千亿|百亿|千万|百万|十万|亿|万|千|百)?(?<approx2>多|余)?(?![伏瓦])(?<unit>${UNIT_PATTERN})?(?<suf>以上|以下|左右|以内|上下)?`,
  ].join('|') + ')',
  'g', // all characters involved are in the BMP, so no 'u' flag (it slows the scan down)
);

const MAGNITUDE: Record<string, number> = { 万亿: 1e12, 千亿: 1e11, 百亿: 1e10, 千万: 1e7, 百万: 1e6, 十万: 1e5, 亿: 1e8, 万: 1e4, 千: 1e3, 百: 1e2 };
const METRIC_ABBR = new Set(['GDP', 'CPI', 'PPI', 'PMI', 'GNP']);
const CJK_NUM = new RegExp(`^[${CN_NUM_CHARS}]+$`);
const ONLY_MAGNITUDE = /^[百千万亿]+$/;
const ASCII_LETTER = /[A-Za-z]/;
const PEOPLE_AFTER = /^[^，,；;。]{0,4}?(?:人口|人|户|群众|居民|职工|农民|学生|企业|家庭|名)/;
// Not 国家 alone: 国家二级标准 is a grade.
const LEVELS_BEFORE = /(?:省|市|县|乡|镇|村|区|组|地方|街道|社区)、?$/;
const METRIC_BEFORE = /(?:指数|系数|得分|评分|分值|比值|为|达)$/;

/** What a size class of money (千亿县, 万亿城市, 千亿产业集群) qualifies: places, industries, firms, projects. */
const SIZE_CLASS_NOUNS = /^(?:县|市|区|城|省|镇|新兴产业|产业|集群|企业|园区|板块|行业|链|基地|项目|工程|强县|大县)/;

/** Scopes of top-N lists that are not place scopes: 中国企业500强, 民营企业500强. */
const TOP_LIST_SCOPE = /(?:中国|企业|世界)$/;

/** 放在首位, 摆在第一位: words that make first place a priority rather than a ranking. */
const PUT_FIRST = /(?:放在|摆在|置于|放到|摆到)$/;

/** Qualifiers that make a bare magnitude a figure: 超千万元, 近万家, 突破万亿. */
const HEDGES = /超|近|约|逾|突破|达|上|数|几|过/;

/** Whether a hedging qualifier ends at pos. */
function hedgedBefore(text: string, pos: number): boolean {
  const qual = qualifierBefore(text, pos) ?? vagueBefore(text, pos);
  return Boolean(qual && HEDGES.test(qual));
}

/** Prefix qualifier ending exactly at pos (longest wins). */
export function qualifierBefore(text: string, pos: number): string | undefined {
  for (const q of PREFIX_QUALIFIERS) {
    if (pos >= q.length && text.startsWith(q, pos - q.length)) return q;
  }
  return undefined;
}

/**
 * An Arabic number glued to letters or code punctuation is part of an identifier
 * (XM02100-0301-2025-00001, K11-SELECT, 4S店, 8#地块) or a time (15:26).
 */
function isCodeLike(text: string, start: number, end: number, unitIsLetters: boolean): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  if (ASCII_LETTER.test(before)) {
    let k = start - 1;
    while (k > 0 && ASCII_LETTER.test(text[k - 1])) k--;
    if (!METRIC_ABBR.has(text.slice(k, start).toUpperCase())) return true;
  }
  if ((before === '-' || before === '_' || before === '.' || before === '#') && /[A-Za-z0-9]/.test(text[start - 2] ?? '')) return true;
  if ((before === ':' || before === '：') && /\d/.test(text[start - 2] ?? '')) return true;
  if (!unitIsLetters && ASCII_LETTER.test(after)) return true;
  if ((after === ':' || after === '：') && /\d/.test(text[end + 1] ?? '')) return true;
  if (after === '#' || after === '·' || after === '_') return true;
  if (after === '-' && /[A-Za-z0-9]/.test(text[end + 1] ?? '')) return true;
  return false;
}

/** 上千万, 数十万, 几十, 过千亿: a vague numeral or 过 before a Chinese magnitude; a qualifier, not part of the figure. */
function vagueBefore(text: string, pos: number): string | undefined {
  const ch = text[pos - 1];
  if (ch !== '上' && ch !== '数' && ch !== '几' && ch !== '过') return undefined;
  // Only before a magnitude (上千, 几十, 数百), not 以上十条 or 世界上一百二十五个; 十几亿 is another number.
  if (!'十百千万亿'.includes(text[pos] ?? '.')) return undefined;
  const before = text[pos - 2] ?? '';
  if ((ch === '上' && '以之'.includes(before || '.')) || (before && CN_NUM_CHARS.includes(before))) return undefined;
  if (ch === '过' && '通经超越度跨错难'.includes(before || '.')) return undefined; // 通过, 经过: not 过千亿
  return ch;
}

/** Where a rank's scope starts: 全省第四, 全球城市首位, 全省县域第五 (a scope word, then at most one kind of place). */
function rankScopeStart(text: string, start: number): number {
  const scopeEndingAt = (p: number) => RANK_SCOPES.find((s) => p >= s.length && text.startsWith(s, p - s.length));
  const direct = scopeEndingAt(start);
  if (direct) return start - direct.length;
  for (const noun of RANK_SCOPE_NOUNS) {
    if (!text.startsWith(noun, start - noun.length)) continue;
    const scope = scopeEndingAt(start - noun.length);
    if (scope) return start - noun.length - scope.length;
  }
  return start;
}

function hasRankCue(text: string, start: number): boolean {
  const window = text.slice(Math.max(0, start - 8), start);
  return RANK_CUES.some((c) => window.includes(c));
}

function sloganFollows(text: string, end: number, unit: string): boolean {
  const words = SLOGAN_FOLLOWERS[unit];
  if (!words) return false;
  let k = end;
  while (k < text.length && k < end + 4 && /\s/.test(text[k])) k++; // 人大三次\n会议 split by layout
  return words.some((w) => text.startsWith(w, k));
}

function make(text: string, start: number, end: number, kind: FigureKind, value: number | null, unit: string, extra: Partial<RawFigure> = {}): RawFigure {
  // Round away binary noise (41.3 × 1e8 = 4129999999.9999995).
  const v = value === null || Number.isInteger(value) ? value : Number(value.toPrecision(12));
  return { start, end, text: text.slice(start, end), kind, value: v, unit, ...extra };
}

/** Scan the text for quantity expressions. Context-free: targets and subjects are added later. */
export function scanFigures(text: string): RawFigure[] {
  const out: RawFigure[] = [];
  const masks = new SpanCursor(maskedSpans(text));
  // A bare number followed by 、 waits for the next figure to lend it a unit (提升4.5、2.4个百分点).
  let pending: { start: number; end: number; value: number; gap: number } | null = null;
  MASTER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MASTER.exec(text))) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].length === 0) {
      MASTER.lastIndex++;
      continue;
    }
    const g = m.groups!;
    // A streak quoted on its own stays a figure (实现“二十二连丰”): a record, not the name of a plan.
    const quotedStreak = !!g.streak && text[start - 1] === '“' && text[end] === '”';
    if (masks.contains(start) && !quotedStreak) {
      pending = null;
      continue;
    }
    const fig = classify(text, m, g, start, end);
    // 提前3个月, 前1%, 5年前1.5个百分点: not a rank or a period, but 前 before a quantity (a rank is never a
    // fraction); read the number again on its own.
    if (fig === null && g.top && (text[start - 1] === '提' || /^[%％]|^个?百分点/.test(text.slice(end)) || /[.．]/.test(m[0]))) {
      MASTER.lastIndex = start + 1;
      pending = null;
      continue;
    }
    if (typeof fig === 'number') {
      pending = { start, end, value: parseNumeral(g.num!), gap: fig };
      continue;
    }
    if (fig) {
      if (pending && pending.end + pending.gap === fig.start && fig.unit && fig.kind !== 'date' && fig.kind !== 'rank') {
        const scale = fig.value !== null && g.num ? fig.value / parseNumeral(g.num) : 1;
        out.push(make(text, pending.start, pending.end, fig.kind, pending.value * (Number.isFinite(scale) ? scale : 1), fig.unit));
      }
      const last = out[out.length - 1];
      if (last && isRange(text, last, fig)) mergeRange(text, last, fig);
      else out.push(fig);
    }
    pending = null;
  }
  return out;
}

/** 7%至8%, 6.5%－7%: two figures of one unit joined by a range mark are one range. */
const RANGE_MARKS = '-－—–~～至到';
function isRange(text: string, a: RawFigure, b: RawFigure): boolean {
  return (
    b.start === a.end + 1 && RANGE_MARKS.includes(text[a.end]) && a.kind === b.kind && a.unit === b.unit &&
    a.kind !== 'date' && a.kind !== 'rank' && a.valueMax === undefined && a.value !== null && b.value !== null && b.value > a.value
  );
}

function mergeRange(text: string, a: RawFigure, b: RawFigure): void {
  a.end = b.end;
  a.text = text.slice(a.start, a.end);
  a.valueMax = b.valueMax ?? b.value!;
  if (b.qualifier) a.qualifier = b.qualifier;
}

const CN_YEAR_DIGITS: Record<string, string> = { '〇': '0', '○': '0', 零: '0', '０': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** The year a date starts with, whatever digits it is written in. */
function yearOf(date: string): number | undefined {
  const digits = [...date.slice(0, 4)].map((c) => (c >= '0' && c <= '9' ? c : c >= '０' && c <= '９' ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : CN_YEAR_DIGITS[c])).join('');
  return /^(?:19|20)\d{2}$/.test(digits) ? Number(digits) : undefined;
}

/** A number returned by classify means "bare number waiting for a unit from the figure this many chars later". */
function classify(text: string, m: RegExpExecArray, g: Record<string, string | undefined>, start: number, end: number): RawFigure | number | null {
  if (g.iso || g.yrange || g.ymd || g.yy || g.mrange || g.md) {
    if (isCodeLike(text, start, end, false)) return null;
    const year = yearOf(m[0]);
    return make(text, start, end, 'date', year ?? null, year ? '年' : '');
  }
  if (g.pct) {
    // 百分之八至九, 百分之七到百分之八: a range, both ends in percent.
    const [lo, hi] = m[0].slice(3).split(/[至到](?:百分之)?/).map(parseNumeral);
    if (!Number.isFinite(lo)) return null;
    const f = make(text, start, end, 'percent', lo, '%');
    if (hi !== undefined && Number.isFinite(hi) && hi > lo) f.valueMax = hi;
    return withSuffix(text, f);
  }
  if (g.frac) {
    const parts = m[0].includes('/') ? m[0].split('/') : m[0].split('分之').reverse();
    const [num, den] = parts.map(parseNumeral);
    if (m[0].includes('/') && isCodeLike(text, start, end, false)) return null;
    if (!Number.isFinite(num) || !Number.isFinite(den) || den === 0) return null;
    return withSuffix(text, make(text, start, end, 'ratio', num / den, ''));
  }
  // 减半 (减半征收, 减半收取): the amount is halved, as 翻一番 doubles it.
  if (g.half) return withSuffix(text, make(text, start, end, 'ratio', 0.5, ''));
  if (g.fan) {
    // 翻一番 doubles, 翻两番 quadruples: the value is the multiple, in 倍.
    const times = m[0] === '翻番' ? 1 : parseNumeral(m[0].replace(/^翻了?|番$/g, ''));
    return Number.isFinite(times) ? make(text, start, end, 'ratio', 2 ** times, '倍') : null;
  }
  if (g.first) {
    // 首位 (榜首) is first place only after a ranking word or scope (居全国首位, 全球城市首位, 全球榜首), not 把…放在首位.
    const s = rankScopeStart(text, start);
    if (s === start && !hasRankCue(text, start)) return null;
    if (PUT_FIRST.test(text.slice(Math.max(0, start - 3), start))) return null;
    return make(text, s, end, 'rank', 1, '');
  }
  if (g.two) return withSuffix(text, make(text, start, end, 'percent', null, '%'));
  if (g.streak) {
    // 九连增, 十一连冠, 5连增: a run of that many years (or seasons) in a row.
    const v = parseNumeral(m[0].slice(0, m[0].indexOf('连')));
    return Number.isFinite(v) && v >= 2 ? make(text, start, end, 'count', v, '连') : null;
  }
  if (g.nth) {
    if (text[start - 1] === '翻') return null;
    // 把安全放在第一位: a priority, not a ranking.
    if (PUT_FIRST.test(text.slice(Math.max(0, start - 3), start))) return null;
    const body = m[0].slice(1).replace(/[位名]?(?:方阵|梯队)?$/, '');
    const v = parseNumeral(body);
    const next = text[end] ?? '';
    if (!Number.isFinite(v)) return null;
    // 全国第三个, 北方第一个 (…城市, …省份): with its scope word right before it, 第N个 ranks the place.
    if (next === '个' && rankScopeStart(text, start) < start) return make(text, rankScopeStart(text, start), end + 1, 'rank', v, '');
    // 第54位 / 第一方阵 / 第一梯队 are ranks by form; a bare 第一 needs a ranking word nearby (全市第一, 排名第四)
    // and must end the phrase (第一批, 第二届, 第三方 are ordinals).
    const explicit = /[位名]$|方阵$|梯队$/.test(m[0]);
    // 第二大经济体, 第一大产业: the N-th largest, a rank whatever follows.
    const largest = next === '大' && /[\u4e00-\u9fff]/.test(text[end + 1] ?? '');
    if (!explicit && !largest) {
      if ((next && ORDINAL_NOUNS.includes(next)) || !hasRankCue(text, start)) return null;
      // 全球第一货物贸易大国: with its scope word right before it, 第N before a noun still ranks (not 全国第一批).
      if (/[\u4e00-\u9fff]/.test(next) && !'、的和与'.includes(next) && rankScopeStart(text, start) === start) return null;
    }
    const s = rankScopeStart(text, start);
    return make(text, s, end, 'rank', v, '');
  }
  if (g.top) {
    const body = m[0].slice(1).replace(/[强名位]$/, '');
    const v = parseNumeral(body);
    const next = text[end] ?? '';
    if (!Number.isFinite(v) || v < 2) return null;
    // 前三季度, 前10个月 are periods; a rank ends the phrase.
    if (!/[强名位]$/.test(m[0]) && /[\u4e00-\u9fffA-Za-z0-9]/.test(next)) return null;
    const s = rankScopeStart(text, start);
    return make(text, s, end, 'rank', v, '');
  }
  return classifyQuantity(text, g, start, end);
}

function withSuffix(text: string, f: RawFigure): RawFigure {
  for (const s of ['以上', '以下', '左右', '以内', '上下']) {
    if (text.startsWith(s, f.end)) {
      f.end += s.length;
      f.text = text.slice(f.start, f.end);
      f.qualifier = s;
    }
  }
  return f;
}

function classifyQuantity(text: string, g: Record<string, string | undefined>, start: number, end: number): RawFigure | number | null {
  const num = g.num!;
  const isCN = CJK_NUM.test(num.replace('点', ''));
  let unitKey = g.unit;
  const mag = g.mag;
  // 级 counts levels only after the levels themselves (省市县三级, 国家、省、市三级); elsewhere it is a grade
  // (三级医院, 5A级) or a scale (千亿级), which the checks below read from the text after the number.
  if (unitKey === '级' && !LEVELS_BEFORE.test(text.slice(Math.max(0, start - 4), start))) {
    end -= unitKey.length + (g.suf?.length ?? 0);
    unitKey = undefined;
    g = { ...g, unit: undefined, suf: undefined };
  }
  // A one-character unit that starts a longer word (3家庭, 零部件, 人民币) is not a unit here.
  // …unless a trailing qualifier follows it: 200所以上 is 200 schools or more, not 200 + 所以.
  if (unitKey && unitKey.length === 1 && !g.suf) {
    const after = text[end] ?? '';
    if (after && UNIT_WORD_STARTS[unitKey]?.includes(after)) {
      end -= unitKey.length;
      unitKey = undefined;
      g = { ...g, unit: undefined };
    }
  }
  let value = isCN ? parseChinese(num) : parseArabic(num);
  let hedged = false;
  if (!Number.isFinite(value)) return null;
  if (!isCN && isCodeLike(text, start, start + num.length + (g.num2 ? 1 + g.num2.length : 0), unitKey === 'P' || unitKey === 'TEU')) return null;

  if (isCN) {
    // Measure words that follow 一/三 as ordinary words (一列, 三本) count only after digits, or after a
    // hedged bare magnitude (超万列, 近千本).
    // …or after 两, which is always a quantity (分两批, 两起).
    if (unitKey && UNITS[unitKey].arabicOnly && num !== '两' && !(ONLY_MAGNITUDE.test(num) && hedgedBefore(text, start))) return null;
    // 十一届十次全会, 十届人大三次: a Chinese numeral after 届 numbers a session.
    if (text[start - 1] === '届') return null;
    if (/^[零〇]/.test(num)) return null; // 零部件, 〇 alone: never a count
    // 一 is nearly always a word (一批, 一张蓝图, 一是); counts of one are written 1个.
    // …but 提前一年 (a year early) is a duration. Tested last: this line sees every Chinese numeral.
    if (num === '一' && !mag && unitKey !== '倍' && !((unitKey === '年' || unitKey === '个月') && text.endsWith('提前', start))) return null;
    // 千亿县, 过千亿新兴产业, 万亿城市: 百亿, 千亿 and 万亿 before a noun are size classes of money, like 千亿级.
    const sizeClass = /^(?:百亿|千亿|万亿)$/.test(num) && !unitKey && SIZE_CLASS_NOUNS.test(text.slice(end, end + 4));
    const scaleFollows = sizeClass || /^(?:规模|级|产业)/.test(text.slice(end, end + 2));
    // Bare magnitudes (百万干部, 千名老人, 万人以上) are figures only when hedged (超千万元, 近万家) or 千亿规模.
    // …and when a trailing qualifier ends the phrase (千亩以上。), unlike a size class (亿元以上项目).
    // Read only now: Chinese numerals are everywhere (一是, 三农), and most are gone by here.
    hedged = hedgedBefore(text, start) || Boolean((g.suf || g.approx || g.approx2) && !/[\u4e00-\u9fff]/.test(text[end] ?? ''));
    // 亿元以上项目, 万吨级码头, 万亿斤以上: a bare magnitude with a unit and 以上 or 级 is a size threshold, a figure.
    const threshold = ONLY_MAGNITUDE.test(num) && !!unitKey && (g.suf === '以上' || (!g.suf && text[end] === '级'));
    if (ONLY_MAGNITUDE.test(num) && !hedged && !scaleFollows && !threshold) return null;
    if (unitKey && sloganFollows(text, end - (g.suf?.length ?? 0), unitKey)) return null;
    // Digit-by-digit strings (四三九九, 九八) are names.
    if (num.length > 1 && /^[〇零一二两三四五六七八九]+$/.test(num)) return null;
    // 亿元级项目, 万吨级以上码头: the size class's 级 (and a trailing 以上) belong to the figure.
    if (ONLY_MAGNITUDE.test(num) && unitKey && !g.suf && text[end] === '级') {
      end += text.startsWith('以上', end + 1) ? 3 : 1;
      g = { ...g, suf: text.endsWith('以上', end) && end - start > 3 ? '以上' : undefined };
    }
  }
  if (unitKey === '周' && text[end] === '年') return null; // 75周年: anniversaries are not figures
  // 三年行动, 四次会议 name a plan or a session; after 连续 (连续3年实施) it is a duration all the same.
  if (unitKey && (unitKey === '年' || unitKey === '次') && sloganFollows(text, end, unitKey) && !/连续$/.test(text.slice(Math.max(0, start - 2), start))) return null;
  // 两位数 handled above; 两位 elsewhere (两位数增长) is the same word split differently.
  if (unitKey === '位' && text[end] === '数') return withSuffix(text, make(text, start, end + 1, 'percent', null, '%'));

  if (mag) value *= MAGNITUDE[mag];
  if (!unitKey) {
    // 全国50强, 中国企业500强, 世界500强: a top-N list, after its scope or a ranking word (位列, 进入).
    if (text[end] === '强' && !/^(?:企业|公司)/.test(text.slice(end + 1, end + 3)) && !g.approx && !g.suf && !mag && (rankScopeStart(text, start) < start || TOP_LIST_SCOPE.test(text.slice(Math.max(0, start - 4), start)) || hasRankCue(text, start))) {
      return make(text, rankScopeStart(text, start), end + 1, 'rank', value, '');
    }
    // 5大支柱产业, 10大类, 7大要素: that many of a kind. Digits only: 三大攻坚战, 五大发展理念 name formulas.
    if (!isCN && !mag && !g.approx && text[end] === '大' && /[\u4e00-\u9fff]/.test(text[end + 1] ?? '') && Number.isInteger(value) && value >= 2) {
      return make(text, start, end + (text[end + 1] === '类' ? 2 : 1), 'count', value, '');
    }
    // 千亿规模, 万亿级, 千亿产业, 千亿县: a scale word, or the noun the size class qualifies, stands in for the (money) unit.
    const scale = /^(?:规模|级)/.exec(text.slice(end, end + 2)) ?? (isCN && /^(?:百亿|千亿|万亿)$/.test(num) && SIZE_CLASS_NOUNS.test(text.slice(end, end + 4)) ? [''] : null);
    if (scale && (mag || (isCN && /[万亿]/.test(num)))) {
      // The scale word is part of the figure (千亿级); the noun a size class qualifies is not (千亿产业).
      return applyQualifiers(text, make(text, start, end + scale[0].length, 'amount', value, '元'), g);
    }
    // 1万亿增发国债, 各100万: a magnitude without a unit is still a quantity (unit unknown);
    // before a word for people or firms (6600多万农村人口) it is a count.
    if (mag) {
      const kind = PEOPLE_AFTER.test(text.slice(end, end + 6)) ? 'count' : 'amount';
      return applyQualifiers(text, make(text, start, end, kind, value, ''), g);
    }
    // 上千万家庭, 近万名: a hedged Chinese magnitude before a word for people counts them.
    if (isCN && hedged && ONLY_MAGNITUDE.test(num) && PEOPLE_AFTER.test(text.slice(end, end + 6))) {
      return applyQualifiers(text, make(text, start, end, 'count', value, ''), g);
    }
    // 海洋生产总值突破万亿。, 4个过五千亿、: a hedged magnitude that ends the phrase is a quantity (unit unknown).
    const over = text[start - 1] === '过' && !'通经超越度跨错难'.includes(text[start - 2] ?? '.'); // 过五千亿, not 通过
    if (isCN && (hedged || over || hedgedBefore(text, start)) && /[万亿]/.test(num) && /^[，,；;。！!？?、）)\s]|^$/.test(text.slice(end, end + 1))) {
      return applyQualifiers(text, make(text, start, end, 'amount', value, ''), g);
    }
    if (isCN) return null;
    // 提升4.5、2.4个百分点 / 高4.2和0.7个百分点: the unit comes with the next number.
    if (/^[、和与及或]\d/.test(text.slice(end, end + 2))) return 1;
    // A bare decimal or a bare number after a metric word is a measured value (空气质量综合指数2.26).
    if (/^[，,；;。！!？?）)\s]|^$/.test(text.slice(end, end + 1)) && METRIC_BEFORE.test(text.slice(Math.max(0, start - 4), start))) {
      return applyQualifiers(text, make(text, start, end, 'amount', value, ''), g);
    }
    return null;
  }
  const info = UNITS[unitKey];
  value *= info.scale;
  // A four-digit year written 2024年 was taken by the date pattern; 5年, 20年 are durations.
  const f = make(text, start, end, info.kind, value, info.unit);
  if (unitKey === '个多百分点') f.qualifier = '多'; // 2个多百分点: more than two points
  if (g.num2) {
    const v2 = isCN ? parseChinese(g.num2) : parseArabic(g.num2);
    if (Number.isFinite(v2)) f.valueMax = v2 * (mag ? MAGNITUDE[mag] : 1) * info.scale;
  }
  return applyQualifiers(text, f, g);
}

function applyQualifiers(text: string, f: RawFigure, g: Record<string, string | undefined>): RawFigure {
  if (g.suf) f.qualifier = g.suf;
  else if (g.approx || g.approx2) f.qualifier = g.approx ?? g.approx2;
  const before = qualifierBefore(text, f.start) ?? (CJK_NUM.test(f.text[0]) ? vagueBefore(text, f.start) : undefined);
  if (before) f.qualifier = f.qualifier ? `${before}…${f.qualifier}` : before;
  return f;
}
