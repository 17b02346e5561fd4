// Numbered meetings and plans, read and explained by rule (src/core/glossary/meetings.ts).
import { describe, expect, it } from 'vitest';
import { findNumberedMeetings, findTerms } from '../../src/core/glossary';
import { smallNumber } from '../../src/core/glossary/meetings';

const found = (s: string) => findNumberedMeetings(s).map((t) => [t.text, t.definition]);

describe('numbered meetings and plans', () => {
  it('reads small Chinese numbers', () => {
    expect(['九', '十', '十四', '二十', '二十一'].map(smallNumber)).toEqual([9, 10, 14, 20, 21]);
    expect(smallNumber('一百')).toBeNaN();
  });
  it('explains Party congresses with their year, plenums with their numbers', () => {
    expect(found('全面贯彻党的二十大和二十届二中、三中全会精神')).toEqual([
      ['党的二十大', '中国共产党第二十次全国代表大会，2022年10月召开。'],
      ['二十届二中、三中全会', '中国共产党第二十届中央委员会第二次、第三次全体会议。'],
    ]);
    expect(found('十八大以来')).toEqual([['十八大', '中国共产党第十八次全国代表大会，2012年11月召开。']]);
  });
  it('dates NPC and CPPCC sessions from their term', () => {
    expect(found('在第十四届全国人民代表大会第二次会议上')[0][1]).toContain('2024年3月');
    expect(found('十三届全国人大五次会议')[0][1]).toContain('2022年3月');
    expect(found('政协第十四届全国委员会第二次会议')[0][1]).toContain('中国人民政治协商会议全国委员会');
  });
  it('gives a five-year plan its years', () => {
    expect(found('第六个五年计划')).toEqual([['第六个五年计划', '国民经济和社会发展第六个五年计划，1981—1985年。']]);
    expect(found('第十五个五年规划')[0][1]).toContain('2026—2030年');
  });
  it('leaves numbered things that are not congresses alone', () => {
    expect(found('打造十二大重点产业，培育二十大产业集群，三十九大项目')).toEqual([]);
  });
  it('yields to a glossary entry of the same words, and carries English in the term', () => {
    const terms = findTerms('坚持十一届三中全会以来的路线，贯彻二十届三中全会精神。', { report: [] });
    const third = terms.find((t) => t.text === '十一届三中全会')!;
    expect(third.definition).not.toMatch(/^中国共产党第十一届中央委员会第三次全体会议。$/); // the curated entry
    const twentieth = terms.find((t) => t.text === '二十届三中全会')!;
    expect(twentieth).toMatchObject({ source: 'builtin', category: 'meeting', en: 'the 3rd plenary session of the 20th CPC Central Committee' });
  });
});
