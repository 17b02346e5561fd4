// Word lists for the figure scanner. Kept apart from the scanner so the conventions are easy to audit.
import type { FigureKind } from './types';

export interface UnitInfo {
  /** Normalised unit reported on the figure. */
  unit: string;
  /** Multiplier folded into the value (亿元 → 1e8 with unit 元). */
  scale: number;
  kind: FigureKind;
  /** Unit only counts after Arabic numerals (Chinese 十分, 三期, 二层 are words, not quantities). */
  arabicOnly?: boolean;
}

const money = (unit: string, scale = 1): UnitInfo => ({ unit, scale, kind: 'amount' });
const measure = (unit: string, scale = 1): UnitInfo => ({ unit, scale, kind: 'amount' });
const count = (unit: string, scale = 1, arabicOnly = false): UnitInfo => ({ unit, scale, kind: 'count', arabicOnly });

/**
 * Units and measure words. Magnitudes (万, 亿) before a unit are parsed separately, so 万人 is 万 + 人;
 * entries here carry their own scale only where the magnitude is part of the word (万亿元 is not needed).
 */
export const UNITS: Record<string, UnitInfo> = {
  // money
  元: money('元'), 人民币: money('元'), 美元: money('美元'), 港元: money('港元'), 欧元: money('欧元'), 块钱: money('元'),
  // percent-like
  '%': { unit: '%', scale: 1, kind: 'percent' },
  '％': { unit: '%', scale: 1, kind: 'percent' },
  '‰': { unit: '‰', scale: 1, kind: 'percent' },
  个百分点: { unit: '个百分点', scale: 1, kind: 'percent' },
  个多百分点: { unit: '个百分点', scale: 1, kind: 'percent' },
  百分点: { unit: '个百分点', scale: 1, kind: 'percent' },
  成: { unit: '%', scale: 10, kind: 'percent' },
  倍: { unit: '倍', scale: 1, kind: 'ratio' },
  // physical measures
  平方公里: measure('平方公里'), 平方米: measure('平方米'), '微克/立方米': measure('微克/立方米'), 微克: { unit: '微克', scale: 1, kind: 'amount', arabicOnly: true }, 平米: measure('平方米'), 立方米: measure('立方米'),
  公顷: measure('公顷'), 亩: measure('亩'), 公里: measure('公里'), 千米: measure('公里'), 米: measure('米', 1),
  吨: measure('吨'), 斤: measure('斤'), 公斤: measure('公斤'), 千克: measure('公斤'), 克: { unit: '克', scale: 1, kind: 'amount', arabicOnly: true },
  升: { unit: '升', scale: 1, kind: 'amount', arabicOnly: true }, 千伏: measure('千伏'), 吉瓦: measure('吉瓦'), 平方千米: measure('平方公里'), 海里: measure('海里'), 千瓦时: measure('千瓦时'), 千瓦: measure('千瓦'), 兆瓦: measure('兆瓦'), 度: { unit: '度', scale: 1, kind: 'amount', arabicOnly: true },
  标箱: measure('标箱'), TEU: measure('标箱'), P: { unit: 'P', scale: 1, kind: 'amount', arabicOnly: true },
  // durations (a count of time units; dates are scanned separately)
  个月: count('个月'), 小时: count('小时'), 分钟: count('分钟'), 周岁: count('周岁'), 岁: count('岁'),
  年: count('年'), 天: count('天'), 周: count('周', 1, true),
  // people and things
  人次: count('人次'), 人: count('人'), 名: count('名'), 位: count('位'), 户: count('户'), 个: count('个'),
  家次: count('家次'), 家: count('家'), 项: count('项'), 所: count('所'), 件: count('件'), 宗: count('宗'), 套: count('套'),
  场次: count('场次'), 场: count('场'), 批次: count('批次'), 批: count('批', 1, true), 条: count('条'), 处: count('处'),
  座: count('座'), 栋: count('栋'), 幢: count('幢'), 幅: count('幅'), 艘次: count('艘次'), 艘: count('艘'),
  辆: count('辆'), 台: count('台'), 部: count('部'), 只: count('只'), 支: count('支'), 张: count('张'),
  班次: count('班次'), 架次: count('架次'), 架: count('架'), 车次: count('车次'), 航次: count('航次'), 趟: count('趟'), 头: count('头', 1, true), 团次: count('团次'), 笔: count('笔'), 份: count('份'), 篇: count('篇'), 块: count('块'),
  棵: count('棵'), 株: count('株'), 盏: count('盏'), 类: count('类'), 种: count('种'), 起: count('起', 1, true),
  单: count('单', 1, true), 次: count('次'), 分: count('分', 1, true), 床: count('床'), 间: count('间', 1, true),
  例: count('例'), 级: count('级'), 顶: count('顶'), 枚: count('枚'), 本: count('本', 1, true), 册: count('册'), 对: count('对', 1, true), 期: count('期', 1, true), 所次: count('所次'), 列: count('列', 1, true),
  颗: count('颗'), 轮: count('轮'),
  // 2届博览会, 34款新药: after Chinese numerals these are ordinals (十届人大) or words (一款).
  届: count('届', 1, true), 款: count('款', 1, true),
};

