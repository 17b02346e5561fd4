// Pledge extraction: every commitment of a report, one clause each, with its kind, area, due year and, for
// targets, the figure and which way it binds. Runs in steps (one paragraph each) so a page can yield.
import type { Figure } from '../figures/types';
import { runSteps, type Steps } from '../steps';
import { dropLeadMarkers, isSentenceBreak, looksBack, readClause, speaksOfFuture, splitClauses, splitEnumeration, type ClauseReading } from './clauses';
import { clauseFeatures, sentenceFeatures, type ClauseSite, type SentenceStats } from './features';
import { commitmentScore } from './model';
import { directionOf } from './direction';
import { COPULA, GOALS_LEAD, RALLY } from './lexicon';
import { buildOutlineInSteps, fiveYearEnd, HeadingPath, partAt, type Outline, type Part } from './outline';
import type { Pledge } from './types';

/** Clauses read between pauses inside one paragraph (a paragraph is otherwise one step). */
const CLAUSES_PER_STEP = 24;
// Item markers that make a lead sentence a heading: 一是…, 第一…, and an outline's dash (——坚持创新驱动发展，
// 加快发展现代产业体系。 titles its item as （一） would).
const NUMBERED = /^(?:[一二三四五六七八九十]+是|一方面|另一方面|第[一二三四五六七八九十]+|[—－-]{2})/;
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

/** A clause read as a possible pledge, with the model's score (a pledge when score ≥ 0) and, for training, its features. */
export interface Candidate extends Pledge {
  features?: string[];
  score: number;
}

const EXHORT = /^\s*(?:各位代表|同志们)/;
const GUIDE = /为指导|指导思想|总体要求/;
const REQUIREMENTS = /总体要求|政策取向|指导思想|目标/;

/**
 * The commitments of a report. In plan parts (工作计划, 政府工作任务, five-year outlooks …) every clause is a
 * candidate; elsewhere (a review, a news story) only clauses under an explicit future word (将, 要, 计划, 拟,
 * 下一步). Numbered headings and closing rallies are never pledges. Each candidate clause (enumerated actions
 * joined by 、 are one candidate each) is read by the hand rules and scored by the commitment model.
 */
export function* extractPledgesInSteps(text: string, options: PledgeOptions = {}): Steps<Pledge[]> {
  const found = yield* candidatesInSteps(text, options, false);
  return found.map(({ score: _s, ...pledge }) => pledge);
}

/**
 * The candidate clauses with their scores. With `all` (training, scripts/pledge-train.ts) every candidate is
 * returned with its features; without, only those the model keeps, and the features are not kept (a long page
 * would hold hundreds of thousands of strings).
 */
