// What the commitment model (model.ts) knows about a candidate clause: its opening verb and how it was read,
// the hand rules that object to it, what its object ends in, where it stands in its sentence and paragraph.
// Features are short strings; the model gives each a weight.
import { openingVerb, type ClauseReading } from './clauses';
import { COMMON_PAIRS } from './common-words';
import { COPULA } from './lexicon';

// Pairs as numbers (first code unit × 65536 + second): looked up without making a string per pair.
const COMMON = new Set<number>();
for (let i = 0; i + 1 < COMMON_PAIRS.length; i += 2) COMMON.add(COMMON_PAIRS.charCodeAt(i) * 65536 + COMMON_PAIRS.charCodeAt(i + 1));
const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;

/**
 * How concrete an object is: the number of its character pairs that most reports do not use. 推进改革开放 has
 * none (every pair is common), 设立科创板 has some. Read as a bucket.
 */
function concreteness(text: string, from: number, to: number): string {
  let rare = 0;
  let pairs = 0;
  for (let i = from; i + 1 < to; i++) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    if (!isHan(a) || !isHan(b)) continue;
    pairs++;
    if (!COMMON.has(a * 65536 + b)) rare++;
  }
  return pairs === 0 ? 'rare:none' : rare === 0 ? 'rare:0' : rare === 1 ? 'rare:1' : rare <= 3 ? 'rare:2-3' : 'rare:4+';
}

/** A candidate clause and where it stands. */
export interface ClauseSite {
  reading: ClauseReading;
  /** The candidate span (a whole clause after its markers, or one action of an enumeration). */
  start: number;
  end: number;
  /** 0 for a whole clause; else 1, 2 … for the pieces of an enumeration split at 、. */
  piece: number;
  /** Index of the clause in its sentence, and whether it is the sentence's last. */
  clauseIndex: number;
  lastInSentence: boolean;
  /** Index of the sentence in its paragraph. */
  sentenceIndex: number;
  /** The clause is part of the paragraph's unnumbered lead sentence (扩大有效投资。). */
  lead: boolean;
  /** The clause belongs to a goals sentence (主要预期目标是：…). */
  goal: boolean;
  /** The clause holds a measurable figure. */
  measured: boolean;
  /** Read in a plan part (else: under a future marker in a review or a news story). */
  plan: boolean;
  /** The direction of the part the clause stands in. */
  mode: 'plan' | 'review' | 'other';
  /** Index of the paragraph in its part (0: the part's first paragraph, often its guiding one). */
  paragraphIndex: number;
  /** Past words or 了 in the clause. */
  back: boolean;
  /** The reading of the clause before it in the same sentence, if any. */
  prev?: ClauseReading;
  /** The paragraph is an address to the deputies (各位代表！…) or a guiding paragraph (以…为指导). */
  exhort: boolean;
  guide: boolean;
  /** An address to the deputies came since the part's last numbered heading. */
  addressed: boolean;
  /** What the part's heading announces: requirements (总体要求, 政策取向, 目标), tasks, self-building, or no heading. */
  partKind: string;
  /** The punctuation after the clause (，；。：). */
  breakChar: string;
}

/** What a whole sentence is like: how many clauses, how many open with an action, whether it describes (是). */
export interface SentenceStats {
  clauses: number;
  actions: number;
  copula: boolean;
  /** Clauses holding a measurable figure: a sentence of targets lists goals (物价水平保持总体平稳) among them. */
  targets: number;
}

/** Features of the sentence a candidate stands in: a situation sentence (X是Y, 新的影响因素还在增加) has few actions. */
export function sentenceFeatures(s: SentenceStats, site: ClauseSite): string[] {
  const share = s.clauses ? s.actions / s.clauses : 0;
  const f = [s.clauses <= 1 ? 'sn:1' : s.clauses <= 3 ? 'sn:2-3' : 'sn:4+', share === 0 ? 'sv:0' : share < 0.5 ? 'sv:low' : share < 1 ? 'sv:high' : 'sv:all'];
  if (s.copula) f.push('scop');
  if (s.targets) f.push('sfig', `how:${site.reading.how}|sfig`);
  return f;
}

/** Verbs that often state the result an action is for. */
const RESULT_VERB = /^(?:促进|推动|增强|提升|提高|确保|保障|巩固|拓展|减轻|减少|营造|实现|助力|带动|激发|释放|满足|更好|形成|加快|夯实|筑牢|维护|守住|守护|增进|改善|降低|优化|畅通|稳定|扩大|激活|服务|便利)$/;

