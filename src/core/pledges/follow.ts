// Following a pledge into a later report: the sentences of its review part that may report on the pledge
// and, for a target whose figure the later report states, a proposed verdict. The reader confirms every one.
import type { Figure, FigureKind } from '../figures/types';
import { buildOutline, type Outline } from './outline';
import type { Direction } from './types';

export type Verdict = 'met' | 'partly' | 'missed';

/** What a saved pledge carries that following it needs. */
export interface FollowedPledge {
  text: string;
  kind: 'target' | 'action';
  figure?: { text: string; value: number; unit: string; kind?: FigureKind } | null;
  direction?: Direction | null;
}

export interface Evidence {
  /** The later report's sentence, quoted, and where it starts and ends in the later page's text. */
  sentence: string;
  start: number;
  end: number;
  score: number;
  /** The achieved figure the verdict was read from. */
  figure?: string;
}

export interface FollowUp {
  /** Best candidates first; empty when the later report seems silent on the pledge. */
  evidence: Evidence[];
  /** Proposed for targets only, when the later report states the same measure; evidence[0] is its basis. */
  verdict?: Verdict;
}

/**
 * The later report, read once for all the pledges followed into it: its review sentences, one per line, and
 * the achieved figures in them. Compact and plain, so a page can hand it to the side panel.
 */
export interface LaterReport {
  text: string;
  /** Offsets into `text`; pageStart is where the sentence starts in the page's text. */
  sentences: Array<{ start: number; end: number; pageStart: number }>;
  /** Achieved figures (not targets) of the review sentences, offsets into `text`. */
  achieved: Figure[];
}

const SENTENCE_END = /[。！？!?；;\n]/g;

/**
 * The later report's sentences that look back: those of its review parts. A page without a review part
 * (a news story) offers its sentences outside plan parts.
 */
export function readLaterReport(pageText: string, figures: Figure[], outline: Outline = buildOutline(pageText)): LaterReport {
  let parts = outline.parts.filter((p) => p.mode === 'review');
  if (!parts.length) parts = outline.parts.filter((p) => p.mode === 'other');
  const spans: Array<[number, number]> = [];
  for (const part of parts) {
    let s = part.start;
    SENTENCE_END.lastIndex = part.start;
    for (let m = SENTENCE_END.exec(pageText); m && m.index < part.end; m = SENTENCE_END.exec(pageText)) {
      if (m.index - s > 6) spans.push([s, m.index]);
      s = m.index + 1;
    }
    if (part.end - s > 6) spans.push([s, part.end]);
  }
  let text = '';
  const sentences: LaterReport['sentences'] = [];
  for (const [a, b] of spans) {
    sentences.push({ start: text.length, end: text.length + b - a, pageStart: a });
    text += pageText.slice(a, b) + '\n';
  }
  const achieved: Figure[] = [];
  let k = 0;
  for (const f of figures) {
    if (f.target || f.kind === 'date' || f.value === null) continue;
    while (k < spans.length && spans[k][1] <= f.start) k++;
    if (k < spans.length && spans[k][0] <= f.start && f.end <= spans[k][1]) {
      const shift = sentences[k].start - spans[k][0];
      achieved.push({ ...f, start: f.start + shift, end: f.end + shift });
    }
  }
  return { text, sentences, achieved };
}

// Words that carry no subject matter: verbs of doing, adverbs, fillers. What is left names the policy object.
const GENERIC = /\d+(?:\.\d+)?|[％%，,。；;：:、“”"《》（）()\s]|推进|推动|加快|加强|实施|持续|深入|积极|完善|健全|建立|开展|全面|进一步|继续|大力|着力|扎实|稳步|有序|做好|抓好|办好|提升|提高|促进|支持|鼓励|引导|力争|确保|实现|完成|达到|新增|累计|全年|以上|左右|超过|不低于|突破|预计|计划|目标|工作|建设|发展|我们|今年|去年|一批|各类|重点|主要|有效|更加|不断/g;

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (const part of s.replace(GENERIC, ' ').split(' ')) for (let i = 0; i + 1 < part.length; i++) out.add(part.slice(i, i + 2));
  return out;
}

