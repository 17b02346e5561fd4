/**
 * Writing figures in plain words. Values arrive in base units (640亿元 is
 * 6.4e10 with unit 元), which is exact but unreadable; these helpers bring
 * them back to the scale a reader expects: 万/亿 in Chinese, thousand/
 * million/billion in English.
 */

/** Rounds to at most `digits` significant decimals and drops trailing zeros. */
export function trimNumber(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = Math.abs(n) >= 100 ? n.toFixed(Math.min(digits, 1)) : n.toFixed(digits);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

const ZH_SCALES: Array<[number, string]> = [
  [1e12, '万亿'],
  [1e8, '亿'],
  [1e4, '万'],
];
// No "thousand": 74,383 yuan reads better than 74.38 thousand yuan.
const EN_SCALES: Array<[number, string]> = [
  [1e12, ' trillion'],
  [1e9, ' billion'],
  [1e6, ' million'],
];

/** Units that are written straight after the number (no scale word makes sense before them). */
const BARE_UNITS = new Set(['%', '‰', '个百分点', 'percentage points']);

/** Common report units in English, so an English reader sees “64 billion yuan”. */
const EN_UNITS: Record<string, string> = {
  元: 'yuan',
  美元: 'US dollars',
  人: 'people',
  人次: 'person-times',
  户: 'households',
  家: 'firms',
  吨: 'tonnes',
  公里: 'km',
  千米: 'km',
  平方米: 'm²',
  亩: 'mu',
  千瓦: 'kW',
  千瓦时: 'kWh',
  年: 'years',
  个月: 'months',
  倍: 'times',
  个百分点: 'percentage points',
};

function scaled(value: number, zh: boolean): string {
  const abs = Math.abs(value);
  for (const [size, word] of zh ? ZH_SCALES : EN_SCALES) if (abs >= size) return `${trimNumber(value / size)}${word}`;
  return zh ? trimNumber(value) : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** `6.4e10, 元` → `640亿元` (zh) or `64 billion yuan` (en); `74383, 元` → `7.44万元` or `74,383 yuan`. */
export function plainValue(value: number | null, unit: string, zh: boolean): string {
  if (value == null) return '';
  if (BARE_UNITS.has(unit)) return `${trimNumber(value)}${unit === '%' || zh ? unit : ` ${EN_UNITS[unit] ?? unit}`}`;
  const shown = zh ? unit : (EN_UNITS[unit] ?? unit);
  return `${scaled(value, zh)}${zh || !shown ? shown : ' ' + shown}`;
}

/** What a figure-like item needs for its value in words. */
export interface FigureValue {
  text: string;
  kind: string;
  value: number | null;
  unit: string;
  valueMax?: number;
}

/**
 * A figure's value in words for the reader's language: a date is the date as written (never "2.02
 * thousand 年"), a rank its place, a range both ends; amounts and counts in 万/亿 or million/billion.
 * With `withUnit` false the unit is left out (a table shows it in a column of its own).
 */
export function figureValue(f: FigureValue, zh: boolean, withUnit = true): string {
  if (f.kind === 'date') return f.text;
  if (f.value == null) return '';
  if (f.kind === 'rank') return zh ? `第${f.value}` : `No. ${f.value}`;
  const unit = withUnit ? f.unit : '';
  if (f.valueMax === undefined) return plainValue(f.value, unit, zh);
  // 8%至10% → 8–10%; 100万元至300万元 → 100万–300万元: the unit once, after the high end.
  return `${plainValue(f.value, '', zh)}–${plainValue(f.valueMax, unit, zh)}`;
}

/** Short date-time for lists. */
export function shortDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Splits a free-typed tag string on commas, Chinese commas, semicolons and whitespace; drops duplicates and empties. */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  for (const raw of input.split(/[,，;；、\s]+/)) {
    const tag = raw.trim().replace(/^#/, '');
    if (tag) seen.add(tag);
  }
  return [...seen];
}