export function* candidatesInSteps(text: string, options: PledgeOptions = {}, all = true): Steps<Candidate[]> {
  const outline = options.outline ?? (yield* buildOutlineInSteps(text));
  const figures = options.figures ?? [];
  const paths = new HeadingPath(outline.headings, text);
  const headings = outline.headings;
  const out: Candidate[] = [];
  let hi = 0;
  let fi = 0;
  let lineStart = 0;
  const n = text.length;
  let currentPart: Part | undefined;
  let outlook: number | undefined;
  let paragraphIndex = 0;
  // Since the last numbered heading of the part, a paragraph addressed the deputies (各位代表！): the speech has
  // moved on from its numbered tasks to stances and conduct (政府自身建设, 国防, 港澳台, 外交).
  let addressed = false;
  let partKind = '';
  while (lineStart < n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    const part = partAt(outline.parts, lineStart);
    if (part !== currentPart) {
      currentPart = part;
      outlook = undefined;
      paragraphIndex = 0;
      addressed = false;
      const head = part ? headings.find((x) => x.start === part.start) : undefined;
      partKind = !head ? 'none' : REQUIREMENTS.test(head.text) ? 'requirements' : /自身建设/.test(head.text) ? 'self' : 'tasks';
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
      const paraHead = text.slice(lineStart, Math.min(lineEnd, lineStart + 300));
      const exhort = EXHORT.test(paraHead);
      const guide = GUIDE.test(paraHead);
      const numbered = /^\s*[（(]?[一二三四五六七八九十]+[)）、]/.test(paraHead);
      if (numbered) addressed = false;
      let goal = false;
      let future = false;
      let sentenceDue: number | undefined;
      let sentenceStart = true;
      let rally = false;
      let sinceYield = 0;
      let clauseIndex = 0;
      let sentenceIndex = 0;
      let prev: ClauseReading | undefined;
      const pending: Array<{ cand: Candidate; site: ClauseSite }> = [];
      let sentence: SentenceStats = { clauses: 0, actions: 0, copula: false, targets: 0 };
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
        // (扩大有效投资。) is read like any clause.
        const h = hi < headings.length ? headings[hi] : undefined;
        const inHead = h !== undefined && h.start <= cs && c.end <= h.end + 1;
        const inHeading = inHead && (h.rank < 4 || NUMBERED.test(h.text));
        const clause = text.slice(c.start, c.end);
        const explicit = EXPLICIT_DUE.exec(clause);
        if (explicit && explicit.index <= 2 && c.end - c.start <= 10) sentenceDue = Number(explicit[1] ?? explicit[2]);
        if (!plan && !future && speaksOfFuture(text, c.start, c.end, part.mode === 'other')) future = true;
        if (sentenceStart) {
          rally = RALLY.test(text.slice(c.start, sentenceEndFrom(text, c.start, lineEnd)));
          sentenceStart = false;
        }
        const lastInSentence = c.end >= lineEnd || isSentenceBreak(text, c.end);
        let reading: ClauseReading | null = null;
        // A goals sentence (2025年主要预期目标：…) looks ahead wherever it stands.
        if (!inHeading && !rally && (plan || future || goal)) {
          while (fi < figures.length && figures[fi].start < c.start) fi++;
          let measured = false;
          for (let k = fi; k < figures.length && figures[k].start < c.end && !measured; k++) measured = figures[k].end <= c.end && measurable(text, figures[k]);
          reading = readClause(text, c.start, c.end, goal, measured);
          if (reading) {
            const back = looksBack(text.slice(reading.start, c.end));
            // A piece ends in its figure (公路水运投资1.8万亿元, 覆盖率达70%), not in a noun it counts (30个“智改数转”项目).
            const endsInFigure = (a: number, b: number) => {
              for (let k = fi; k < figures.length && figures[k].start < b; k++) if (figures[k].start >= a && figures[k].end <= b && /^(?:以上|左右|以内|以下|多|余)?$/.test(text.slice(figures[k].end, b)) && measurable(text, figures[k])) return true;
              return false;
            };
            const actions = reading.verb ? splitEnumeration(text, reading.start, c.end, reading.verbPos) : [{ start: reading.start, end: c.end }];
            const pieces = actions.flatMap((a) => splitTargets(text, a, endsInFigure));
            pieces.forEach((piece, pi) => {
              let e = piece.end;
              while (e > piece.start && /\s/.test(text[e - 1])) e--;
              const s = dropLeadMarkers(text, piece.start, e);
              if (e - s < 3) return;
              while (fi < figures.length && figures[fi].start < s) fi++;
              let figure: Figure | undefined;
              for (let k = fi; k < figures.length && figures[k].start < e; k++) {
                const f = figures[k];
                if (f.end <= e && measurable(text, f) && (!figure || rankFigure(text, f) < rankFigure(text, figure))) figure = f;
              }
              const site: ClauseSite = {
                reading: pi === 0 ? reading! : { ...reading!, start: s, verbPos: s },
                start: s,
                end: e,
                piece: pieces.length > 1 ? pi + 1 : 0,
                clauseIndex,
                lastInSentence,
                sentenceIndex,
                lead: inHead,
                goal,
                measured: figure !== undefined,
                plan,
                mode: part.mode === 'plan' ? 'plan' : part.mode === 'review' ? 'review' : 'other',
                paragraphIndex,
                back,
                prev,
                exhort,
                guide,
                addressed,
                partKind,
                breakChar: text[c.end] ?? '',
              };
              const ownDue = EXPLICIT_DUE.exec(text.slice(s, e));
              const cand: Candidate = {
                start: s,
                end: e,
                text: text.slice(s, e),
                kind: figure ? 'target' : 'action',
                area: paths.at(s).map((x) => x.text),
                dueYear: ownDue ? Number(ownDue[1] ?? ownDue[2]) : (sentenceDue ?? due),
                score: 0,
              };
              if (figure) {
                cand.figure = figure;
                cand.direction = directionOf(text, s, figure);
              }
              pending.push({ cand, site });
              if (figure) sentence.targets++;
            });
          }
        }
        prev = reading ?? undefined;
        clauseIndex++;
        sentence.clauses++;
        if (reading?.verb && !reading.veto) sentence.actions++;
        if (COPULA.test(clause)) sentence.copula = true;
        const breakChar = text[c.end];
        if (breakChar === '：' || breakChar === ':') goal ||= GOALS_LEAD.test(clause + '：');
        if (lastInSentence) {
          // The sentence is read whole: its candidates are scored with what the sentence as a whole is like.
          for (const { cand, site } of pending) {
            const features = clauseFeatures(text, site);
            features.push(...sentenceFeatures(sentence, site));
            cand.score = commitmentScore(features);
            if (all) cand.features = features;
            if (all || cand.score >= 0) out.push(cand);
          }
          pending.length = 0;
          sentence = { clauses: 0, actions: 0, copula: false, targets: 0 };
          goal = false;
          future = false;
          sentenceDue = undefined;
          sentenceStart = true;
          clauseIndex = 0;
          sentenceIndex++;
          prev = undefined;
        }
      }
    }
    if (/\S/.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 8)))) paragraphIndex++;
    if (EXHORT.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 8)))) addressed = true;
    lineStart = lineEnd + 1;
    yield;
  }
  return out;
}

/**
 * Splits targets listed with 、 under one verb (完成铁路投资8000亿元、公路水运投资1.8万亿元): where both sides of
 * a 、 end in a figure, each is a target of its own. Counted objects of one verb stay one (实施35个工业技改、30个
 * “智改数转”项目).
 */
function splitTargets(text: string, piece: { start: number; end: number }, endsInFigure: (a: number, b: number) => boolean): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let s = piece.start;
  let depth = 0;
  for (let i = piece.start; i < piece.end; i++) {
    const c = text[i];
    if (c === '“' || c === '（' || c === '(' || c === '《') depth++;
    else if (c === '”' || c === '）' || c === ')' || c === '》') depth = Math.max(0, depth - 1);
    else if (c === '、' && depth === 0) {
      let next = text.indexOf('、', i + 1);
      if (next < 0 || next > piece.end) next = piece.end;
      if (next - i > 4 && endsInFigure(s, i) && endsInFigure(i + 1, next)) {
        out.push({ start: s, end: i });
        s = i + 1;
      }
    }
  }
  out.push({ start: s, end: piece.end });
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
