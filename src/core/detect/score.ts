/**
 * Report scoring: independent signals, each adding (or removing) a fixed
 * weight; the page is a report when the sum reaches REPORT_THRESHOLD.
 *
 * The weights are set so that no single weak cue decides: a gov.cn host
 * (0.1), a passing mention of 政府工作报告 (0.05) or a figure-heavy news story
 * each stay well below the threshold, while a report shows several kinds of
 * evidence at once: a report-type title (0.3–0.4) or the 各位代表 address
 * (0.25), plus dense figures, policy verbs and slogans. The density group is
 * capped at DENSITY_CAP (0.45), so report-like prose alone is not enough;
 * it needs one more cue: a gov/news host, a report path, a section heading
 * (工作回顾, 展望 …) or a report marker in the body. Penalties (-0.15 to
 * -0.25) fire only on plentiful cues of service guides, forums, sports
 * reports and meeting news.
 */

import { isGovHost } from './hints';
import { MOJIBAKE_FORMS } from './tables';
import { countEnumerations, countQuotedTerms, countWords, hasLianghuiFolder, hasSessionOrdinal, hasWord, hostIn } from './scan';

export const REPORT_THRESHOLD = 0.5;
/** Most the density signals together may add (see scoreSignals). */
export const DENSITY_CAP = 0.45;

export interface Signal {
  name: string;
  weight: number;
}

// Word lists, not regexes: see scan.ts for why.
const NEWS_HOSTS = ['people.com.cn', 'xinhuanet.com', 'news.cn', 'chinanews.com.cn', 'cctv.com', 'gmw.cn', 'ce.cn', 'xmnn.cn', 'fjsen.com', 'qzwb.com', 'thepaper.cn'];
/** Path segments gov sites use for reports and plans: zfgzbg 政府工作报告, ghjh 规划计划, ndjh 年度计划, gzzj 工作总结, lianghui and /lh/ 两会. */
const REPORT_PATH_WORDS = ['zfgzbg', 'gzbg', 'ghjh', 'ndjh', 'gzzj', 'jhzj', 'lianghui'];
const isReportPath = (path: string) => {
  const p = path.toLowerCase();
  return hasWord(p, REPORT_PATH_WORDS) || hasLianghuiFolder(p);
};

const GWR = ['政府工作报告'];
const HEAD_WORK_DOC = ['工作报告', '工作总结', '工作计划', '工作要点', '工作安排', '报告全文', '述职报告'];
const SESSION_WORDS = ['两会', '人民代表大会', '人代会'];
const SECTION_WORDS = ['工作回顾', '工作成效', '工作计划', '工作安排', '工作打算', '总体要求', '主要预期目标', '展望', '政府自身建设'];

const ADDRESS = ['各位代表'];
const TARGETS = ['预期目标'];
const SECTIONS_BODY = ['工作回顾', '工作成效', '工作计划', '工作安排', '工作总结', '下一步工作', '今后工作', '工作打算'];
const GLOSSARY = ['名词解释'];
const DOC_META = ['索引号', '发布机构', '公文生成日期', '成文日期'];

const FIGURES = ['亿元', '万元', '万人', '万平方米', '%', '％', '百分点', '增长', '同比'];
const POLICY_VERBS = ['推进', '推动', '实施', '加快', '深化', '加强', '强化', '提升', '完善', '坚持', '落实', '持续', '全面', '优化', '打造', '建设', '健全', '统筹'];
const COMMITMENTS = ['力争', '力促', '确保', '预计', '突破', '完成', '超过', '达到'];
const PLAN_SLOGANS = ['十一五', '十二五', '十三五', '十四五', '十五五', '高质量发展', '新质生产力', '中国式现代化', '新发展理念', '新发展格局'];

/**
 * Report vocabulary: the key words the normaliser can also recover from
 * mojibake, so this signal works the same on clean and mis-decoded text.
 */
const KEY_WORDS = MOJIBAKE_FORMS.map((f) => f[0]);

/** Cues of page types that share report vocabulary but are something else. */
const SERVICE_GUIDE = ['办事指南', '办理时限', '申请材料', '办理流程', '收费标准', '受理条件', '办理对象', '咨询电话'];
const FORUM = ['楼主', '沙发', '板凳', '回复', '发表于', '顶一下', '楼上'];
/** Meeting news (会议指出/强调/要求, 主持召开) paraphrases policy in the third person; reports never do. */
const MEETING_NEWS = ['会议指出', '会议强调', '会议要求', '会议认为', '会议研究', '会议听取', '会议传达', '会议审议了', '主持召开'];
const SPORTS = ['比分', '进球', '射门', '主场', '客场', '赛季', '球队', '联赛', '比赛'];

