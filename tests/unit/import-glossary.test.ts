// The precision rules the glossary import applies to each new spelling (scripts/lib/glossary-precision.ts).
import { describe, expect, it } from 'vitest';
import { crossingWord, dictionaryCrossing, passed } from '../../scripts/lib/glossary-precision';

const cross = (text: string, form: string) => {
  const at = text.indexOf(form);
  return crossingWord(text, at, at + form.length);
};

describe('glossary import: where a spelling cuts across an ordinary word', () => {
  it('finds the word that cuts across a spelling in running text', () => {
    expect(cross('绘制标准地图', '标准地')).toBe('标准地图');
    expect(cross('保持出口平稳增长', '稳增长')).toBe('平稳增长');
    expect(cross('落实相关税收政策', '关税')).toMatch(/^相关税收/);
  });
  it('leaves a spelling alone where its edges are word boundaries, compounds included', () => {
    expect(cross('深化医保支付方式改革', '医保')).toBeNull();
    expect(cross('坚持推进改革开放', '改革开放')).toBeNull();
    expect(cross('推行标准地出让', '标准地')).toBeNull();
  });
  it('flags dictionary words that hold a spelling in another sense, not compounds of it', () => {
    expect(dictionaryCrossing('步兵团', '兵团')).toBe(true);
    expect(dictionaryCrossing('平稳增长', '稳增长')).toBe(true);
    expect(dictionaryCrossing('进口关税', '关税')).toBe(false);
    expect(dictionaryCrossing('财政赤字率', '赤字率')).toBe(false);
  });
  it('keeps only entries the checkers passed', () => {
    expect(passed({})).toBe(true);
    expect(passed({ verdict: 'ok' })).toBe(true);
    expect(passed({ verdict: 'reject' })).toBe(false);
    expect(passed({ status: 'Dropped' })).toBe(false);
    expect(passed({ ok: false })).toBe(false);
  });
});
