import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportGlossary } from '../../src/core/glossary';
import { BUILTIN_GLOSSARY } from '../../src/core/data/glossary-builtin';
import type { Term } from '../../src/core/glossary/types';
import { runSteps } from '../../src/core/steps';

const root = join(__dirname, '..', '..');
const seed = (name: string) => readFileSync(join(root, 'seeds', name), 'utf8');
const seed000 = seed('000_0cf104e84806d453.txt');

describe('built-in glossary data', () => {
  it('has at least 150 entries, unique keys and real explanations', () => {
    expect(BUILTIN_GLOSSARY.length).toBeGreaterThanOrEqual(150);
    const keys = BUILTIN_GLOSSARY.map((e) => e.term);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of BUILTIN_GLOSSARY) {
      expect(e.source).toBe('builtin');
      expect(e.term.trim()).toBe(e.term);
      // 1–3 sentences: long enough to explain, short enough for a tooltip.
      expect(e.definition.length, e.term).toBeGreaterThanOrEqual(12);
      expect(e.definition.length, e.term).toBeLessThanOrEqual(200);
      expect(e.definition, e.term).not.toBe(e.term);
    }
  });

  it('no spelling is claimed by two built-in entries', () => {
    const owner = new Map<string, string>();
    for (const e of BUILTIN_GLOSSARY) {
      for (const form of new Set([e.term, ...(e.variants ?? [])])) {
        expect(owner.get(form), `${form} in ${e.term} and ${owner.get(form)}`).toBeUndefined();
        owner.set(form, e.term);
      }
    }
  });

  it('includes the required national and Fujian terms', () => {
    const keys = new Set(BUILTIN_GLOSSARY.map((e) => e.term));
    const required = [
      '两个确立', '两个维护', '四个意识', '四个自信', '新质生产力', '十四五', '十五五', '放管服', '放管服改革',
      '六稳', '六保', '六稳六保', '一网通办', '一网统管', '专精特新', '双碳', '四下基层', '八项规定', '四风',
      '三公经费', '智改数转', '城中村改造', '高质量发展', '新发展理念', '新发展格局', '乡村振兴', '共同富裕',
      '中国式现代化', '营商环境', '一带一路', '金砖+', '专项债', '超长期特别国债', '以旧换新', '两新', '两重',
      '平急两用', '保障性住房', '城市更新', '河长制', '林长制', '网格化', '枫桥经验', '信访', '双减', '一老一小',
      '医共体', '15分钟生活圈', '数字经济', '未来产业', '战略性新兴产业', '链长制', '揭榜挂帅', '首台套', '小升规',
      '规上工业', '亩均效益', '闽台融合', '海丝', '自贸试验区', '跨境电商', '对口支援', '山海协作', '三争',
      '深学争优、敢为争先、实干争效', '四个全面', '五位一体', '两山理论', '生态文明', '双循环', '国内大循环',
      '扩内需', '稳增长', '防风险', '六个必须坚持',
    ];
    expect(required.filter((k) => !keys.has(k))).toEqual([]);
  });

  it('has at least 1,500 entries, each with a one-line English gloss, most with an English name', () => {
    expect(BUILTIN_GLOSSARY.length).toBeGreaterThanOrEqual(1500);
    // English: mostly Latin letters (a gloss may quote the Chinese phrase it explains, 一府两院).
    const count = (g: string, re: RegExp) => (g.match(re) ?? []).length;
    const latin = (g: string) => count(g, /[A-Za-z]/g) / (count(g, /[A-Za-z]/g) + count(g, /[\u4e00-\u9fff]/g));
    const noGloss = BUILTIN_GLOSSARY.filter((e) => !e.gloss || latin(e.gloss) < 0.8).map((e) => e.term);
    expect(noGloss).toEqual([]);
    const named = BUILTIN_GLOSSARY.filter((e) => e.en).length;
    // Checkers left the English name out where no official rendering was known: about three in ten since round 6
    // (recent and provincial terms), each still with its English gloss. A guard against losing names, not a goal.
    expect(named / BUILTIN_GLOSSARY.length).toBeGreaterThan(0.65);
    for (const e of BUILTIN_GLOSSARY) if (e.since !== undefined) expect(e.since, e.term).toBeGreaterThanOrEqual(1900);
  });

  it('carries generated Traditional spellings', () => {
    const byKey = new Map(BUILTIN_GLOSSARY.map((e) => [e.term, e]));
    expect(byKey.get('新质生产力')!.variants).toContain('新質生產力');
    expect(byKey.get('两个确立')!.variants).toContain('兩個確立');
    expect(byKey.get('四风')!.variants).toContain('四風');
  });
});

