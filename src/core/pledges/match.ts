// "A later report seems to report on this pledge": score candidate figures by how much their metric words
// overlap the pledge's (character bigrams) and whether the units can measure the same thing.
import type { Figure } from '../figures/types';

export interface PledgeMatch {
  figure: Figure;
  score: number;
  snippet: string;
}

// Words that say nothing about the metric itself.
const NOISE = /\d+(?:\.\d+)?|[％%，,。；;：:、“”"（）()\s]|力争|确保|实现|完成|达到|新增|累计|全年|以上|左右|超过|不低于|突破|预计|计划|目标|全区|全市|全省|我区|推动|推进|加快|持续|进一步/g;

function bigrams(s: string): Set<string> {
  const clean = s.replace(NOISE, ' ');
  const out = new Set<string>();
  for (const part of clean.split(' ')) {
    for (let i = 0; i + 1 < part.length; i++) out.add(part.slice(i, i + 2));
  }
  return out;
}

/**
 * Bigram similarity: mean of Dice and the overlap coefficient, so that a shorter metric name contained in a
 * longer one (就业 in 城镇就业) scores well while unrelated words sharing one bigram do not.
 */
function similarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  const dice = (2 * common) / (a.size + b.size);
  const overlap = common / Math.min(a.size, b.size);
  return (dice + overlap) / 2;
}

const UNIT_FAMILY: Record<string, string> = {
  人: 'people', 名: 'people', 位: 'people', 人次: 'visits', 户: 'households', 元: 'money', 美元: 'money',
  '%': 'rate', 个百分点: 'rate', 平方米: 'area', 平方公里: 'area', 公顷: 'area', 亩: 'area',
  家: 'units', 个: 'units', 所: 'units', 项: 'units', 宗: 'units', 套: 'units', 处: 'units', 座: 'units', 条: 'units', 场: 'events', 场次: 'events',
};

/** 1 for the same unit, 0.8 for the same family (人/名), 0.5 when one side has no unit, 0 otherwise. */
function unitCompatibility(a: Figure | undefined, b: Figure): number {
  if (!a) return 0.7;
  if (a.unit === b.unit && a.kind === b.kind) return 1;
  const fa = UNIT_FAMILY[a.unit];
  const fb = UNIT_FAMILY[b.unit];
  if (fa && fa === fb) return 0.8;
  if (!a.unit || !b.unit) return 0.5;
  return 0;
}

function clauseOf(text: string, f: Figure): string {
  let s = f.start;
  let n = 0;
  while (s > 0 && n < 40 && !'，,；;。、\n'.includes(text[s - 1])) {
    s--;
    n++;
  }
  let e = f.end;
  n = 0;
  while (e < text.length && n < 20 && !'，,；;。、\n'.includes(text[e])) {
    e++;
    n++;
  }
  return text.slice(s, e);
}

/**
 * Rank candidate figures (from a later report `text`) by how likely they report on the pledge.
 * Score = metric-word similarity (bigram Dice of subject + clause words) × unit compatibility;
 * zero-score candidates are dropped; best first.
 */
export function matchPledge(pledge: { text: string; figure?: Figure }, candidates: Figure[], text: string): PledgeMatch[] {
  const pledgeWords = bigrams(`${pledge.figure?.subject ?? ''} ${pledge.text}`);
  const subjectWords = bigrams(pledge.figure?.subject ?? '');
  const out: PledgeMatch[] = [];
  for (const c of candidates) {
    if (c.kind === 'date') continue;
    const unit = unitCompatibility(pledge.figure, c);
    if (unit === 0) continue;
    const snippet = clauseOf(text, c);
    const candWords = bigrams(`${c.subject ?? ''} ${snippet}`);
    // Subject-to-subject overlap is the strongest evidence; clause overlap backs it up.
    const sim = Math.max(similarity(pledgeWords, candWords), subjectWords.size ? similarity(subjectWords, bigrams(c.subject ?? snippet)) : 0);
    const score = Number((sim * unit).toFixed(4));
    if (score > 0) out.push({ figure: c, score, snippet });
  }
  return out.sort((a, b) => b.score - a.score);
}
