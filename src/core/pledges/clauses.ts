// Clauses of a paragraph and the test that makes one a commitment: where its action starts, if it has one.
import { ADVERBS, COMMIT_VERBS, CONDUCT, FRAMING, FUTURE_MODAL, FUTURE_TIME, GENERIC, LEAD_IN_OR_FORMULA, VAGUE_END, LEAD_MARKERS, NOT_COMMITMENTS, PAST_WORDS, PERFECTIVE } from './lexicon';

export interface Clause {
  start: number;
  end: number;
}

/** 1 = clause break, 2 = sentence break, by UTF-16 code unit (a table: reading a page char by char as strings allocates). */
const BREAKS = new Uint8Array(65536);
for (const c of '，,；;：:') BREAKS[c.charCodeAt(0)] = 1;
// A semicolon ends a clause, not the sentence's scope: 主要预期目标是：A；B；C。
for (const c of '。！!？?') BREAKS[c.charCodeAt(0)] = 2;
const OPEN_QUOTE = '“'.charCodeAt(0);
const CLOSE_QUOTE = '”'.charCodeAt(0);

const alternation = (words: readonly string[]) => [...new Set(words)].sort((a, b) => b.length - a.length).join('|');
// A verb is not followed by a character that turns it into a noun (保障性, 服务业, 发展费, 改造区).
const VERB_TAIL = '(?![性业费率者员类型式是])';
const ADVERB_RUN = `(?:(?:${alternation(ADVERBS)})[、，,]?)*`;
const ADVERBS_AT = new RegExp(ADVERB_RUN, 'y');
const VERB_AT = new RegExp(`${ADVERB_RUN}(?:${alternation(COMMIT_VERBS)})${VERB_TAIL}`, 'y');
// For splitting 实施A行动、开展B试点: only verbs of two or more characters (稳就业、稳企业 stays one clause), and not
// the ones that also read as nouns after 、 (法治政府、创新政府; 就业、服务保障).
const NOUNISH = new Set(['创新', '发展', '建设', '服务', '保障', '改革', '监管', '治理', '利用', '合作', '试点', '规范', '稳定', '保护', '管控', '监测', '应用', '开发', '运营', '布局', '配置', '供应', '关爱', '救助', '帮扶', '培训', '宣传', '共享', '赋能', '升级', '改造', '整治', '调整', '振兴', '复兴', '恢复', '传承', '研究', '评估', '考核', '招商', '对接', '协调', '联动', '覆盖', '普及', '奖补', '补贴', '试点', '集中', '依法', '优先', '接续', '营造', '繁荣', '跟踪', '督促', '发力', '确定', '突出', '关爱', '退出', '管理', '防治', '防控', '更新']);
const STRONG_VERB_AT = new RegExp(`${ADVERB_RUN}(?:${alternation(COMMIT_VERBS.filter((v) => v.length >= 2 && !NOUNISH.has(v)))})${VERB_TAIL}`, 'y');
// After a frame (围绕…方向布局提升…): any verb of two characters or more.
const FRAMED_VERB_AT = new RegExp(`${ADVERB_RUN}(?:${alternation(COMMIT_VERBS.filter((v) => v.length >= 2))})${VERB_TAIL}`, 'y');
// Light verbs that carry the action whatever the frame before them: 根据年度出让计划做好收储交地工作.
const LIGHT_VERB = /^(?:做好|抓好|办好|进行|开展|实施|加强|加大|给予|提供|落实)/;
// Verbs that govern a whole clause (支持港澳发展经济、改善民生): what follows 、 is still their object.
const GOVERNING = /^(?:支持|鼓励|引导|帮助|助力|吸引|带动|推动|促进|力促|助推|保障|确保|实现)/;
// Verbs that open an action of their own even after a governing verb's list.
const HEAD_VERB = /^(?:推进|推动|促进|加快|加强|深化|实施|完善|健全|建立|构建|强化|开展|扩大|推广|落实|打造|培育)$/;
// Verbs that report an outcome after a short subject: 区属国企资产总额增长6%以上, 文明实践中心完成软件升级.
const OUTCOME_VERB = /实现|达到|达|完成|保持|覆盖|建成|开工|竣工|投用|投运|落地|突破|增长|下降|提高|提升|超过|超|新增|控制在|稳定在|不低于|不超过|基本同步|基本平衡|同步|稳定|改善|下降|降低|减少|增加|进入|跻身/g;
// 要/将/力争 after a subject: 积极的财政政策要加力提效, 再开发工作方案要尽快上报.
const SUBJECT_MODAL = /要|将|力争|确保|计划|拟|必须|务必|应当|应/g;
// Where a frame (围绕…方向, 依托…平台) ends and the action begins.
const FRAME_END = /(?:方向|目标|要求|导向|领域|方面|产业|要|重点|需求|契机|机遇|基础|平台|载体|优势|资源|理念|思路|模式|原则|部署|标准|任务|战略|主线|问题|环节|行业|链条|链|体系|格局|阶段|节点|站位|力度|姿态|片区|区域|园区|社区|场所|地区|为抓手|为重点|为核心|为引领|为牵引|等|中|上|下|部)$/;
// Who acts: a government or place (湖里区, 省政府, 我市, 国务院, 各地区各部门), as opposed to what is done.
const ACTOR = /(?:省|市|区|县|镇|乡|街道|政府|国务院|我们|我省|我市|我区|我县|各地|各部门|各级|部|委|局|办)(?:也|还|都|今年|明年|年内)?$/;
const CO_AGENT = /^(?:与|同|会同|联合|携手|配合|协同|联动)/;

