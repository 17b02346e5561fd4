import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/core/repair/pipeline';
import { pinyinStage } from '../../src/core/repair/stages/pinyin';
import { readingsOf, isSyllable } from '../../src/core/repair/pinyin/readings';

const fix = (s: string) => runPipeline(s, [pinyinStage]).text;

describe('readings table', () => {
  it('knows Simplified and Traditional characters, toneless', () => {
    expect(readingsOf('扩')).toContain('kuo');
    expect(readingsOf('擴')).toContain('kuo');
    expect(readingsOf('內')).toContain('nei');
    expect(readingsOf('行')).toEqual(expect.arrayContaining(['xing', 'hang']));
    expect(readingsOf('女')).toContain('nv');
    expect(isSyllable('zhuang')).toBe(true);
    expect(isSyllable('ai')).toBe(true);
    expect(isSyllable('xyz')).toBe(false);
  });
});

describe('pinyin stage', () => {
  it('removes tone-marked annotations after Traditional characters', () => {
    expect(fix('聚力擴(kuò)內(nèi)需穩(wěn)增長')).toBe('聚力擴內需穩增長');
  });

  it('removes toneless, tone-numbered, full-width and repeated annotations', () => {
    expect(fix('我们的(de)(de)目标')).toBe('我们的目标');
    expect(fix('我们的(de),(de)目标')).toBe('我们的目标');
    expect(fix('扩(kuo4)大')).toBe('扩大');
    expect(fix('城区（qū）建设')).toBe('城区建设');
    expect(fix('妇女(nǚ)儿童')).toBe('妇女儿童');
    expect(fix('行(xíng)(háng)')).toBe('行');
  });

  it('removes a multi-syllable annotation matching the characters before it', () => {
    expect(fix('经济(jīngjì)发展')).toBe('经济发展');
    expect(fix('厦门(xià mén)市')).toBe('厦门市');
  });

  it('keeps groups that are not pinyin for the preceding character', () => {
    for (const s of ['湖里(区)人民政府', '探索AI(AI)招商', '爱(AI)', '项目(二期)', '福建(厦门)', '成立(2024)', '工作(xing)', '政府(Gov)', '(de)开头', '的 (de)']) {
      expect(fix(s)).toBe(s);
    }
  });

  it('removes the doubled punctuation the annotation pattern left behind', () => {
    expect(fix('扩(kuò),,内需')).toBe('扩,内需');
    expect(fix('扩(kuò),、内需')).toBe('扩,内需');
  });

  it('leaves ordinary doubled punctuation to the layout stage', () => {
    expect(fix('内需,,稳增长')).toBe('内需,,稳增长');
  });
});