/** Occurrences per 1000 characters. */
const per1k = (n: number, len: number) => (len ? (n * 1000) / len : 0);

export interface ScoreInput {
  host: string;
  path: string;
  head: string;
  text: string;
  /** Length used for densities (differs from text.length for mojibake). */
  length?: number;
}

export function scoreSignals({ host, path, head, text, length }: ScoreInput): Signal[] {
  const out: Signal[] = [];
  const add = (name: string, weight: number) => out.push({ name, weight });
  const len = length ?? text.length;

  if (isGovHost(host)) add('host:gov', 0.1);
  else if (hostIn(host, NEWS_HOSTS)) add('host:news', 0.05);
  if (isReportPath(path)) add('url:report-path', 0.1);

  if (hasWord(head, GWR)) add('head:政府工作报告', 0.4);
  else if (hasWord(head, HEAD_WORK_DOC)) add('head:work-document', 0.3);
  if (hasWord(head, SESSION_WORDS) || hasSessionOrdinal(head)) add('head:session', 0.15);
  if (hasWord(head, SECTION_WORDS)) add('head:report-sections', 0.1);

  if (hasWord(text, ADDRESS)) add('body:各位代表', 0.25);
  if (hasWord(text, GWR)) add('body:政府工作报告', 0.05);
  if (hasWord(text, TARGETS)) add('body:预期目标', 0.1);
  if (hasWord(text, SECTIONS_BODY)) add('body:report-sections', 0.1);
  if (hasWord(text, GLOSSARY)) add('body:名词解释', 0.05);
  if (hasWord(text, DOC_META)) add('body:doc-metadata', 0.05);

  // Density evidence: report prose is thick with figures, policy verbs,
  // commitments and quoted slogans. Each needs a minimum absolute count so a
  // short page cannot reach a high density with two hits, and the group is
  // capped so prose alone (policy news reads much the same) cannot carry a
  // page far past the threshold without a report-specific cue.
  const dense: Signal[] = [];
  const addDense = (name: string, weight: number) => dense.push({ name, weight });
  const figureHits = countWords(text, FIGURES);
  const figures = per1k(figureHits, len);
  if (figureHits >= 5) {
    if (figures >= 6) addDense('density:figures-high', 0.2);
    else if (figures >= 3) addDense('density:figures', 0.12);
    else if (figures >= 1.5) addDense('density:figures-low', 0.05);
  }

  const verbHits = countWords(text, POLICY_VERBS);
  const verbs = per1k(verbHits, len);
  // Report windows: p10 ≈ 17, median ≈ 27 per 1000 chars; news stories and service pages stay under 8.
  if (verbHits >= 10) {
    if (verbs >= 25) addDense('density:policy-verbs-very-high', 0.22);
    else if (verbs >= 15) addDense('density:policy-verbs-high', 0.15);
    else if (verbs >= 8) addDense('density:policy-verbs', 0.08);
  }

  const commitHits = countWords(text, COMMITMENTS);
  if (commitHits >= 3 && per1k(commitHits, len) >= 2) addDense('density:commitments', 0.08);

  const quotedHits = countQuotedTerms(text);
  const quoted = per1k(quotedHits, len);
  if (quotedHits >= 3) {
    if (quoted >= 2) addDense('density:slogans-high', 0.1);
    else if (quoted >= 0.8) addDense('density:slogans', 0.05);
  }
  if (hasWord(text, PLAN_SLOGANS)) addDense('body:plan-slogans', 0.05);
  if (countEnumerations(text) >= 3) addDense('body:enumeration', 0.05);

  let vocab = 0;
  for (const w of KEY_WORDS) if (text.includes(w)) vocab++;
  if (vocab >= 9) addDense('vocab:report-rich', 0.15);
  else if (vocab >= 6) addDense('vocab:report', 0.08);

  const denseSum = dense.reduce((a, d) => a + d.weight, 0);
  if (denseSum > DENSITY_CAP) dense.push({ name: 'density:capped', weight: DENSITY_CAP - denseSum });
  out.push(...dense);

  // Penalties: only when a page type's cues are plentiful, never for one word
  // (counted in the headings and the text, each on its own).
  const cues = (words: readonly string[]) => countWords(head, words) + countWords(text, words);
  if (cues(SERVICE_GUIDE) >= 3) add('neg:service-guide', -0.25);
  if (cues(FORUM) >= 3) add('neg:forum', -0.25);
  if (cues(SPORTS) >= 5) add('neg:sports', -0.25);
  if (countWords(text, MEETING_NEWS) >= 2) add('neg:meeting-news', -0.15);

  return out;
}
