import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repair } from '../../src/core/repair';
import { spunStage } from '../../src/core/repair/stages/spun';
import { DECIDE_PARAMS, choicePoints, findMatches, forwardDict, reverseDict, spinnerGate } from '../../src/core/repair/spun';
import { restorationStats } from '../support/align';
import { spin } from '../support/spinner';

const read = (rel: string) => readFileSync(new URL(rel, import.meta.url), 'utf8');
const seed = (id: string) => {
  const names: Record<string, string> = {
    '000': '000_0cf104e84806d453',
    '001': '001_ab26684728578657',
    '002': '002_da23955f95c06a62',
    '003': '003_79a18ab8566106eb',
    '004': '004_89c8bcedadaad6b3',
  };
  return read(`../../seeds/${names[id]}.txt`);
};

describe('spinner dictionary', () => {
  it('has thousands of forward pairs and inverts them', () => {
    const { words, chars } = forwardDict();
    let pairs = 0;
    for (const forms of words.values()) pairs += forms.length;
    expect(pairs).toBeGreaterThan(2000);
    expect(chars.get('实')).toContain('真');
    const rev = reverseDict();
    expect(rev.get('展开')!.map((o) => o.orig)).toContain('发展');
    expect(rev.get('高量质')!.map((o) => o.orig)).toContain('高质量');
    // A swap: each side reverts to the other.
    expect(rev.get('出产')!.map((o) => o.orig)).toContain('消费');
    expect(rev.get('消费')!.map((o) => o.orig)).toContain('生产');
  });

  it('matches longest first without overlaps', () => {
    const m = findMatches('以真干真效书写高量质展开答卷');
    expect(m.map((x) => x.form)).toEqual(['真干', '真效', '高量质', '展开']);
  });
});

describe('spinner gate', () => {
  it('stays closed on clean pages', () => {
    for (const id of ['000', '001', '002', '003']) {
      const text = seed(id);
      expect(spinnerGate(text).open, id).toBe(false);
      expect(spunStage.run(text, {}), id).toEqual([]);
    }
  });

  it('opens on the spun seed', () => {
    const text = seed('004');
    const gate = spinnerGate(text);
    expect(gate.open).toBe(true);
    expect(gate.density).toBeGreaterThan(20);
  });
});

describe('spun stage', () => {
  it('decides in short steps on the page, with the same edits as at once (issue #14)', () => {
    const text = seed('004');
    const steps = spunStage.runInSteps!(text, {});
    let pauses = 0;
    let r = steps.next();
    while (!r.done) {
      pauses++;
      r = steps.next();
    }
    // Seed 004 has about 1,000 points to decide, 64 a step, in two passes and the page-consistency re-scoring.
    expect(pauses).toBeGreaterThanOrEqual(16);
    expect(r.value).toEqual(spunStage.run(text, {}));
    expect(r.value.length).toBeGreaterThan(100);
  });

  it('reverts swaps in one pass over the spun text', () => {
    const text = '扎真敦促高量质展开,标识表记标帜着翻新驱动,出产品以旧换新,展开新量消费劲。';
    const edits = spunStage.run(text, {});
    let out = '';
    let at = 0;
    for (const e of edits) {
      expect(e.kind).toBe('spun');
      expect(e.start).toBeGreaterThanOrEqual(at);
      out += text.slice(at, e.start) + e.after;
      at = e.end;
    }
    out += text.slice(at);
    expect(out).toBe('扎实推动高质量发展,标志着创新驱动,消费品以旧换新,发展新质生产力。');
  });

  const applyOnSpunPage = (text: string) => {
    let out = '';
    let at = 0;
    for (const e of spunStage.run(text, { page: { spun: true } })) {
      out += text.slice(at, e.start) + e.after;
      at = e.end;
    }
    return out + text.slice(at);
  };

  it('undoes a two-layer chain across a word boundary', () => {
    // 新活力 → 新生机 (活力→生机), then 新生→重生 across the boundary: 重生机.
    expect(applyOnSpunPage('为经济社会展开注入重生机。')).toBe('为经济社会发展注入新活力。');
  });

  it('uses the page: an original whose usual spun form is elsewhere on the page is not the source', () => {
    // Alone, 安然 reads best as 安全 (筑牢安全…). When 安全's usual form 安宁 is on the page,
    // the tool did not turn 安全 into 安然 here: it came from 平安.
    expect(applyOnSpunPage('统筹发展和保障,筑牢安然基石。')).toContain('筑牢安全基石');
    // The page's evidence lowers 安全 as a source of 安然 by the usualSeen weight. (End to end,
    // seed 004's 筑牢安然基石 now reads 安全 again: the general word counts favour it, and the
    // report model likes 筑牢安全; the weights gain more elsewhere, see params.ts.)
    const prior = (text: string) => {
      const p = choicePoints(text, findMatches(text)).find((x) => x.form === '安然')!;
      return p.priors[p.cands.indexOf('安全')] - p.priors[p.cands.indexOf('平安')];
    };
    expect(prior('统筹发展和保障,筑牢安然基石。') - prior('统筹发展和安宁,筑牢安然基石。')).toBeCloseTo(DECIDE_PARAMS.usualSeen, 5);
  });

  it('leaves a common form alone when its original stands intact on the page more often than a spinner would leave it', () => {
    // Alone, 乡村教师 reads as 农村教师 to a report-trained model. Here 农村 stands intact four
    // times and no 乡村 is read as 农村 elsewhere: the page's spinner does not swap 农村, so 乡村 is genuine.
    const page = '深化农村改革，农村居民收入增长，加强农村基础设施建设，农村人口持续减少。提高乡村教师待遇，改善办学条件。';
    expect(applyOnSpunPage(page)).toBe(page);
    expect(applyOnSpunPage('提高乡村教师待遇，改善办学条件。')).toContain('农村教师');
  });

  it('restores seed 004 against the hand-restored gold with little collateral damage', () => {
    const input = seed('004');
    const gold = read('../fixtures/004_restored.txt');
    const out = repair(input).text;
    const stats = restorationStats(input, out, gold);
    // Issue #12: at least 97.5% restored, collateral at most 0.15% (measured 97.57%, 0.10%).
    expect(stats.restoreRate).toBeGreaterThanOrEqual(0.975);
    expect(stats.collateralRate).toBeLessThanOrEqual(0.0015);
  });

  it('is idempotent on seed 004', () => {
    const once = repair(seed('004')).text;
    expect(repair(once).text).toBe(once);
  });

  it('restores clean text spun by the test spinner (seed 000, never seen in training)', () => {
    const gold = seed('000');
    const input = spin(gold, { seed: 7 });
    expect(input).not.toBe(gold);
    const stats = restorationStats(input, repair(input).text, gold);
    // Measured 89.4% restored, 0.58% collateral.
    expect(stats.restoreRate).toBeGreaterThan(0.86);
    expect(stats.collateralRate).toBeLessThan(0.008);
  });
});