function lengthBucket(n: number): string {
  return n <= 4 ? 'len:≤4' : n <= 7 ? 'len:5-7' : n <= 11 ? 'len:8-11' : n <= 17 ? 'len:12-17' : n <= 26 ? 'len:18-26' : 'len:27+';
}

/** The features of a candidate clause (see ClauseSite). */
export function clauseFeatures(text: string, site: ClauseSite): string[] {
  const { reading: r, start, end } = site;
  const f: string[] = [`how:${r.how}`];
  if (r.veto) f.push(`veto:${r.veto}`, `how:${r.how}|veto:${r.veto}`);
  const v = r.verb ? openingVerb(text, r.verbPos) : null;
  if (v) {
    const verb = text.slice(v[0], v[1]);
    f.push(`v:${verb}`);
    if (v[0] > r.verbPos) f.push('adv', `a:${text.slice(r.verbPos, Math.min(v[0], r.verbPos + 2))}`);
    if (r.verbPos > start) f.push('framed');
    // The object's first characters: a verb right after the verb (推动构建…) or a concrete noun.
    f.push(`o1:${text[v[1]] ?? ''}`);
  }
  const rare = concreteness(text, v ? v[1] : start, end);
  f.push(rare);
  if (v) f.push(`v:${text.slice(v[0], v[1])}|${rare}`);
  // A result after an action (…，促进经济社会持续健康发展): often only the purpose of the action before it.
  if (v && site.clauseIndex > 0 && site.lastInSentence && site.prev?.verb && RESULT_VERB.test(text.slice(v[0], v[1]))) f.push('purpose', `purpose|${rare}`);
  f.push(`h1:${text[start]}`, `h2:${text.slice(start, start + 2)}`);
  f.push(`t1:${text[end - 1]}`, `t2:${text.slice(end - 2, end)}`, `t4:${text.slice(end - 4, end - 2)}`);
  f.push(lengthBucket(end - start));
  if (site.measured) f.push('fig');
  if (site.goal) f.push('goal');
  if (!site.plan) f.push('future', `future|${site.mode}`);
  f.push(site.paragraphIndex === 0 ? 'p:first' : site.paragraphIndex === 1 ? 'p:second' : 'p:later');
  if (site.back) f.push('back');
  if (site.lead) f.push('lead');
  f.push(`brk:${site.breakChar === '：' || site.breakChar === ':' ? 'colon' : site.breakChar === '；' || site.breakChar === ';' ? 'semi' : /[。！？!?]/.test(site.breakChar) ? 'stop' : site.breakChar === '，' || site.breakChar === ',' ? 'comma' : 'line'}`);
  f.push(site.clauseIndex === 0 ? 'c:first' : site.lastInSentence ? 'c:last' : 'c:mid');
  if (site.clauseIndex === 0 && site.lastInSentence) f.push('c:only');
  if (site.sentenceIndex === 0) f.push('s:first');
  if (site.piece) f.push(site.piece === 1 ? 'piece:first' : 'piece:later');
  if (site.exhort) f.push('para:exhort');
  if (site.guide) f.push('para:guide');
  if (site.addressed) f.push('addressed');
  f.push(`part:${site.partKind}`);
  // After an action in the same sentence, a clause is often its purpose (…，促进…): read with its opening.
  const p = site.prev;
  if (p && site.clauseIndex > 0) {
    const after = p.verb && !p.veto ? 'pv' : 'pn';
    f.push(after, `${after}|h2:${text.slice(start, start + 2)}`);
    if (site.lastInSentence) {
      f.push(`${after}|last`, `${after}|last|h2:${text.slice(start, start + 2)}`);
      if (v) f.push(`${after}|last|v:${text.slice(v[0], v[1])}`);
    }
  }
  const span = text.slice(start, end);
  if (span.includes('“')) f.push('quote');
  if (/[0-9０-９]/.test(span)) f.push('digit');
  if (span.includes('、')) f.push('list');
  if (/[要将](?=.)/.test(span.slice(2))) f.push('modal');
  // A copula describes (…是最有效率的形式, 稳增长首要是为保就业) rather than commits.
  if (COPULA.test(span.slice(1))) f.push('copula');
  return f;
}