describe('parseReportGlossary', () => {
  it('parses every 名词解释 entry of seed 000, in order, skipping footnotes', () => {
    const entries = parseReportGlossary(seed000);
    // Read off the 名词解释 section by hand: every "head:explanation" line, quotes removed.
    // Footnotes without a head (此为预估值…, 24家市级…, 《长者食堂…》, 空气质量综合指数2.26 …) are skipped.
    expect(entries.map((e) => e.term)).toEqual([
      '指标争先进位', 'AEO企业', '2个厦金养老领域项目', '台胞枫桥机制', '两化三单工作法', '七办联动', '双3机制',
      '五促', '1+3+N+M筹措资金专班', 'EPC+O模式', '433配比', '4类再开发路径', '3+3+3+3', '8大提升', '3个城中村',
      '1+1行动', '4个全覆盖', '1+5+N', '六大领域', '三个一', '六大工作机制', '即时办', '保证办', '三位一体',
      '三方四共', '三个100%', '六先六后', '3+2+2', '三到位', '三件套', '3+1+2', '五端服务', '4个全省儿童友好社区',
      '拼抢攻坚机制', '机构改革任务', '三减', '五维谋', '四张清单', '分级分类协调制度', '3+3+3+3招商机制',
      '五大重点领域', '三条县域重点产业链', '能力清单与机会清单', '政策工具', '梯度培育机制',
      '3个1/3知识产权利益共享机制', '税网共治', '税源全景图', 'REITs', '三湖一库', '7个三提升项目',
      '城中村N+X+1+1智慧管理', '要素供给', '两优惠、三补贴', '两个实验区', '十大行动', '十大重点工程',
      '一老一小一中心', '十有', '六有', '八项本领', '七种能力',
    ]);
    for (const e of entries) expect(e.source).toBe('report');
  });

  it('keeps the explanation text and the quoted core as a variant', () => {
    const byTerm = new Map(parseReportGlossary(seed000).map((e) => [e.term, e]));
    expect(byTerm.get('三个一')!.definition).toBe('一网统管、一屏统览、一键查询。');
    expect(byTerm.get('两化三单工作法')!.variants).toContain('两化三单');
    expect(byTerm.get('能力清单与机会清单')!.variants).toEqual(['能力清单', '机会清单']);
    expect(byTerm.get('1+1行动')!.variants).toContain('1+1');
    // Two entries packed on one line are split at the semicolon.
    expect(byTerm.get('即时办')!.definition).toBe('依托智慧湖里平台48小时内解决');
    expect(byTerm.get('保证办')!.definition).toBe('现场调研后制定工作方案并推动落实,实现100%办理。');
  });

  it('stops at page chrome after the section', () => {
    const entries = parseReportGlossary(seed000);
    expect(entries.some((e) => /扫一扫|附件|解读/.test(e.term))).toBe(false);
  });

  it('returns nothing for a report without a glossary section', () => {
    expect(parseReportGlossary(seed('002_da23955f95c06a62.txt'))).toEqual([]);
    expect(parseReportGlossary('正文：“三个一”:一网统管。')).toEqual([]);
  });

  it('handles numbered, bracketed, full-width and multi-line layouts', () => {
    const text = [
      '正文里提到“双百”计划和【三个一】。',
      '',
      '附：名词解释',
      '1. 双百计划：引进百名人才、百个项目。',
      '（2）“四个一”：一张图、一张网、一个库、一套制度。',
      '【三通两平台】宽带网络校校通、优质资源班班通、网络学习空间人人通，以及两个平台。',
      '②两癌筛查——宫颈癌和乳腺癌筛查。',
      '五个一批：',
      '发展生产脱贫一批、易地搬迁脱贫一批，',
      '生态补偿脱贫一批。',
      '六个坚持:坚持党的领导。',
      '',
      '扫一扫在手机上查看当前页面',
      '无关：不是名词解释。',
    ].join('\n');
    const entries = parseReportGlossary(text);
    expect(entries.map((e) => [e.term, e.definition])).toEqual([
      ['双百计划', '引进百名人才、百个项目。'],
      ['四个一', '一张图、一张网、一个库、一套制度。'],
      ['三通两平台', '宽带网络校校通、优质资源班班通、网络学习空间人人通，以及两个平台。'],
      ['两癌筛查', '宫颈癌和乳腺癌筛查。'],
      ['五个一批', '发展生产脱贫一批、易地搬迁脱贫一批，生态补偿脱贫一批。'],
      ['六个坚持', '坚持党的领导。'],
    ]);
    expect(entries[0].variants).toContain('双百');
  });
});