/** Each sentence's bigrams, made once per later report (every pledge is compared with every sentence). */
const sentenceBigrams = new WeakMap<LaterReport, Set<string>[]>();

function bigramsOfSentences(later: LaterReport): Set<string>[] {
  let sets = sentenceBigrams.get(later);
  if (!sets) sentenceBigrams.set(later, (sets = later.sentences.map((s) => bigrams(later.text.slice(s.start, s.end)))));
  return sets;
}

/** Share of the pledge's subject-matter bigrams found in the sentence (what it is about, said again). */
function coverage(pledge: Set<string>, sentence: Set<string>): number {
  if (!pledge.size) return 0;
  let common = 0;
  for (const b of pledge) if (sentence.has(b)) common++;
  // One shared pair of characters (发展, 改革) says little on its own.
  return common >= 2 || (common === 1 && pledge.size === 1) ? common / pledge.size : 0;
}

/**
 * How alike two measures are: the mean of Dice and the overlap coefficient, so that a shorter name of the
 * same measure (新增就业 for 新增城镇就业) scores well while names sharing one pair of characters do not.
 */
function alike(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return ((2 * common) / (a.size + b.size) + common / Math.min(a.size, b.size)) / 2;
}

/** Lowest coverage for a sentence to be offered as evidence for an action. */
const EVIDENCE_MIN = 0.4;
/** Lowest metric similarity for a figure to decide a target's verdict. */
const VERDICT_MIN = 0.6;

// Rates and amounts that are changes (增长5%, 涨幅3%), as opposed to levels (失业率5.5%, 1.3万亿斤).
const CHANGE_BEFORE = /(?:增长|增速|涨幅|上涨|下降|降低|减少|提高|比增|同比|增幅|降幅|增加|扩大|回升|上升)[^，,；;。\d]{0,4}$/;
// The measure a figure quantifies: the words before it in its clause, without verbs and fillers.
const MEASURE_NOISE = /^(?:力争|确保|全年|今年|实现|完成|达到|新增|累计|保持在|保持|控制在|拟按|预计)+|(?:增长|增速|涨幅|上涨|下降|降低|减少|提高|比增|同比|增幅|降幅|增加|达到|达|为|约|超过|超|突破|保持在|控制在|平均为|平均|拟按|按|在)+$/g;

function measureBefore(text: string, end: number): string {
  let s = end;
  while (s > 0 && end - s < 24 && !/[，,；;。：:、\n]/.test(text[s - 1])) s--;
  return text.slice(s, end).replace(MEASURE_NOISE, '').replace(MEASURE_NOISE, '');
}

// For a count the thing counted follows it: 17个城中村, 出让10宗经营性用地 (up to a verb, a figure or punctuation).
const COUNTED_AFTER = /^[^，,；;。：:、\d“”"（）()]{2,8}?(?=[，,；;。：:、\d“”"（）()]|加快|实施|改造|提升|建设|开工|竣工|投用|建成|落地|完成|达到|$)/;

/** The measure of a figure: the words before it, and for a count the noun after it. */
function measureOf(text: string, f: { start: number; end: number; kind?: FigureKind }, fallback = ''): Set<string> {
  const before = measureBefore(text, f.start);
  const after = f.kind === 'count' ? (COUNTED_AFTER.exec(text.slice(f.end, f.end + 12))?.[0] ?? '') : '';
  const words = before.length >= 2 || after ? `${before} ${after}` : fallback;
  return bigrams(words);
}

function isChange(text: string, figureStart: number): boolean {
  return CHANGE_BEFORE.test(text.slice(Math.max(0, figureStart - 10), figureStart));
}

