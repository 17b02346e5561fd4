// A report's outline: its headings (2025年工作计划, 三、…, （一）…, a paragraph's lead sentence) and its parts,
// each looking back (review), ahead (plan) or neither. Pledges are read in the plan parts and filed under
// the heading path they sit in.
import { runSteps, type Steps } from '../steps';
import { NOTES_HEADING, PLAN_HEADING, REVIEW_HEADING } from './lexicon';

export type PartMode = 'review' | 'plan' | 'notes' | 'other';

/** 0: an unnumbered title line (2025年工作计划); 1: 一、; 2: （一）; 3: 1.; 4: a paragraph's lead sentence (全力提速推进项目建设。). */
export type HeadingRank = 0 | 1 | 2 | 3 | 4;

export interface Heading {
  start: number;
  end: number;
  rank: HeadingRank;
  /** The heading as written, without its closing punctuation. */
  text: string;
}

export interface Part {
  start: number;
  end: number;
  mode: PartMode;
  /** The year the part's commitments fall due: the plan year, or the end of a five-year plan. */
  dueYear?: number;
}

export interface Outline {
  headings: Heading[];
  parts: Part[];
  /** The year the report plans for (its plan heading's year, else the report's own year). */
  planYear?: number;
}

const RANK1 = /^[一二三四五六七八九十]+[、.．]/;
const RANK2 = /^[（(][一二三四五六七八九十]+[)）]/;
const RANK3 = /^\d{1,2}[、.．](?!\d)/;
const BULLET = /^[\s•·●\-*#　]+/;
const SENTENCE_END = /[。！？!?；;]/;
const YEAR = /((?:19|20)\d{2})年?/;
const FIVE_YEAR = /十([一二三四五六七八九])五/;
// A part about the five-year period itself (“十五五”时期主要目标任务), not one that merely names it (推动“十五五”开好局).
const FIVE_YEAR_PERIOD = /十[一二三四五六七八九]五[”"]?(?:时期|期间|规划|发展|主要目标|目标任务)/;
const CN_DIGIT = '〇一二三四五六七八九';
/** Characters of text read between pauses. */
const STEP_CHARS = 20_000;
const YEAR_WORK = /^(?:关于)?(?:19|20)\d{2}年(?:的)?(?:政府|主要|重点)?工作$/;

/** 十四五 → 2025, 十五五 → 2030: the last year of a five-year plan. */
export function fiveYearEnd(text: string): number | undefined {
  const m = FIVE_YEAR.exec(text);
  return m ? 2005 + 5 * CN_DIGIT.indexOf(m[1]) : undefined;
}

/** The report's own year: a 20xx年 in a title line near the top, else its date line (——2023年3月5日). */
export function reportYearOf(text: string): number | undefined {
  const head = text.slice(0, 600);
  const title = /((?:19|20)\d{2})年[^\n]{0,20}?(?:政府)?工作报告/.exec(head) ?? /(?:——|－－|--)\s*((?:19|20)\d{2})年/.exec(head) ?? /((?:19|20)\d{2})年/.exec(head);
  return title ? Number(title[1]) : undefined;
}

interface RawHeading extends Heading {
  mode: PartMode | null;
  year?: number;
  fiveYear?: number;
}

function headingMode(text: string): PartMode | null {
  const words = text.replace(/^[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*/, '');
  if (NOTES_HEADING.test(words)) return 'notes';
  if (REVIEW_HEADING.test(words)) return 'review';
  if (PLAN_HEADING.test(words)) return 'plan';
  return null;
}

/** The heading a line opens with, if any: the whole line when short, else its first sentence. */
function headingOf(line: string, lineStart: number): Omit<RawHeading, 'mode'> | null {
  const lead = BULLET.exec(line)?.[0].length ?? 0;
  const t = line.slice(lead).trimEnd();
  if (t.length < 2) return null;
  const at = lineStart + lead;
  const firstSentence = (max: number) => {
    const m = SENTENCE_END.exec(t);
    const end = m ? m.index : t.length;
    return end <= max ? t.slice(0, end) : null;
  };
  let rank: HeadingRank | null = null;
  let text: string | null = null;
  if (RANK1.test(t)) {
    rank = 1;
    text = t.length <= 60 && !SENTENCE_END.test(t.slice(0, -1)) ? t.replace(/[。；;]$/, '') : firstSentence(45);
  } else if (RANK2.test(t)) {
    rank = 2;
    text = t.length <= 60 && !SENTENCE_END.test(t.slice(0, -1)) ? t.replace(/[。；;]$/, '') : firstSentence(45);
  } else if (RANK3.test(t)) {
    rank = 3;
    text = t.length <= 50 && !SENTENCE_END.test(t.slice(0, -1)) ? t.replace(/[。；;]$/, '') : firstSentence(40);
  } else if (t.length <= 30 && !/[。；;！!？?，,：:]/.test(t) && (headingMode(t) || YEAR_WORK.test(t))) {
    rank = 0;
    text = t;
  } else {
    // A paragraph's lead sentence used as its title: short, no clause break, and the paragraph goes on.
    const m = SENTENCE_END.exec(t);
    // A bureau plan's item opens with its title clause: 二是提升立项审批质效，做好政府投资立项审批工作。
    const item = /^[一二三四五六七八九十]+是[^，,。；;：:]{2,20}[，,。；;]/.exec(t);
    if (m && m.index >= 4 && m.index <= 24 && t.length - m.index > 20 && !/[，,：:、]/.test(t.slice(0, m.index))) {
      rank = 4;
      text = t.slice(0, m.index);
    } else if (/^——/.test(t) && m && m.index <= 40) {
      // A dashed item of an outline opens with its title: ——坚持创新驱动发展，加快发展现代产业体系。
      rank = 4;
      text = t.slice(0, m.index);
    } else if (item && t.length - item[0].length > 20) {
      rank = 4;
      text = item[0].slice(0, -1);
    }
  }
  if (rank === null || !text) return null;
  const y = YEAR.exec(text);
  return { start: at, end: at + text.length, rank, text, year: y ? Number(y[1]) : undefined, fiveYear: FIVE_YEAR_PERIOD.test(text) ? fiveYearEnd(text) : undefined };
}

// Cues that tell a part's direction when its heading does not (二、一张蓝图绘到底，奋力谱写…).
const FUTURE_CUES = /将|要|力争|确保|今年|明年|计划|拟|预期|未来|今后|下一步/g;
const PAST_CUES = /了|已|取得|获评|荣获|入选|比增|同比|累计|成功|连续|一年来|五年来|过去/g;

/** Characters of a part read to tell its direction: its opening says it, and a long page must not stall here. */
const CUE_CHARS = 6_000;

function contentMode(text: string): PartMode {
  const head = text.slice(0, CUE_CHARS);
  const future = head.match(FUTURE_CUES)?.length ?? 0;
  const past = head.match(PAST_CUES)?.length ?? 0;
  return future > past ? 'plan' : 'review';
}

/**
 * The outline of a report: headings of every rank, and its parts with their direction. Linear in the text.
 * Parts start at an unnumbered title line or a 一、 heading; a part whose heading says nothing about its
 * direction takes it from the title it sits under, else from its own wording (future vs past cues).
 */
export function* buildOutlineInSteps(text: string): Steps<Outline> {
  const heads: RawHeading[] = [];
  let lineStart = 0;
  let stepStart = 0;
  const n = text.length;
  while (lineStart < n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    const h = headingOf(text.slice(lineStart, lineEnd), lineStart);
    if (h) heads.push({ ...h, mode: h.rank <= 1 ? headingMode(h.text) : null });
    lineStart = lineEnd + 1;
    if (lineStart - stepStart > STEP_CHARS) {
      stepStart = lineStart;
      yield;
    }
  }
  // 2025年政府工作 after a review of 2024 is the plan.
  let firstReview: RawHeading | undefined;
  for (const h of heads) {
    if (h.rank === 0 && h.mode === null && YEAR_WORK.test(h.text)) {
      if (h.year !== undefined && (firstReview?.year === undefined || firstReview.year < h.year)) h.mode = 'plan';
    }
    if (h.mode === 'review') firstReview ??= h;
  }
  yield;
  const reportYear = reportYearOf(text);
  const reviewYears = heads.filter((h) => h.mode === 'review' && h.year !== undefined).map((h) => h.year!);
  const planYears = heads.filter((h) => h.mode === 'plan' && h.year !== undefined && !h.fiveYear).map((h) => h.year!);
  const planYear = planYears.length ? Math.min(...planYears) : reviewYears.length ? Math.max(...reviewYears) + 1 : reportYear;

  // Parts: from each rank 0/1 heading to the next one.
  const tops = heads.filter((h) => h.rank <= 1);
  const parts: Part[] = [];
  if (!tops.length || tops[0].start > 0) parts.push({ start: 0, end: tops[0]?.start ?? n, mode: 'other' });
  let title: RawHeading | undefined;
  for (let i = 0; i < tops.length; i++) {
    if (i % 100 === 99) yield;
    const h = tops[i];
    if (h.rank === 0) title = h;
    const end = i + 1 < tops.length ? tops[i + 1].start : n;
    let mode = h.mode ?? (h.rank === 1 && title?.mode ? title.mode : null);
    if (!mode) mode = contentMode(text.slice(h.start, end));
    let dueYear: number | undefined;
    if (mode === 'plan') {
      const opening = text.slice(h.end, Math.min(end, h.end + 80));
      dueYear = h.fiveYear ?? (h.rank === 1 && title?.mode === 'plan' ? title.fiveYear : undefined) ?? (h.year === undefined && FIVE_YEAR_PERIOD.test(opening.slice(0, 14)) ? fiveYearEnd(opening.slice(0, 14)) : undefined) ?? h.year ?? (h.rank === 1 && title?.mode === 'plan' ? title.year : undefined) ?? planYear;
    }
    // 二、“十四五”时期发展成就和“十五五”时期主要目标任务: the review, then the outlook from its first paragraph
    // that looks ahead.
    const turn = mode === 'review' ? outlookTurn(text, h, end, planYear) : undefined;
    if (turn) {
      parts.push({ start: h.start, end: turn.at, mode });
      parts.push({ start: turn.at, end, mode: 'plan', dueYear: turn.dueYear });
      continue;
    }
    parts.push({ start: h.start, end, mode, dueYear });
  }
  return { headings: heads.map(({ start, end, rank, text: t }) => ({ start, end, rank, text: t })), parts, planYear };
}

/**
 * Where a part whose heading joins a review and an outlook (…发展成就和…主要目标任务) turns to the outlook: the
 * first paragraph that opens on a coming five-year period or whose future cues outnumber its past ones.
 */
function outlookTurn(text: string, h: RawHeading, end: number, planYear: number | undefined): { at: number; dueYear?: number } | undefined {
  const words = h.text.replace(/^[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*/, '');
  const join = /[和及与]|以及/.exec(words);
  if (!join || !REVIEW_HEADING.test(words.slice(0, join.index)) || REVIEW_HEADING.test(words.slice(join.index)) || !PLAN_HEADING.test(words.slice(join.index))) return undefined;
  const ahead = fiveYearEnd(words.slice(join.index));
  let lineStart = text.indexOf('\n', h.start) + 1;
  while (lineStart > 0 && lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + CUE_CHARS));
    const period = /^\s*[“"]?十[一二三四五六七八九]五[”"]?(?:时期|期间|规划)/.exec(line);
    const periodEnd = period ? fiveYearEnd(period[0]) : undefined;
    const future = line.match(FUTURE_CUES)?.length ?? 0;
    const past = line.match(PAST_CUES)?.length ?? 0;
    if ((periodEnd !== undefined && (planYear === undefined || periodEnd > planYear)) || future > past) return { at: lineStart, dueYear: ahead ?? periodEnd };
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** The outline at once (tests, CLI). */
export function buildOutline(text: string): Outline {
  return runSteps(buildOutlineInSteps(text));
}

/** Part containing pos (binary search). */
export function partAt(parts: Part[], pos: number): Part | undefined {
  let lo = 0;
  let hi = parts.length - 1;
  let found: Part | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (parts[mid].start <= pos) {
      found = parts[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && pos < found.end ? found : undefined;
}

/**
 * The heading path at pos, outermost first (2025年工作计划 › 一、坚持提振预期… › 全力提速推进项目建设).
 * A heading covers what follows it until a heading of the same or a higher rank; a lead sentence covers its
 * paragraph only.
 */
export class HeadingPath {
  private i = 0;
  private stack: Heading[] = [];
  constructor(
    private readonly headings: Heading[],
    private readonly text: string,
  ) {}

  /** Path at pos; positions must be asked in increasing order. */
  at(pos: number): Heading[] {
    while (this.i < this.headings.length && this.headings[this.i].start <= pos) {
      const h = this.headings[this.i++];
      while (this.stack.length && this.stack[this.stack.length - 1].rank >= h.rank) this.stack.pop();
      this.stack.push(h);
    }
    // A lead sentence heads only its own paragraph.
    const top = this.stack[this.stack.length - 1];
    if (top?.rank === 4) {
      const nl = this.text.indexOf('\n', top.start);
      if (nl >= 0 && nl < pos) this.stack.pop();
    }
    return [...this.stack];
  }
}
