// Context around a figure: its clause, whether it is a target, what it measures, which way it moves.
import type { Figure } from './types';
import { DOWN_WORDS, PREFIX_QUALIFIERS, UP_WORDS } from './lexicon';
import { type Section, sectionAt } from './sections';

const CLAUSE_BREAKS = '，,；;。！!？?：:\n';
const SENTENCE_BREAKS = '；;。！!？?\n';
/** 0 = not a break, 1 = clause break, 2 = sentence (and clause) break; indexed by UTF-16 code unit. */
const BREAK_KIND = new Uint8Array(65536);
for (const ch of CLAUSE_BREAKS) BREAK_KIND[ch.charCodeAt(0)] = 1;
for (const ch of SENTENCE_BREAKS) BREAK_KIND[ch.charCodeAt(0)] = 2;

/**
 * Clause and sentence boundaries of a text, computed once so that per-figure lookups are binary searches
 * (extractFigures must stay linear in the text length).
 */
export class Boundaries {
  private readonly clause: Int32Array;
  private readonly sentence: Int32Array;
  /** Per-sentence cache: where the sentence's first target marker (预期目标 …) ends, or -1. */
  readonly sentenceMarker = new Map<number, number>();
  /** Per-clause cache of the past/future word tests. */
  readonly clauseFlags = new Map<number, { past: boolean; future: boolean }>();
  constructor(readonly text: string) {
    const c: number[] = [];
    const s: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const kind = BREAK_KIND[text.charCodeAt(i)];
      if (kind) {
        c.push(i);
        if (kind === 2) s.push(i);
      }
    }
    this.clause = Int32Array.from(c);
    this.sentence = Int32Array.from(s);
  }
  /** [start, end) of the clause containing pos (breaks excluded). */
  clauseAt(pos: number): [number, number] {
    return around(this.clause, pos, this.text.length);
  }
  sentenceAt(pos: number): [number, number] {
    return around(this.sentence, pos, this.text.length);
  }
}

function around(breaks: Int32Array, pos: number, n: number): [number, number] {
  // First break at or after pos.
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  const end = lo < breaks.length ? breaks[lo] : n;
  const start = lo > 0 ? breaks[lo - 1] + 1 : 0;
  return [start, end];
}

// Commitments and forecasts that make a figure a target wherever it appears.
const FUTURE_STRONG = /力争|确保|将(?!近|其|之)|力促|预期目标|目标(?:是|为)|到20\d{2}年|20\d{2}年(?:前|底前)|计划(?=于|在|到|新增|完成|实现|建设|建成|开工|投入|引进|举办)|拟|有望/;
// Sentence-level: "2025年，经济社会发展主要预期目标为：…，…，…" makes every clause a target.
const TARGET_SENTENCE = /预期目标|主要目标|目标(?:是|为)[:：]?/;
// Looking-back words inside a plan part (去年完成…) keep a figure an achievement.
const PAST_STRONG = /去年|上年|过去一年|一年来|过去五年|截至|截止|已(?:经|超额|完成|实现|达|累计)/;

export interface TargetContext {
  sections: Section[];
  bounds: Boundaries;
}

/**
 * Target or achievement. Plan parts (工作安排, 展望, 预期目标 until the next review heading) are targets
 * unless the clause looks back; elsewhere only explicit future words make a target. 预计 is deliberately
 * not a future word: in a review part (预计全区生产总值580亿元) it estimates the year just ending.
 */
export function isTarget(text: string, f: Pick<Figure, 'start' | 'kind'>, ctx: TargetContext): boolean {
  if (f.kind === 'date') return false;
  const { bounds } = ctx;
  const [cs, ce] = bounds.clauseAt(f.start);
  let flags = bounds.clauseFlags.get(cs);
  if (!flags) {
    const clause = text.slice(cs, ce);
    flags = { past: PAST_STRONG.test(clause), future: FUTURE_STRONG.test(clause) };
    bounds.clauseFlags.set(cs, flags);
  }
  if (flags.past) return false;
  const section = sectionAt(ctx.sections, f.start);
  if (section?.mode === 'plan') return true;
  if (flags.future) return true;
  const [ss, se] = bounds.sentenceAt(f.start);
  let marker = bounds.sentenceMarker.get(ss);
  if (marker === undefined) {
    const m = TARGET_SENTENCE.exec(text.slice(ss, se));
    marker = m ? ss + m.index + m[0].length : -1;
    bounds.sentenceMarker.set(ss, marker);
  }
  return marker >= 0 && marker <= f.start;
}