/** Unit alternation, longest first so 个百分点 wins over 个 and 人次 over 人. */
export const UNIT_PATTERN = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/[%‰％]/g, (c) => c))
  .join('|');

/** Qualifiers written right before the number; the longest match wins. */
export const PREFIX_QUALIFIERS = [
  '力争达到', '力争达', '力争超', '不低于', '不少于', '不超过', '不高于', '超过', '突破', '达到', '约达', '高达',
  '逾', '超', '近', '约', '达', '至少', '最多', '仅',
];
/** Qualifiers written right after the figure; included in the figure text. */
export const SUFFIX_QUALIFIERS = ['以上', '以下', '左右', '以内', '上下'];

/** Words right before a figure that mark upward or downward change. */
export const UP_WORDS = ['同比增长', '比增', '增长', '增加', '增幅', '提升', '提高', '上升', '跃升', '增速', '扩大', '增', '涨'];
export const DOWN_WORDS = ['同比下降', '比降', '下降', '降低', '减少', '下滑', '降幅', '回落', '收窄', '压减', '缩减', '降', '减'];

/**
 * Slogan numbers: a small Chinese numeral + measure word followed by one of these words is a fixed political
 * term (两个确立, 四个意识, 八项规定), not a quantity.
 */
export const SLOGAN_FOLLOWERS: Record<string, string[]> = {
  个: ['确立', '维护', '意识', '自信', '务必', '全面', '代表', '百年', '结合', '一', '没有', '必须', '坚持', '文明', '有之'],
  项: ['规定', '本领', '注意', '基本', '原则', '主张'],
  种: ['能力'],
  条: ['底线', '红线'],
  年: ['行动', '计划', '规划', '攻坚', '专项', '一度', '实施', '发展', '工作方案', '纲要', '奋斗', '禁渔'],
  元: ['结构', '化', '论', '体制', '经济'],
  人: ['转'],
  次: ['会议', '全会', '党代会', '全体会议', '代表大会', '产业'],
  位: ['一体'],
  件: ['套'],
};

/** After 第N these nouns make it an ordinal (第二届, 第四次, 第十一批), never a rank. */
export const ORDINAL_NOUNS = '届次批轮期季个条款章节号部段粮方代年天级类项家卷版集阶站波场轮任';

/** Words near 第N that make it a ranking (全市第一, 排名第四, 位列全省县域第五). */
export const RANK_CUES = ['全国', '全省', '全市', '全区', '全球', '全县', '世界', '中部', '西部', '东部', '东北', '排名', '位列', '位居', '名列', '居', '排', '跃升', '跃居', '蝉联', '保持', '列', '县区', '各区', '前进', '榜单'];

/** Scope words kept in a rank's text when written right before it (全省第四). */
// Regions rank provinces too (西部第一, 中部地区第1, 西部首位).
export const RANK_SCOPES = ['全国', '全省', '全市', '全区', '全县', '全球', '世界', '中西部', '中部', '西部', '东部', '东北', '北方', '南方'];

/** Kinds of place written between a scope and its rank (全球城市首位, 全省县域第五), longest first. */
export const RANK_SCOPE_NOUNS = ['副省级城市', '省会城市', '同类城市', '主要城市', '中心城市', '地级市', '城市', '县域', '县区', '省份', '国家', '地区'];

/**
 * Characters that, right after a one-character unit, show the unit character is really the start of a word:
 * 家庭, 人民, 项目, 部门, 场所, 台胞 … (3家庭 is not "3 firms"; 零部件 has no 部 unit).
 */
export const UNIT_WORD_STARTS: Record<string, string> = {
  家: '庭乡长属族', 人: '民才员口士们大工事物均', 名: '单称义牌片额', 项: '目', 条: '件例款', 部: '门署分队长件委',
  所: '有以在属得谓', 场: '所景馆地', 处: '理置长罚', 种: '类植子', 类: '型别', 倍: '增', 台: '阶湾胞商企资', 户: '籍外口',
  元: '素旦首', 位: '置于', 座: '谈', 批: '准复示', 套: '餐', 次: '序', 张: '贴', 支: '持出付撑部队', 只: '是有要能',
  期: '间待限', 篇: '章', 间: '隔', 起: '来步点草', 周: '边期围转', 对: '于外接口象标话照比', 分: '别析类配享散布工子',
  度: '过', 米: '袋', 天: '然津地下', 块: '钱', 升: '级值温格高', 克: '服隆', 头: '部等条号脑', 轮: '驱换流胎船回廓', 颗: '粒',
};
