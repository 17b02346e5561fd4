// Pledge detection on the plan parts of seeds 000 and 002, and pledge-to-report matching.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/core/figures';
import { extractPledges, matchPledge } from '../../src/core/pledges';

const root = resolve(__dirname, '../..');
const read = (f: string) => readFileSync(resolve(root, f), 'utf8');

function pledgesOf(file: string) {
  const text = read(file);
  return { text, pledges: extractPledges(text) };
}

describe('findPledges on seed 000 (2025年工作计划)', () => {
  const { text, pledges } = pledgesOf('seeds/000_0cf104e84806d453.txt');
  const reviewStart = text.indexOf('2024年工作回顾');
  const planStart = text.indexOf('2025年工作计划');

  // [a text the pledge clause must contain, its main figure]
  const expected: Array<[string, string]> = [
    ['地区生产总值增长5.5%', '5.5%'],
    ['区级财政收入增长3.5%', '3.5%'],
    ['区属规模以上工业产值增长10%', '10%'],
    ['力争策划生成项目超200个', '200个'],
    ['促开工项目88个', '88个'],
    ['力促新质智造产业园等2个重大项目提前开工', '2个'],
    ['确保西潘安商房等3个民生项目提前竣工', '3个'],
    ['力争落地100个优质项目', '100个'],
    ['规上企业突破80家', '80家'],
    ['力争全年国家高新技术企业新增70家以上', '70家以上'],
    ['专精特新企业新增40家以上', '40家以上'],
    ['力争推动全区产业空间载体面积达到80万平方米', '80万平方米'],
    ['探索设立8至10个社区碳账户', '8至10个'],
    ['力争新建民用建筑绿色建筑占比达100%', '100%'],
    ['新增学前学位720个', '720个'],
    ['新选拔培养骨干名师150名以上', '150名以上'],
    ['社区居家养老床位超300张', '300张'],
  ];
  it.each(expected)('finds %s', (clause, figure) => {
    const p = pledges.find((x) => x.text.includes(clause));
    expect(p, clause).toBeDefined();
    expect(p!.figure?.text).toBe(figure);
    expect(p!.dueYear).toBe(2025);
    expect(p!.start).toBeGreaterThan(planStart);
  });
  it('keeps the clause between clause punctuation', () => {
    const p = pledges.find((x) => x.text.includes('确保西潘安商房'))!;
    expect(p.text).toBe('确保西潘安商房等3个民生项目提前竣工');
    expect(text.slice(p.start, p.end)).toBe(p.text);
  });
  it('finds no pledge in the review part', () => {
    expect(reviewStart).toBeGreaterThan(0);
    const inReview = pledges.filter((p) => p.start > reviewStart && p.start < planStart);
    expect(inReview.map((p) => p.text)).toEqual([]);
  });
  it('does not treat the structure of the speech as a pledge', () => {
    expect(pledges.find((p) => p.text.includes('六个方面工作'))).toBeUndefined();
  });
});

describe('findPledges on seed 002 (二、2024年工作计划)', () => {
  const { text, pledges } = pledgesOf('seeds/002_da23955f95c06a62.txt');
  const planStart = text.indexOf('二、2024年工作计划');
  const expected: Array<[string, string]> = [
    ['2024年全区固定资产投资力争完成比增5%', '5%'],
    ['完成批而未供处置率30%以上的处置任务', '30%以上'],
    ['推进已梳理的34宗', '34宗'],
    ['助力17个城中村', '17个'],
    ['预计兑现政策期内重点产业人才奖励金700余万元', '700余万元'],
  ];
  it.each(expected)('finds %s', (clause, figure) => {
    const p = pledges.find((x) => x.text.includes(clause));
    expect(p, clause).toBeDefined();
    expect(p!.figure?.text).toBe(figure);
    expect(p!.dueYear).toBe(2024);
  });
  it('finds no pledge in the 2023 review', () => {
    expect(planStart).toBeGreaterThan(0);
    expect(pledges.filter((p) => p.start < planStart).map((p) => p.text)).toEqual([]);
  });
});

describe('findPledges dueYear', () => {
  it('prefers an explicit year in the clause', () => {
    const text = '2025年工作安排\n到2027年建成5G基站1万个,新建口袋公园4个。';
    const pledges = extractPledges(text);
    expect(pledges.map((p) => [p.figure?.text, p.dueYear])).toEqual([['1万个', 2027], ['4个', 2025]]);
  });
});

describe('matchPledge', () => {
  const review = read('seeds/000_0cf104e84806d453.txt');
  const reviewFigures = extractFigures(review);
  it('matches a jobs pledge to the later report of new jobs', () => {
    const planText = '2024年工作安排\n新增城镇就业3万人以上。';
    const [pledge] = extractPledges(planText);
    const matches = matchPledge(pledge, reviewFigures, review);
    expect(matches[0].figure.text).toBe('3.1万人');
    expect(matches[0].score).toBeGreaterThan(0.5);
    expect(matches[0].snippet).toContain('新增就业3.1万人');
    // Money figures can never report on a head count.
    expect(matches.some((m) => m.figure.unit === '元')).toBe(false);
    // 失业再就业9214人 shares the unit but not the metric as closely.
    const reemploy = matches.find((m) => m.figure.text === '9214人');
    expect(reemploy === undefined || reemploy.score < matches[0].score).toBe(true);
  });
  it('matches an investment target to the completed investment', () => {
    const later = read('seeds/002_da23955f95c06a62.txt');
    const planText = '2023年工作计划\n力促固定资产投资超640亿元。';
    const [pledge] = extractPledges(planText);
    const matches = matchPledge(pledge, extractFigures(later), later);
    expect(matches[0].figure.text).toBe('668.5亿元');
  });
  it('scores nothing when metric and units disagree', () => {
    const text = '新建口袋公园4个。';
    const matches = matchPledge({ text: '新增城镇就业3万人', figure: extractFigures('2025年工作计划\n新增城镇就业3万人')[0] }, extractFigures(text), text);
    expect(matches).toEqual([]);
  });
});