const BARE_VERB_AT = new RegExp(`(?:${alternation(COMMIT_VERBS)})${VERB_TAIL}`, 'y');

/** The verb that opens the clause at pos, after its adverbs (加快推进… → 推进; 加快城中村改造 → 加快), or null. */
export function openingVerb(text: string, pos: number): [number, number] | null {
  VERB_AT.lastIndex = pos;
  if (!VERB_AT.test(text)) return null;
  const e = VERB_AT.lastIndex;
  for (let p = Math.max(pos, e - 6); p < e; p++) {
    BARE_VERB_AT.lastIndex = p;
    if (BARE_VERB_AT.test(text) && BARE_VERB_AT.lastIndex === e) return [p, e];
  }
  return [pos, e];
}

/** The action verb (after any adverbs) starting exactly at pos, as [start, end), or null. */
export function verbAt(text: string, pos: number, strong: boolean | 'framed' = false): [number, number] | null {
  const re = strong === 'framed' ? FRAMED_VERB_AT : strong ? STRONG_VERB_AT : VERB_AT;
  re.lastIndex = pos;
  return re.test(text) ? [pos, re.lastIndex] : null;
}

/**
 * The clauses of text[from, to), split at clause punctuation, except inside a short quotation
 * (“这么近，那么美，周末到河北” stays whole).
 */
export function splitClauses(text: string, from: number, to: number): Clause[] {
  const out: Clause[] = [];
  let s = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_QUOTE) {
      // Only a quotation closing within 40 characters (never a search through the rest of the page).
      for (let k = i + 1; k < to && k <= i + 40; k++) {
        if (text.charCodeAt(k) === CLOSE_QUOTE) {
          i = k;
          break;
        }
      }
      continue;
    }
    if (BREAKS[c]) {
      if (i > s) out.push({ start: s, end: i });
      s = i + 1;
    }
  }
  if (to > s) out.push({ start: s, end: to });
  return out;
}

/** Whether the character at pos ends a sentence (。！？, not ；). */
export function isSentenceBreak(text: string, pos: number): boolean {
  return BREAKS[text.charCodeAt(pos)] === 2;
}

/** Start of the clause after its connectives and list markers (一是, 同时, 要, 我们将), and after spaces. */
export function dropLeadMarkers(text: string, start: number, end: number): number {
  let s = start;
  for (let k = 0; k < 4; k++) {
    while (s < end && /\s/.test(text[s])) s++;
    const m = LEAD_MARKERS.exec(text.slice(s, Math.min(end, s + 12)));
    if (!m || !m[0].length || s + m[0].length >= end - 1) break;
    // 将 before a noun is the object marker of the clause (将固定资产加速折旧优惠政策扩大至…): it stays.
    if (/^(?:我们|还)?将$/.test(m[0]) && !verbAt(text, s + m[0].length)) break;
    s += m[0].length;
  }
  return s;
}