/** Change direction from a growth word written right before the figure (allowing a qualifier between). */
export function changeBefore(text: string, start: number): 'up' | 'down' | undefined {
  let p = start;
  for (const q of PREFIX_QUALIFIERS) {
    if (p >= q.length && text.startsWith(q, p - q.length)) {
      p -= q.length;
      break;
    }
  }
  if (text[p - 1] === '了' || text[p - 1] === '为') p--;
  const win = text.slice(Math.max(0, p - 4), p);
  for (const w of DOWN_WORDS) if (win.endsWith(w)) return 'down';
  for (const w of UP_WORDS) if (win.endsWith(w)) return 'up';
  return undefined;
}

// Verbs and fillers that sit between a metric and its number; the subject is what follows the last one.
const VERBS = /力促|力推|实现|完成|达到|新增|新建|建成|累计|投入|安排|引进|引育|获得|争取|突破|超过|增至|提高到|提升到|提升至|保持|占|推动|推进|培育|生成|签约|开工|竣工|接待|受理|办结|化解|兑现|惠及|举办|开展|建设|打造|改造|出让|拉动|带动|发放|实施|力争|确保|预计|其中|分别|全年|共有|共计|现有|拥有|增加|减少|吸引|提供|设立|开办|启用|审核通过|认定|对接|储备|集聚|入驻|落地|用好|参投|促成|助推|覆盖|达|为|是|有|共/;
const TRAIL_WORDS = /(?:同比增长|同比下降|比增|比降|增长|下降|增幅|降幅|增速|提升|提高|上升|跃升|降低|减少|增加|达到|达|为|约|超过|超|近|突破|逾|不低于|不少于|力争|至|到|了|的|均|分别|总计|合计|共|累计|全年|规模|总量|排名|位列|位居)+$/;
const FILLER_HEAD = /^(?:全年|全区|全市|今年|去年|当年|目前|其中|同时|此外|以及|并|和|及|共|总|约|\d{4}年(?:度)?|[、\s])+/;
const NOUN_AFTER = /^[\u4e00-\u9fffA-Za-z]{2,12}?(?=[，,；;。、：:（(“"\s的和与]|$|(?:项目)?(?:建设|开工|竣工|落地|投用|入驻|投入|提前|完成|获评|入选|集聚|实现|覆盖))/;

/** The metric a figure measures: 完成固定资产投资668.5亿元 → 固定资产投资; 建成8个口袋公园 → 口袋公园. */
export function subjectOf(text: string, f: Figure, prev: Figure | undefined, bounds: Boundaries): string | undefined {
  let [cs] = bounds.clauseAt(f.start);
  const dun = text.lastIndexOf('、', f.start - 1);
  if (dun >= cs) cs = dun + 1; // 、 separates list items: 分别突破280亿元、60亿元
  cs = Math.max(cs, f.start - 40);
  const from = prev && prev.end > cs ? prev.end : cs;
  let seg = text.slice(from, f.start).replace(/\s+/g, '');
  seg = seg.replace(TRAIL_WORDS, '');
  // The metric is the last verb-free stretch: 全年实现GDP → GDP; 固定资产投资力争完成 → 固定资产投资.
  const pieces = seg.split(VERBS).filter((p) => p.replace(FILLER_HEAD, '').length >= 2);
  seg = (pieces.pop() ?? '').replace(FILLER_HEAD, '').replace(TRAIL_WORDS, '');
  seg = seg.replace(/[“”"《》（）()]/g, '');
  if (seg.length >= 2 && seg.length <= 16 && !/^\d/.test(seg)) return seg;
  if (f.kind === 'count' || f.kind === 'amount') {
    const after = NOUN_AFTER.exec(text.slice(f.end, f.end + 14));
    if (after && after[0].length >= 2) return after[0];
  }
  // 新设外资企业961家、比增35.2%: the growth rate measures the previous figure's subject.
  if (prev?.subject && f.start - prev.end <= 6) return prev.subject;
  return undefined;
}
