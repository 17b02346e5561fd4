// Pledge clauses: the commitments in a report's plan part (力争落地100个优质项目, 新增城镇就业3万人以上),
// and matching a pledge against a later report's figures.
import type { Figure } from '../figures/types';
import { findSections, sectionAt, type Section } from '../figures/sections';
import type { PledgeClause } from './types';

export type { PledgeClause } from './types';
export { matchPledge, type PledgeMatch } from './match';

const CLAUSE_BREAKS = '，,；;。！!？?：:\n';
// A figure used as a description of something existing (总算力达6600P的闽宁双智算中心) is not a commitment.
const ATTRIBUTIVE_AFTER = /^(?:的|之)/;
// Enumerations of the speech's own structure (做好六个方面工作) are not commitments either.
const STRUCTURAL_AFTER = /^(?:方面|部分|领域|篇章)/;
const COMMIT_VERB = /力争|确保|新增|完成|实现|落地|建成|开工|竣工|新建|开办|启用|达到|突破|增长|提升|引育|培育|推动|推进|打造|实施|举办|改造|建设|保持|控制|引进|招引|提高|降低|减少|争创|超/;
const EXPLICIT_YEAR = /(?:到|至|在|于)?((?:19|20)\d{2})年(?:前|底|末|内|年底|底前)?/;
const SENTENCE_YEAR = /^[^，,。；;]{0,4}?((?:19|20)\d{2})年[,，]/;

function clauseBounds(text: string, pos: number): [number, number] {
  let s = pos;
  while (s > 0 && !CLAUSE_BREAKS.includes(text[s - 1])) s--;
  let e = pos;
  while (e < text.length && !CLAUSE_BREAKS.includes(text[e])) e++;
  // Trim the list marker and spaces that open a paragraph.
  while (s < e && /[\s:：]/.test(text[s])) s++;
  return [s, e];
}

const DURATION_UNITS = new Set(['年', '个月', '天', '周', '小时', '分钟']);

function rankFigure(f: Figure): number {
  // Main figure preference: a concrete amount or count over a rate, a rate over a rank or ratio.
  if (DURATION_UNITS.has(f.unit)) return 1.5; // 5年内可提供…超200万平方米: the span is not the pledge
  const base = f.kind === 'amount' || f.kind === 'count' ? 0 : f.kind === 'percent' ? 1 : 2;
  return /\d/.test(f.text) ? base : base + 0.5; // 六类项目共计392个: the Arabic figure is the measured one
}

function dueYearFor(text: string, clause: string, start: number, section: Section | undefined): number | undefined {
  const explicit = EXPLICIT_YEAR.exec(clause);
  if (explicit && /^(?:到|至|在|于)/.test(explicit[0]) || (explicit && /年(?:前|底|末|内)/.test(explicit[0]))) return Number(explicit[1]);
  if (section?.mode === 'plan' && section.year !== undefined) return section.year;
  // "2025年，经济社会发展主要预期目标为：…" — the sentence opens with the year.
  let s = start;
  while (s > 0 && !'。；;\n'.includes(text[s - 1])) s--;
  const y = SENTENCE_YEAR.exec(text.slice(s, start + 1));
  if (y) return Number(y[1]);
  if (explicit) return Number(explicit[1]);
  return section?.year;
}

/**
 * Pledge clauses: clauses holding a target figure (see extractFigures: plan sections, 力争/确保/将 …) that is used
 * as a commitment, not as a description. One pledge per clause; its figure is the clause's main target figure.
 */
export function findPledges(text: string, figures: Figure[], sections: Section[] = findSections(text)): PledgeClause[] {
  const out: PledgeClause[] = [];
  let last: PledgeClause | undefined;
  let lastFigureRank = 99;
  for (const f of figures) {
    if (!f.target || f.kind === 'date') continue;
    const after = text.slice(f.end, f.end + 2);
    if (STRUCTURAL_AFTER.test(after)) continue;
    const [s, e] = clauseBounds(text, f.start);
    // 完成处置率30%以上的处置任务 commits; 依托总算力达6600P的闽宁双智算中心 describes.
    if (ATTRIBUTIVE_AFTER.test(after) && !COMMIT_VERB.test(text.slice(s, f.start))) continue;
    if (last && last.start === s) {
      // Same clause: keep the better main figure.
      const r = rankFigure(f);
      if (r < lastFigureRank) {
        last.figure = f;
        lastFigureRank = r;
      }
      continue;
    }
    const clause = text.slice(s, e);
    const section = sectionAt(sections, f.start);
    if (section?.mode === 'notes') continue; // 名词解释 explains terms; it pledges nothing
    // Outside plan parts the clause itself must read as a commitment.
    if (section?.mode !== 'plan' && !COMMIT_VERB.test(clause) && !/目标/.test(text.slice(Math.max(0, s - 30), s))) continue;
    last = { start: s, end: e, text: clause, figure: f, dueYear: dueYearFor(text, clause, s, section) };
    lastFigureRank = rankFigure(f);
    out.push(last);
  }
  return out;
}

import { extractFigures } from '../figures';
/** Pledges of a whole text (figures and sections found here). */
export function extractPledges(text: string): PledgeClause[] {
  return findPledges(text, extractFigures(text));
}
