import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Figure } from '../../src/core/figures/types';
import type { PageSample } from '../../src/core/detect/types';

// The extractors are stand-ins here so the test pins annotate()'s wiring
// (which text each step sees, what flows between steps), not their quality.
const calls = vi.hoisted(() => ({
  repairInput: [] as string[],
  sample: null as PageSample | null,
  figuresText: '',
  termsArgs: null as unknown,
  pledgeFigures: [] as Figure[],
}));

vi.mock('../../src/core/repair/index', () => ({
  repair: (text: string) => {
    calls.repairInput.push(text);
    // A visible repair that shifts offsets: every "ＡＢ" run becomes "AB".
    const out = text.replaceAll('ＡＢ', 'AB');
    return { text: out, changes: [], suggestions: [], map: null };
  },
}));
vi.mock('../../src/core/detect/index', async (importOriginal) => ({
  // The real sampler, so the test sees what the detector would be given.
  ...(await importOriginal<typeof import('../../src/core/detect/index')>()),
  detectReport: (sample: PageSample) => {
    calls.sample = sample;
    return { isReport: true, score: 0.75, signals: ['stub'] };
  },
}));
vi.mock('../../src/core/figures/index', () => ({
  extractFigures: (text: string) => {
    calls.figuresText = text;
    const figs: Figure[] = [];
    for (const m of text.matchAll(/\d+/g)) {
      figs.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'count', value: Number(m[0]), unit: '', target: false });
    }
    return figs;
  },
}));
vi.mock('../../src/core/glossary/index', () => ({
  findTerms: (text: string, options: unknown) => {
    calls.termsArgs = options;
    const i = text.indexOf('十四五');
    return i < 0 ? [] : [{ start: i, end: i + 3, text: '十四五', key: '十四五', definition: 'plan', source: 'builtin' }];
  },
}));
vi.mock('../../src/core/pledges/index', () => ({
  // eslint-disable-next-line require-yield
  extractPledgesInSteps: function* (_text: string, options: { figures: Figure[] }) {
    calls.pledgeFigures = options.figures;
    return [];
  },
}));

const { annotate } = await import('../../src/core/annotate');

beforeEach(() => {
  calls.repairInput = [];
  calls.sample = null;
});

describe('annotate wiring', () => {
  const input = '标题ＡＢ报告\n第二行\n“十四五”时期增长5%，投资640亿元。';

  it('repairs once, then runs detection and extractors on the repaired text', () => {
    const a = annotate(input, { url: 'https://example.gov.cn/a.html' });
    expect(calls.repairInput).toEqual([input]);
    expect(a.text).toBe(input.replaceAll('ＡＢ', 'AB'));
    expect(calls.figuresText).toBe(a.text);
    expect(calls.sample?.text).toBe(a.text);
    expect(calls.sample?.url).toBe('https://example.gov.cn/a.html');
    expect(calls.sample?.title).toBe('标题AB报告');
    expect(calls.sample?.headings.slice(0, 2)).toEqual(['标题AB报告', '第二行']);
    expect(a.isReport).toBe(true);
    expect(a.score).toBe(0.75);
  });

  it('drops the slogan number inside the term but gives pledges every figure', () => {
    const a = annotate(input);
    expect(a.figures.map((f) => f.text)).toEqual(['5', '640']);
    expect(a.terms.map((t) => t.text)).toEqual(['十四五']);
    expect(calls.pledgeFigures.map((f) => f.text)).toEqual(['5', '640']);
    for (const f of a.figures) expect(a.text.slice(f.start, f.end)).toBe(f.text);
  });

  it('passes the user glossary and an explicit title through', () => {
    const user = [{ term: '新词', definition: 'd', source: 'user' as const }];
    annotate(input, { userGlossary: user, title: 'Given title' });
    expect(calls.termsArgs).toEqual({ user });
    expect(calls.sample?.title).toBe('Given title');
  });
});
