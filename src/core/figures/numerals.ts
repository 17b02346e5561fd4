// Parsing of Arabic and Chinese numerals into numbers. Pure functions, no regex state.

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters that may appear in a Chinese numeral. */
export const CN_NUM_CHARS = '零〇一二两三四五六七八九十百千万亿';

/** Parse an Arabic numeral, allowing thousands separators ("1,724.2"). */
export function parseArabic(s: string): number {
  return Number(s.replace(/,/g, '').replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0))));
}

/**
 * Parse a Chinese numeral such as 三, 十二, 一百二十三, 三千五百万, 千亿, 三点五.
 * Also accepts digit-by-digit forms (二〇二四). Returns NaN when malformed.
 */
export function parseChinese(s: string): number {
  if (!s) return NaN;
  const point = s.indexOf('点');
  if (point >= 0) {
    const whole = parseChinese(s.slice(0, point));
    const frac = s.slice(point + 1);
    let digits = '';
    for (const ch of frac) {
      if (!(ch in CN_DIGIT)) return NaN;
      digits += CN_DIGIT[ch];
    }
    return Number(`${whole}.${digits}`);
  }
  // Digit-by-digit form: only digit characters, more than one of them (二〇二四, 九八).
  if (s.length > 1 && [...s].every((c) => c in CN_DIGIT)) {
    return Number([...s].map((c) => CN_DIGIT[c]).join(''));
  }
  let total = 0; // completed 亿/万 sections
  let section = 0; // current section below 万
  let digit = -1; // pending digit, -1 = none
  for (const ch of s) {
    if (ch in CN_DIGIT) {
      digit = CN_DIGIT[ch];
    } else if (ch in CN_SMALL_UNIT) {
      section += (digit < 0 ? 1 : digit) * CN_SMALL_UNIT[ch];
      digit = -1;
    } else if (ch in CN_BIG_UNIT) {
      const big = CN_BIG_UNIT[ch];
      const value = section + (digit < 0 ? 0 : digit);
      if (total > 0 && total < big) {
        // 千万 = 1000 × 万, 三千五百万亿 …: the big unit scales everything so far.
        total = (total + value) * big;
      } else {
        total += (value === 0 ? 1 : value) * big; // bare 万 / 亿 means one of them
      }
      section = 0;
      digit = -1;
    } else {
      return NaN;
    }
  }
  return total + section + (digit < 0 ? 0 : digit);
}

/** Parse either kind of numeral. */
export function parseNumeral(s: string): number {
  return /^[\d.,０-９．]+$/.test(s) ? parseArabic(s) : parseChinese(s);
}
