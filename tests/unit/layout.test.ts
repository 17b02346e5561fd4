import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/core/repair/pipeline';
import { layoutStage } from '../../src/core/repair/stages/layout';

const fix = (s: string) => runPipeline(s, [layoutStage]);

describe('layout stage', () => {
  it('collapses letter-spaced Han runs of three or more', () => {
    expect(fix('  政 府 工 作 报 告\n').text).toBe('  政府工作报告\n');
    expect(fix('• 索 引 号:XM02100').text).toBe('• 索引号:XM02100');
    expect(fix('政\u3000府\u3000工\u3000作').text).toBe('政府工作');
  });

  it('collapses a two-character name only with a wide gap', () => {
    expect(fix('区长  黄  颖\n').text).toBe('区长  黄颖\n');
    expect(fix('代表 黄 颖').text).toBe('代表 黄 颖');
  });

  it('reports one change per spaced run', () => {
    const r = fix('政 府 工 作 报 告 和 索 引 号');
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0].before).toBe('政 府 工 作 报 告 和 索 引 号');
  });

  it('does not join words of several characters or cross lines', () => {
    for (const s of ['推动 发展 改革 开放', '政\n府\n工\n作', '第 1 季 度', 'A B C D']) expect(fix(s).text).toBe(s);
  });

  it('tidies doubled punctuation, keeping the first mark and its width', () => {
    expect(fix('内需,,稳增长,、促消费').text).toBe('内需,稳增长,促消费');
    expect(fix('内需，，稳增长。。促消费、、提质').text).toBe('内需，稳增长。促消费、提质');
  });

  it('leaves ellipses, dashes and single marks alone', () => {
    for (const s of ['等等……', '——2024年', '好。。。', '甲,乙、丙。']) expect(fix(s).text).toBe(s);
  });
});