describe('parseReportGlossary headings', () => {
  it('accepts appendix, parenthetical and Traditional headings', () => {
    const a = parseReportGlossary('正文。\n附件：名词解释（按在报告中出现的先后顺序）\n“两高四着力”：高质量发展、高效能治理等。\n');
    expect(a.map((e) => e.term)).toEqual(['两高四着力']);
    const b = parseReportGlossary('正文。\n【名詞解釋】\n「三個一」：一網統管、一屏統覽、一鍵查詢。\n責任編輯：某某\n');
    expect(b.map((e) => [e.term, e.definition])).toEqual([['三個一', '一網統管、一屏統覽、一鍵查詢。']]);
  });

  it('does not take an ordinary sentence mentioning 名词解释 as the heading', () => {
    expect(parseReportGlossary('报告后附有名词解释，供参考。\n三个一：一网统管。')).toEqual([]);
  });
});

describe('the built-in glossary as the glossary scripts carry it', () => {
  it('decodes JSON chunks a step at a time, matches as the object form does, and explains once the explanations are merged', async () => {
    const { provideBuiltinGlossary, compileBuiltinInSteps, explainBuiltinInSteps, builtinExplained, builtinExplanationState, markBuiltinExplanationsUnavailable, findTerms } = await import('../../src/core/glossary');
    const { provideBuiltinExplanations } = await import('../../src/core/glossary/builtin');
    const { BUILTIN_GLOSSARY_DATA, packedGlossaryData, packedGlossaryExplanations } = await import('../../src/core/data/glossary-builtin');
    const texts = ['深化零基预算改革，建设西部陆海新通道，坚定拥护“两个确立”，落实四水四定。', ...['000_0cf104e84806d453', '003_79a18ab8566106eb'].map((s) => seed(`${s}.txt`))];
    const asObjects = texts.map((text) => findTerms(text, { report: [] }));
    const packed = packedGlossaryData();
    expect(packed.entryChunks!.length).toBeGreaterThan(4);
    // The first scripts leave the explanations out: they are most of the data.
    const size = (chunks: readonly string[]) => chunks.reduce((n, c) => n + c.length, 0);
    expect(size(packed.entryChunks!) * 2).toBeLessThan(size(packedGlossaryExplanations()));
    try {
      provideBuiltinGlossary(() => packed);
      expect(builtinExplained()).toBe(false);
      let steps = 0;
      const run = compileBuiltinInSteps();
      while (!run.next().done) steps++;
      expect(steps).toBeGreaterThanOrEqual(packed.entryChunks!.length);
      // Before the explanations: the same marks, each built-in one explaining nothing yet ('' is not a coined term's null).
      const bare = (terms: Term[]) => terms.map((t) => ({ ...t, definition: t.source === 'builtin' ? '' : t.definition, en: undefined, gloss: undefined, since: undefined, firstDoc: undefined, alternatives: undefined, parts: undefined }));
      texts.forEach((text, i) => expect(bare(findTerms(text, { report: [] }))).toEqual(bare(asObjects[i])));
      expect(findTerms(texts[0], { report: [] }).find((t) => t.key === '零基预算')!.definition).toBe('');
      expect(builtinExplanationState()).toBe('pending');
      // Explanations that cannot be had: the term reads as unexplained (the card offers to add one), not as loading.
      markBuiltinExplanationsUnavailable();
      expect(builtinExplanationState()).toBe('unavailable');
      expect(findTerms(texts[0], { report: [] }).find((t) => t.key === '零基预算')!.definition).toBeNull();
      provideBuiltinExplanations(() => packedGlossaryExplanations());
      expect(runSteps(explainBuiltinInSteps())).toBe(true);
      expect(builtinExplained()).toBe(true);
      expect(builtinExplanationState()).toBe('explained');
      texts.forEach((text, i) => expect(findTerms(text, { report: [] })).toEqual(asObjects[i]));
    } finally {
      provideBuiltinGlossary(() => BUILTIN_GLOSSARY_DATA);
    }
  });
});

