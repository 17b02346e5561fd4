// Pledge extraction: every commitment of a report, one clause each, with its kind, area, due year and, for
// targets, the figure and which way it binds. Runs in steps (one paragraph each) so a page can yield.
import type { Figure } from '../figures/types';
import { runSteps, type Steps } from '../steps';
import { commitmentStart, dropLeadMarkers, isSentenceBreak, looksBack, speaksOfFuture, splitClauses, splitEnumeration } from './clauses';
import { directionOf } from './direction';
import { GOALS_LEAD, RALLY } from './lexicon';
import { buildOutlineInSteps, fiveYearEnd, HeadingPath, partAt, type Outline, type Part } from './outline';
import type { Pledge } from './types';

/** Clauses read between pauses inside one paragraph (a paragraph is otherwise one step). */
const CLAUSES_PER_STEP = 40;
const NUMBERED = /^(?:[一二三四五六七八九十]+是|一方面|另一方面|第[一二三四五六七八九十]+)/;
const DURATION_UNITS = new Set(['年', '个月', '天', '周', '小时', '分钟', '周岁', '岁']);
const EXPLICIT_DUE = /(?:到|至|于|在)((?:19|20)\d{2})年|((?:19|20)\d{2})年(?:前|底|末|内|年底|底前)/;

/** Figures that can be a target's measure: quantities, not dates, ranks, durations or numbers inside a quoted name. */
function measurable(text: string, f: Figure): boolean {
  if (f.kind === 'date' || f.kind === 'rank' || f.value === null || DURATION_UNITS.has(f.unit)) return false;
  // “3+3+3+3”招商机制, “十四五”: a number inside quotation marks names something. (Looked for close by only:
  // a search through the whole page per figure would make a long page quadratic.)
  for (let i = f.start - 1; i >= 0 && i > f.start - 12; i--) {
    if (text[i] === '”') return true;
    if (text[i] === '“') return false;
  }
  return true;
}

/**
 * Main figure preference: an amount or count over a rate, a rate over a ratio; an Arabic figure over a Chinese
 * one; never the starting point of a change (城镇化率从47.5%提高到51.5%: the target is 51.5%).
 */
function rankFigure(text: string, f: Figure): number {
  const base = f.kind === 'amount' || f.kind === 'count' ? 0 : f.kind === 'percent' ? 1 : 2;
  const from = text[f.start - 1] === '从' ? 3 : 0;
  return (/\d/.test(f.text) ? base : base + 0.5) + from;
}

export interface PledgeOptions {
  /** The text's figures (extractFigures), in order; without them no clause is a target. */
  figures?: Figure[];
  outline?: Outline;
}

/**
 * The commitments of a report. In plan parts (工作计划, 政府工作任务, five-year outlooks …) every clause that
 * opens with an action or states a goal is one; elsewhere (a review, a news story) only clauses under an
 * explicit future word (将, 要, 计划, 拟, 下一步). Headings, principles and slogans, purpose clauses and
 * clauses that look back are left out; enumerated actions joined by 、 become one pledge each.
 */