export function looksBack(clause: string): boolean {
  return PAST_WORDS.test(clause) || PERFECTIVE.test(clause);
}

/** How a clause was read: the hand rules' reading, one input of the commitment model (model.ts). */
export type ReadHow = 'verb' | 'inner' | 'quote' | 'coagent' | 'frame' | 'forecast' | 'goal' | 'figure' | 'actor' | 'subject' | 'outcome' | 'none';
/** Which hand rule said the clause commits to nothing. */
export type Veto = 'generic' | 'conduct' | 'vague' | 'formula' | 'principle' | 'objectless' | 'frame' | 'coagent' | 'forecast';

export interface ClauseReading {
  start: number;
  /** Where the action's verb (with its adverbs) begins: after a frame (围绕…方向持续加强…), later than start. */
  verbPos: number;
  /** The commitment was read from a verb (action); false for a subject-first goal (国际收支基本平衡). */
  verb: boolean;
  how: ReadHow;
  /** Set when a hand rule finds no commitment here; the model weighs it with the clause's other features. */
  veto?: Veto;
}

export type CommitmentStart = Pick<ClauseReading, 'start' | 'verbPos' | 'verb'>;

/**
 * How text[start, end) reads as a commitment: where its action starts and by which pattern, or which rule
 * finds none. `goal` is set for clauses of a goals sentence (主要预期目标是：…), which commit even without a verb.
 * Returns null only for a clause too short to be anything.
 */