describe('the built-in glossary in parts (glossary-1.js …)', () => {
  it('splits the chunks into parts of about equal size, in order, with the word lists in the first', async () => {
    const { packedGlossaryData } = await import('../../src/core/data/glossary-builtin');
    const { GLOSSARY_PARTS, joinGlossaryParts, splitGlossaryData } = await import('../../src/core/glossary/parts');
    const packed = packedGlossaryData();
    const parts = splitGlossaryData(packed);
    expect(parts).toHaveLength(GLOSSARY_PARTS);
    const sizes = parts.map((p) => p.entryChunks!.reduce((n, c) => n + c.length, 0));
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    // No part is a long task again: none holds much more than its share.
    expect(Math.max(...sizes)).toBeLessThan(mean * 1.25);
    expect(parts[0].ordinaryNumbered).toEqual(packed.ordinaryNumbered);
    expect(parts.slice(1).every((p) => p.ordinaryNumbered.length === 0 && p.countedNouns.length === 0)).toBe(true);
    expect(joinGlossaryParts(parts)).toEqual({ ...packed, entries: undefined, entryChunks: packed.entryChunks });
    // Fewer chunks than parts: every chunk still goes somewhere, once.
    const few = splitGlossaryData({ ...packed, entryChunks: ['[1]', '[2]', '[3]'] });
    expect(few.flatMap((p) => p.entryChunks)).toEqual(['[1]', '[2]', '[3]']);
  });

  it('publishes the glossary once every part has arrived, in any order, and tells the engine once', async () => {
    const { packedGlossaryData } = await import('../../src/core/data/glossary-builtin');
    const { GLOSSARY_PARTS, splitGlossaryData } = await import('../../src/core/glossary/parts');
    const { provideGlossaryPart } = await import('../../src/page/glossary-part');
    const packed = packedGlossaryData();
    const parts = splitGlossaryData(packed);
    const told: string[] = [];
    globalThis.__govlensOnData = (name) => void told.push(name);
    try {
      // Every part once, out of order: the odd ones last-first, then the even ones.
      const all = Array.from({ length: GLOSSARY_PARTS }, (_, i) => i + 1);
      const order = [...all.filter((i) => i % 2).reverse(), ...all.filter((i) => i % 2 === 0)];
      for (const [k, i] of order.entries()) {
        provideGlossaryPart(i, parts[i - 1]);
        if (k < order.length - 1) expect(globalThis.__govlensGlossary).toBeUndefined();
      }
      expect(told).toEqual(['glossary']);
      expect(globalThis.__govlensGlossary!.entryChunks).toEqual(packed.entryChunks);
      expect(globalThis.__govlensGlossaryParts).toBeUndefined();
    } finally {
      globalThis.__govlensOnData = undefined;
      globalThis.__govlensGlossary = undefined;
    }
  });

  it('publishes the explanations once every text part has arrived, in any order, and tells the engine once', async () => {
    const { packedGlossaryExplanations } = await import('../../src/core/data/glossary-builtin');
    const { GLOSSARY_TEXT_PARTS, splitExplanations } = await import('../../src/core/glossary/parts');
    const { provideGlossaryTextPart } = await import('../../src/page/glossary-part');
    const chunks = packedGlossaryExplanations();
    const parts = splitExplanations(chunks);
    expect(parts).toHaveLength(GLOSSARY_TEXT_PARTS);
    const sizes = parts.map((p) => p.reduce((n, c) => n + c.length, 0));
    expect(Math.max(...sizes)).toBeLessThan((sizes.reduce((a, b) => a + b, 0) / sizes.length) * 1.25);
    const told: string[] = [];
    globalThis.__govlensOnData = (name) => void told.push(name);
    try {
      for (let i = GLOSSARY_TEXT_PARTS; i >= 1; i--) {
        provideGlossaryTextPart(i, parts[i - 1]);
        if (i > 1) expect(globalThis.__govlensGlossaryText).toBeUndefined();
      }
      expect(told).toEqual(['glossary-text']);
      expect(globalThis.__govlensGlossaryText).toEqual(chunks);
    } finally {
      globalThis.__govlensOnData = undefined;
      globalThis.__govlensGlossaryText = undefined;
    }
  });
});
