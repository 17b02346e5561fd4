// Plain-language rendering of a figure for tooltips.
import type { Figure, FigureKind } from './types';

const KIND_ZH: Record<FigureKind, string> = { amount: '金额/数量', percent: '百分比', count: '计数', rank: '排名', ratio: '比例', date: '日期' };
const KIND_EN: Record<FigureKind, string> = { amount: 'amount', percent: 'percentage', count: 'count', rank: 'rank', ratio: 'ratio', date: 'date' };
const UNIT_EN: Record<string, string> = {
  元: 'yuan', 美元: 'US dollars', '%': '%', 个百分点: 'percentage points', 人: 'people', 人次: 'person-visits', 户: 'households',
  家: 'firms', 个: '', 项: 'items', 所: 'institutions', 平方米: 'm²', 平方公里: 'km²', 公里: 'km', 亩: 'mu', 公顷: 'ha', 倍: 'times',
  名: 'people', 位: 'people', 套: 'units', 场: 'events', 年: 'years', 个月: 'months', 天: 'days', 小时: 'hours', 吨: 'tonnes',
};

function groupEn(v: number): string {
  const abs = Math.abs(v);
  const fmt = (x: number) => String(Number(x.toPrecision(6)));
  if (abs >= 1e12) return `${fmt(v / 1e12)} trillion`;
  if (abs >= 1e9) return `${fmt(v / 1e9)} billion`;
  if (abs >= 1e6) return `${fmt(v / 1e6)} million`;
  if (abs >= 1e4) return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return fmt(v);
}

function scientific(v: number): string {
  if (Math.abs(v) < 1e5) return String(Number(v.toPrecision(6)));
  const exp = Math.floor(Math.log10(Math.abs(v)));
  const mant = Number((v / 10 ** exp).toPrecision(6));
  const sup = String(exp).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]);
  return `${mant}×10${sup}`;
}

function statusZh(f: Figure): string {
  if (f.kind === 'date') return '';
  return f.target ? '目标' : '实绩';
}

/** E.g. zh: "640亿元（6.4×10¹⁰ 元）· 金额/数量 · 目标"; en: "640亿元 ≈ 64 billion yuan · amount · target". */
export function describeFigure(f: Figure, lang: 'zh' | 'en'): string {
  const parts: string[] = [];
  if (lang === 'zh') {
    let head = f.text;
    // Spell out the normalised value only when the text does not already show it (640亿元, 三分之一, 千万元).
    const plain = f.value !== null && f.text.replace(/,/g, '').startsWith(String(f.value));
    if (f.value !== null && !plain && f.kind !== 'date' && f.kind !== 'rank') {
      head += `（${scientific(f.value)}${f.unit ? ` ${f.unit}` : ''}）`;
    }
    if (f.kind === 'rank' && f.value !== null) head += `（第 ${f.value} 名）`;
    parts.push(head, KIND_ZH[f.kind]);
    if (f.change) parts.push(f.change === 'up' ? '增长' : '下降');
    if (f.qualifier) parts.push(`限定：${f.qualifier}`);
    if (f.subject) parts.push(`指标：${f.subject}`);
    const st = statusZh(f);
    if (st) parts.push(st);
    return parts.join(' · ');
  }
  let head = f.text;
  if (f.value !== null) {
    if (f.kind === 'rank') head += ` = rank ${f.value}`;
    else if (f.kind === 'date') head += f.unit === '年' ? ` = year ${f.value}` : '';
    else if (f.kind === 'ratio' && !f.unit) head += ` ≈ ${Number(f.value.toPrecision(4))}`;
    else head += ` ≈ ${groupEn(f.value)} ${UNIT_EN[f.unit] ?? f.unit}`.trimEnd();
  }
  parts.push(head, KIND_EN[f.kind]);
  if (f.change) parts.push(f.change === 'up' ? 'increase' : 'decrease');
  if (f.qualifier) parts.push(`qualifier ${f.qualifier}`);
  if (f.subject) parts.push(`measures ${f.subject}`);
  if (f.kind !== 'date') parts.push(f.target ? 'target' : 'achievement');
  return parts.join(' · ');
}