export function readClause(text: string, start: number, end: number, goal: boolean, figure = false): ClauseReading | null {
  const s = dropLeadMarkers(text, start, end);
  if (end - s < 3) return null;
  const clause = text.slice(s, end);
  const none = (veto?: Veto): ClauseReading => ({ start: s, verbPos: s, verb: false, how: 'none', veto });
  // (The ending patterns read only the clause's last characters: tried at every position of a long clause
  // they would dominate the cost of a long page.)
  const tail = clause.slice(-16);
  const early: Veto | undefined =
    clause.length <= 40 && GENERIC.test(clause) ? 'generic' : CONDUCT.test(tail) ? 'conduct' : VAGUE_END.test(tail) ? 'vague' : LEAD_IN_OR_FORMULA.test(clause) ? 'formula' : undefined;
  const v = verbAt(text, s);
  if (v) {
    // 坚决做到“两个维护”: the adverbs do not make a formula a commitment; a verb needs an object (积极探索 alone is not one).
    ADVERBS_AT.lastIndex = s;
    ADVERBS_AT.test(text);
    const bare = text.slice(ADVERBS_AT.lastIndex, end);
    // …unless an adverb in -化 carries it (加快数字化发展).
    const objectless = end - v[1] < 2 && !/化/.test(text.slice(s, ADVERBS_AT.lastIndex));
    const veto: Veto | undefined = early ?? (NOT_COMMITMENTS.test(clause) || NOT_COMMITMENTS.test(bare) ? 'principle' : bare.length <= 40 && GENERIC.test(bare) ? 'generic' : objectless ? 'objectless' : undefined);
    return { start: s, verbPos: s, verb: true, how: 'verb', veto };
  }
  // A quoted manner first: “一产一策”深入实施制造业倍增计划.
  if (text[s] === '“') {
    const close = text.slice(s, end).indexOf('”') + s;
    if (close > s && close < end - 2 && verbAt(text, close + 1)) return { start: s, verbPos: close + 1, verb: true, how: 'quote', veto: early };
  }
  // Working with a partner: 与厦大共建科技成果转化中心, 联合自贸出台政策 (a bare list of partners is not).
  if (CO_AGENT.test(clause)) {
    for (let p = s + 2; p < end - 2; p++) if (verbAt(text, p, 'framed')) return { start: s, verbPos: p, verb: true, how: 'coagent', veto: early };
    return none(early ?? 'coagent');
  }
  // (A frame whose action the frame ends cannot find is read for a verb inside: 对…实行…, 在全国推开….)
  // A frame, then the action: 围绕产业提升、园区管理等挖掘高价值场景资源. The frame stays in the pledge.
  if (FRAMING.test(clause)) {
    // Verbs that cannot be nouns first (…主导产业发展方向持续加强招商引资: 发展 is still the frame), then any.
    for (const kind of [true, 'framed'] as const) {
      for (let p = s + 2; p < end - 2; p++) {
        if ((FRAME_END.test(text.slice(Math.max(s, p - 6), p)) && verbAt(text, p, kind)) || (p >= s + 4 && LIGHT_VERB.test(text.slice(p, p + 2)))) return { start: s, verbPos: p, verb: true, how: 'frame', veto: early };
      }
    }
    const inner = innerVerb(text, s, end);
    return inner ? { ...inner, veto: inner.veto ?? early ?? 'frame' } : none(early ?? 'frame');
  }
  const principle = NOT_COMMITMENTS.test(clause) ? 'principle' : undefined;
  // 预计 announces a plan (预计兑现奖励金700余万元) or forecasts (预计今年财政收入继续增长): only a verb makes it a plan.
  if (clause.startsWith('预计')) return verbAt(text, s + 2) ? { start: s, verbPos: s + 2, verb: true, how: 'forecast', veto: early ?? principle } : none(early ?? principle ?? 'forecast');
  // A goal (国际收支基本平衡) or a figure (重大火灾隐患挂牌督办单位100%整改销案) commits without a verb.
  if (goal || figure) return { start: s, verbPos: s, verb: false, how: goal ? 'goal' : 'figure', veto: early ?? principle };
  // A subject, then 要/将 and the action, or an outcome verb: 政府投资和政策激励要有效带动全社会投资.
  SUBJECT_MODAL.lastIndex = 0;
  for (let m = SUBJECT_MODAL.exec(clause); m && m.index <= 16; m = SUBJECT_MODAL.exec(clause)) {
    const after = s + m.index + m[0].length;
    if (m.index >= 2 && (verbAt(text, after) || /^[^，,]{0,4}(?:有力|提效|并举|有效|加力)/.test(text.slice(after, end)))) {
      // An actor is not part of the pledge (湖里区将加快推进…); a policy is (积极的财政政策要加力提效).
      if (ACTOR.test(clause.slice(0, m.index)) && verbAt(text, after)) return { start: after, verbPos: after, verb: true, how: 'actor', veto: early ?? principle };
      return { start: s, verbPos: s, verb: false, how: 'subject', veto: early ?? principle };
    }
  }
  OUTCOME_VERB.lastIndex = 0;
  const o = OUTCOME_VERB.exec(clause);
  // …明显增加 describes a trend; it does not commit to one.
  if (o && o.index >= 2 && o.index <= 14 && !/^[^，,]*?(?:是|为)/.test(clause.slice(0, o.index)) && !/(?:明显|显著|有所|持续)$/.test(clause.slice(0, o.index))) return { start: s, verbPos: s, verb: false, how: 'outcome', veto: early ?? principle };
  return innerVerb(text, s, end) ?? none(early ?? principle);
}

/**
 * An action verb inside the clause after what opens it: 对所有涉企经营许可事项实行“证照分离”改革, 把…纳入医保报销,
 * 将…扩大至全部制造业领域, 长三角区域一体化发展上升为国家战略. The model weighs the opening (h1, h2 features).
 */
function innerVerb(text: string, s: number, end: number): ClauseReading | null {
  const clause = text.slice(s, end);
  const tail = clause.slice(-16);
  const early: Veto | undefined = CONDUCT.test(tail) ? 'conduct' : VAGUE_END.test(tail) ? 'vague' : LEAD_IN_OR_FORMULA.test(clause) ? 'formula' : NOT_COMMITMENTS.test(clause) ? 'principle' : undefined;
  for (let p = s + 1; p < end - 2 && p < s + 30; p++) {
    if (verbAt(text, p, true) || INNER_RESULT.test(text.slice(p, p + 3))) return { start: s, verbPos: p, verb: true, how: 'inner', veto: early };
  }
  return null;
}