export function* extractPledgesInSteps(text: string, options: PledgeOptions = {}): Steps<Pledge[]> {
  const outline = options.outline ?? (yield* buildOutlineInSteps(text));
  const figures = options.figures ?? [];
  const paths = new HeadingPath(outline.headings, text);
  const headings = outline.headings;
  const out: Pledge[] = [];
  let hi = 0;
  let fi = 0;
  let lineStart = 0;
  const n = text.length;
  let currentPart: Part | undefined;
  let outlook: number | undefined;
  while (lineStart < n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    const part = partAt(outline.parts, lineStart);
    if (part !== currentPart) {
      currentPart = part;
      outlook = undefined;
    }
    // A review part can turn to the coming five-year plan (二、“十三五”时期发展成就和“十四五”时期主要目标任务):
    // from a paragraph opening on that plan on, it is a plan.
    if (part?.mode === 'review' && outlook === undefined) {
      const opening = /^\s*[“"]?十[一二三四五六七八九]五[”"]?(?:时期|期间|规划)/.exec(text.slice(lineStart, lineStart + 16));
      const end = opening ? fiveYearEnd(opening[0]) : undefined;
      if (end !== undefined && outline.planYear !== undefined && end > outline.planYear) outlook = end;
    }
    if (part && part.mode !== 'notes' && lineEnd - lineStart > 2) {
      let plan = part.mode === 'plan' || outlook !== undefined;
      // News pages append the past year's highlights after the outlook: 2025年，湖里区…捷报频传.
      const opening = /^\s*((?:19|20)\d{2})年[,，]/.exec(text.slice(lineStart, lineStart + 8));
      const due = outlook ?? part.dueYear ?? outline.planYear;
      if (plan && opening && outline.planYear !== undefined && Number(opening[1]) < outline.planYear) plan = false;
      let goal = false;
      let future = false;
      let sentenceDue: number | undefined;
      let sentenceStart = true;
      let rally = false;
      let sinceYield = 0;
      for (const c of splitClauses(text, lineStart, lineEnd)) {
        // A very long paragraph (a page with few line breaks) pauses too.
        if (++sinceYield === CLAUSES_PER_STEP) {
          sinceYield = 0;
          yield;
        }
        let cs = c.start;
        while (cs < c.end && /\s/.test(text[cs])) cs++;
        while (hi < headings.length && headings[hi].end <= cs) hi++;
        // Numbered headings (一、 （一） 1. 一是) name a part; a paragraph's unnumbered lead sentence
        // (扩大有效投资。) is itself a commitment, read like any clause.
        const h = hi < headings.length ? headings[hi] : undefined;
        const inHeading = h !== undefined && h.start <= cs && c.end <= h.end + 1 && (h.rank < 4 || NUMBERED.test(h.text));
        const clause = text.slice(c.start, c.end);
        const explicit = EXPLICIT_DUE.exec(clause);
        if (explicit && explicit.index <= 2 && c.end - c.start <= 10) sentenceDue = Number(explicit[1] ?? explicit[2]);
        if (!plan && !future && speaksOfFuture(text, c.start, c.end, part.mode === 'other')) future = true;
        if (sentenceStart) {
          rally = RALLY.test(text.slice(c.start, sentenceEndFrom(text, c.start, lineEnd)));
          sentenceStart = false;
        }
        // A goals sentence (2025年主要预期目标：…) looks ahead wherever it stands.
        if (!inHeading && !rally && (plan || future || goal)) {
          while (fi < figures.length && figures[fi].start < c.start) fi++;
          let measured = false;
          for (let k = fi; k < figures.length && figures[k].start < c.end && !measured; k++) measured = figures[k].end <= c.end && measurable(text, figures[k]);
          const found = commitmentStart(text, c.start, c.end, goal, measured);
          if (found && !looksBack(text.slice(found.start, c.end))) {
            for (const piece of found.verb ? splitEnumeration(text, found.start, c.end, found.verbPos) : [{ start: found.start, end: c.end }]) {
              let e = piece.end;
              while (e > piece.start && /\s/.test(text[e - 1])) e--;
              const s = dropLeadMarkers(text, piece.start, e);
              if (e - s < 3) continue;
              while (fi < figures.length && figures[fi].start < s) fi++;
              let figure: Figure | undefined;
              for (let k = fi; k < figures.length && figures[k].start < e; k++) {
                const f = figures[k];
                if (f.end <= e && measurable(text, f) && (!figure || rankFigure(text, f) < rankFigure(text, figure))) figure = f;
              }
              const ownDue = EXPLICIT_DUE.exec(text.slice(s, e));
              const pledge: Pledge = {
                start: s,
                end: e,
                text: text.slice(s, e),
                kind: figure ? 'target' : 'action',
                area: paths.at(s).map((h) => h.text),
                dueYear: ownDue ? Number(ownDue[1] ?? ownDue[2]) : (sentenceDue ?? due),
              };
              if (figure) {
                pledge.figure = figure;
                pledge.direction = directionOf(text, s, figure);
              }
              out.push(pledge);
            }
          }
        }
        const breakChar = text[c.end];
        if (breakChar === '：' || breakChar === ':') goal ||= GOALS_LEAD.test(clause + '：');
        if (c.end >= lineEnd || isSentenceBreak(text, c.end)) {
          goal = false;
          future = false;
          sentenceDue = undefined;
          sentenceStart = true;
        }
      }
    }
    lineStart = lineEnd + 1;
    yield;
  }
  return out;
}

/** End of the sentence that starts at pos (before its closing punctuation). */
function sentenceEndFrom(text: string, pos: number, limit: number): number {
  for (let i = pos; i < limit; i++) if (isSentenceBreak(text, i)) return i + 1;
  return limit;
}

/** The pledges of a whole text at once (CLI, tests). */
export function extractPledges(text: string, options: PledgeOptions = {}): Pledge[] {
  return runSteps(extractPledgesInSteps(text, options));
}
