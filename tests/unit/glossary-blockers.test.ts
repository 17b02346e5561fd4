// A short built-in form must not be marked inside a longer word that means something else (化债 in 法治化债转股,
// 三保 in 三保障), even with a cue word nearby: the entries' blockers (checked list: scripts/data/glossary/check-existing.md).
// Each sentence below has a cue within reach, so only the blocker keeps the wrong tooltip away.
import { describe, expect, it } from 'vitest';
import { findTerms } from '../../src/core/glossary';
import { BUILTIN_GLOSSARY } from '../../src/core/data/glossary-builtin';

const keysIn = (text: string) => findTerms(text, { coined: false }).map((t) => t.key);
const entry = (term: string) => BUILTIN_GLOSSARY.find((e) => e.term === term)!;

describe('built-in blockers: a form inside a longer word of another sense', () => {
  it('化债 is not the debt package inside 市场化法治化债转股', () => {
    expect(keysIn('有序开展市场化法治化债转股工作')).not.toContain('一揽子化债方案');
    expect(keysIn('稳妥推进化债工作')).toContain('一揽子化债方案');
  });

  it('三保 is not the budget floor inside 三保障 or 三保三压', () => {
    expect(keysIn('聚焦民生，巩固三保障和饮水安全成果')).not.toContain('三保');
    expect(keysIn('实行三保三压，保工资')).not.toContain('三保');
    expect(keysIn('兜牢基层三保底线')).toContain('三保');
  });

  it('两新 is not the 2024 trade-in policy inside 两新一重', () => {
    expect(keysIn('加快推进国债支持的两新一重建设')).not.toContain('两新');
    expect(keysIn('用好两新政策')).toContain('两新');
  });

  it('两基 is not the education goal inside 两基地', () => {
    expect(keysIn('普及推广一区两基地建设')).not.toContain('两基');
    expect(keysIn('两基攻坚全面完成')).toContain('两基');
  });

  it('十五 is not the Tenth Five-Year Plan inside 十五大, 十五届 or 第十五', () => {
    expect(keysIn('十五大提出的计划')).not.toContain('十五');
    expect(keysIn('十五届人大期间')).not.toContain('十五');
    expect(keysIn('第十五届全运会期间')).not.toContain('十五');
    expect(keysIn('“十五”计划顺利完成')).toContain('十五');
    expect(keysIn('十五期间经济平稳增长')).toContain('十五');
  });

  // No blocker needed: the numeral boundary rule already rejects 九五 between numerals (一九五七年).
  it('九五 is not the Ninth Five-Year Plan inside a year written in numerals', () => {
    expect(keysIn('一九五七年计划')).not.toContain('九五');
    expect(keysIn('“九五”计划')).toContain('九五');
  });

  it('两山 is not the Two Mountains theory inside 两山七河 (Shanxi geography)', () => {
    expect(keysIn('治理实践：两山七河五湖')).not.toContain('两山理论');
    expect(keysIn('深化两山转化实践')).toContain('两山理论');
  });

  it('三通 no longer takes 小三通 as its cue, and is blocked inside 三通一码', () => {
    expect(entry('三通').cues).not.toContain('小三通');
    expect(keysIn('通邮：推行三通一码')).not.toContain('三通');
    expect(keysIn('两岸实现直接“三通”')).toContain('三通');
  });
});

describe('checked corrections to hand-written entries', () => {
  it('drops variants that name something else', () => {
    expect(keysIn('筹集保障性租赁住房')).not.toContain('保障性住房');
    expect(keysIn('贵州榕江村超火爆')).not.toContain('村BA');
    expect(entry('自贸试验区').variants).not.toContain('自贸区');
    // 自贸区 has an entry of its own that names both senses.
    expect(keysIn('商签中韩自贸区协定')).toContain('自贸区');
    expect(keysIn('商签中韩自贸区协定')).not.toContain('自贸试验区');
    expect(keysIn('建设保障房')).toContain('保障性住房');
  });

  it('uses the official English names', () => {
    expect(entry('两个确立').en).toBe('the Two Establishments');
    expect(entry('六稳').en).toBe('stability on six fronts');
    expect(entry('六保').en).toBe('security in six areas');
  });
});

describe('imported entries keep the blockers their checkers listed', () => {
  it('a quoted short form inside a longer quoted name (“八五”普法 is not the Eighth Five-Year Plan)', () => {
    expect(keysIn('启动实施“八五”普法规划')).not.toContain('第八个五年计划');
    expect(keysIn('“八五”计划期间')).toContain('第八个五年计划');
  });

  it('a law inside a longer word (公司法 in 公司法人)', () => {
    expect(keysIn('完善公司法人治理结构')).not.toContain('公司法');
    expect(keysIn('修订公司法')).toContain('公司法');
  });
});

describe('graded and full names of imported entries are marked', () => {
  it('5A级旅游景区 and 二氧化碳排放强度', () => {
    expect(keysIn('新增国家5A级旅游景区2家')).toContain('A级旅游景区');
    expect(keysIn('单位地区生产总值二氧化碳排放强度下降')).toContain('碳排放强度');
  });
});

describe('names written only in digits', () => {
  it('are marked only quoted: “1650”产业体系 is a term, 1650万户 a figure', () => {
    expect(keysIn('深化“1650”产业体系建设')).toContain('1650');
    expect(keysIn('新增沼气用户1650万户')).not.toContain('1650');
    expect(keysIn('完成投资1650亿元')).not.toContain('1650');
    expect(keysIn('加力实施“8+4”经济政策体系')).toContain('8+4');
    expect(keysIn('形成8+4个项目')).not.toContain('8+4');
  });
});

describe('longer words that hold a term in its own sense are not blockers (not-blockers.tsv)', () => {
  it('赤字率控制, 数智化发展, 核电站, 深远海风电, 托位数 keep their tooltip', () => {
    expect(keysIn('五年总体赤字率控制在3%')).toContain('赤字率');
    expect(keysIn('加快数智化发展')).toContain('数智化');
    expect(keysIn('建成秦山核电站')).toContain('核电');
    expect(keysIn('大力发展深远海风电')).toContain('风电');
    expect(keysIn('婴幼儿托位数增至1.2万个')).toContain('托位');
  });
});