/** Result verbs of a disposal (把/将 X 纳入 Y, 扩大至, 上升为, 推向) that are not action verbs on their own. */
const INNER_RESULT = /^(?:纳入|扩大至|扩大到|上升为|推向|交给|置于|放在|降至|降到|提高到|提高至|用于|引向|收回)/;

/** The hand rules alone: where the commitment starts, or null when they find none. */
export function commitmentStart(text: string, start: number, end: number, goal: boolean, figure = false): CommitmentStart | null {
  const r = readClause(text, start, end, goal, figure);
  return r && !r.veto && r.how !== 'none' ? r : null;
}

/**
 * Splits an enumeration of separate actions joined by 、 (实施A行动、开展B试点) into one span per action.
 * Coordinated objects of one verb (推动A、B落地) stay together: a piece must open with a verb of its own.
 */
export function splitEnumeration(text: string, start: number, end: number, verbPos = start): Clause[] {
  // 做好A、实行B等方法: one list of objects closed by 等…
  if (/等[^、，,]{0,4}$/.test(text.slice(start, end))) return [{ start, end }];
  const out: Clause[] = [];
  let s = start;
  let from = verbPos;
  let depth = 0;
  for (let i = verbPos + 2; i < end - 2; i++) {
    const c = text[i];
    if (c === '“' || c === '（' || c === '(' || c === '《') depth++;
    else if (c === '”' || c === '）' || c === ')' || c === '》') depth = Math.max(0, depth - 1);
    else if ((c === '、' || (c === '并' && !/^并(?:且|举|重|行|存|列|轨)/.test(text.slice(i, i + 2)))) && depth === 0 && i - from >= 4) {
      // …、 or …并 then an action of its own (设立科创板并试点注册制): a verb and a two-character object at least.
      const v = verbAt(text, i + 1, c === '、' ? true : 'framed');
      if (!v || (verbAt(text, from, true)?.[1] ?? end) >= i) continue;
      // A governing verb's object can be a clause (支持港澳发展经济、改善民生); a head verb after 、 starts anew
      // (推动两岸关系和平发展、推进祖国和平统一进程).
      const fv = openingVerb(text, from);
      if (fv && GOVERNING.test(text.slice(fv[0], fv[1])) && !HEAD_VERB.test(text.slice((openingVerb(text, i + 1) ?? v)[0], v[1]))) continue;
      const nextBreak = text.slice(v[1], end).indexOf('、');
      const pieceEnd = nextBreak < 0 ? end : v[1] + nextBreak;
      if (pieceEnd - v[1] >= 2) {
        out.push({ start: s, end: i });
        s = i + 1;
        from = s;
      }
    }
  }
  out.push({ start: s, end });
  return out;
}

/**
 * Whether a clause outside a plan part speaks of the future: it opens with a time word (下一步, 明年) or a
 * modal (将, 要, 计划, 拟, 力争) stands right before an action (湖里区将加快推进…, 计划于年内建成…).
 */
export function speaksOfFuture(text: string, start: number, end: number, news: boolean): boolean {
  const head = text.slice(start, Math.min(end, start + 24));
  // Most clauses of a review hold none of the marker characters: skip the patterns then.
  if (!/[将要计划拟准备打算力争确保下今明接未来]/.test(head)) return false;
  if (FUTURE_TIME.test(head.replace(/^\s+/, ''))) return true;
  // In a review 力争/确保 quote last year's aims; in a news story they announce this year's.
  if (news && /^\s*(?:[^，,]{0,8}?)(?:力争|确保)/.test(head)) return true;
  FUTURE_MODAL.lastIndex = 0;
  for (let m = FUTURE_MODAL.exec(head); m; m = FUTURE_MODAL.exec(head)) {
    // In a review 要 quotes requirements met (落实疫情要防住、经济要稳住的要求); 将, 计划, 拟 still look ahead.
    if (!news && m[0] === '要') continue;
    const after = start + m.index + m[0].length;
    // A two-character verb at least: 将增值税… is 将 + a noun, not 将 + 增.
    if (verbAt(text, after, 'framed') || /^[于在到]/.test(text.slice(after, after + 1))) return true;
  }
  return false;
}