/**
 * The verdict for a target given what was achieved, by the target's direction: a floor is met at or above
 * it, a ceiling at or below it, about within 5%; partly when within 10% short (or 10% over a ceiling).
 */
export function proposeVerdict(target: number, direction: Direction, achieved: number): Verdict {
  if (target === 0) return achieved === 0 ? 'met' : direction === 'ceiling' ? 'missed' : 'met';
  const r = achieved / target;
  switch (direction) {
    case 'ceiling':
      return r <= 1 ? 'met' : r <= 1.1 ? 'partly' : 'missed';
    case 'about':
      return Math.abs(r - 1) <= 0.05 || r > 1 ? 'met' : r >= 0.9 ? 'partly' : 'missed';
    default:
      // 增长5%左右 reads as a floor with some give: 4.9% of a 5% target is met.
      return r >= 0.97 ? 'met' : r >= 0.9 ? 'partly' : 'missed';
  }
}

/** Pledges whose own wording spreads them over years (分近、中、远期推进, 逐步): no verdict from one year's review. */
const MULTI_YEAR = /分[^，,]{0,6}期|逐步|逐年|三年|五年|长期/;

/** Candidate evidence for one pledge in the later report, and for a target a proposed verdict. */
export function followPledge(pledge: FollowedPledge, later: LaterReport, max = 3): FollowUp {
  const { text } = later;
  const out: FollowUp = { evidence: [] };
  const figure = pledge.figure;
  if (pledge.kind === 'target' && figure) {
    // The measure named before the pledge's figure (国内生产总值, 城镇调查失业率), and whether it is a change.
    const at = pledge.text.indexOf(figure.text);
    const here = at < 0 ? pledge.text.length : at;
    const measure = measureOf(pledge.text, { start: here, end: here + figure.text.length, kind: figure.kind });
    const change = at >= 0 && isChange(pledge.text, at);
    let best: { f: Figure; score: number } | undefined;
    for (const f of later.achieved) {
      if (f.unit !== figure.unit || (figure.kind && f.kind !== figure.kind) || isChange(text, f.start) !== change) continue;
      // 国内生产总值超过126万亿元，增长5.2%: a bare change takes the sentence's subject, as the figure reader found it.
      const score = alike(measure, measureOf(text, f, f.subject ?? ''));
      if (score > (best?.score ?? 0)) best = { f, score };
    }
    if (best && best.score >= VERDICT_MIN) {
      const s = later.sentences.find((x) => x.start <= best!.f.start && best!.f.start < x.end)!;
      out.evidence.push({ sentence: text.slice(s.start, s.end).trim(), start: s.pageStart, end: s.pageStart + s.end - s.start, score: Number(best.score.toFixed(3)), figure: best.f.text });
      if (!MULTI_YEAR.test(pledge.text) && best.f.value !== null) out.verdict = proposeVerdict(figure.value, pledge.direction ?? 'exact', best.f.value);
    }
  }
  // Sentences about the same policy object, best first (for targets, after the figure's own sentence).
  const words = bigrams(pledge.text);
  const sentenceWords = bigramsOfSentences(later);
  const ranked: Evidence[] = [];
  for (const [i, s] of later.sentences.entries()) {
    if (out.evidence.some((e) => e.start === s.pageStart)) continue;
    const sentence = text.slice(s.start, s.end);
    const score = coverage(words, sentenceWords[i]);
    if (score >= EVIDENCE_MIN) ranked.push({ sentence: sentence.trim(), start: s.pageStart, end: s.pageStart + s.end - s.start, score: Number(score.toFixed(3)) });
  }
  // Best first; of equal scores the shorter sentence, which says less besides.
  ranked.sort((a, b) => b.score - a.score || a.end - a.start - (b.end - b.start));
  out.evidence.push(...ranked.slice(0, Math.max(0, max - out.evidence.length)));
  return out;
}
