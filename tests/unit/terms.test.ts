import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCoinedTerms, findNumberedSlogans, findEventNames, findPlaceNames, findProgrammeNames, findTerms, type GlossaryEntry, type Term } from '../../src/core/glossary';
import { sloganStoplists } from '../../src/core/glossary/builtin';

const root = join(__dirname, '..', '..');
const read = (...p: string[]) => readFileSync(join(root, ...p), 'utf8');
const seed000 = read('seeds', '000_0cf104e84806d453.txt');
const seed001raw = read('seeds', '001_ab26684728578657.txt');
const gold001 = read('tests', 'fixtures', '001_simplified.txt');
const gold004 = read('tests', 'fixtures', '004_restored.txt');

const keys = (terms: Term[]) => terms.map((t) => t.key);
const at = (text: string, terms: Term[], needle: string, from = 0) => {
  const index = text.indexOf(needle, from);
  return terms.find((t) => t.start <= index && t.end > index);
};

describe('findTerms on real seeds', () => {
  const terms000 = findTerms(seed000);

  it('finds 两个确立 in seed 000 with the built-in explanation', () => {
    const hits = terms000.filter((t) => t.key === '两个确立');
    expect(hits.length).toBeGreaterThanOrEqual(2); // body lines “两个确立” twice
    for (const t of hits) {
      expect(t.source).toBe('builtin');
      expect(t.text).toBe('两个确立');
      expect(seed000.slice(t.start, t.end)).toBe('两个确立');
      expect(t.definition).toContain('核心地位');
    }
  });

  it('links the body occurrence of “三个一” to the report’s own explanation', () => {
    const body = seed000.indexOf('实现“三个一”');
    expect(body).toBeGreaterThan(0);
    const t = at(seed000, terms000, '三个一', body)!;
    expect(t).toBeDefined();
    expect(t.start).toBe(body + 3);
    expect(t.source).toBe('report');
    expect(t.key).toBe('三个一');
    for (const part of ['一网统管', '一屏统览', '一键查询']) expect(t.definition).toContain(part);
  });

  it('puts the report explanation first and keeps the built-in one as an alternative', () => {
    const body = seed000.indexOf('REITs');
    const t = terms000.find((x) => x.start >= body && x.key === 'REITs')!;
    expect(t.source).toBe('report');
    expect(t.definition).toContain('不动产投资信托基金');
    expect(t.alternatives?.[0]?.source).toBe('builtin');
  });

  it('links a quoted name to a report entry that adds a suffix (“两化三单”工作法)', () => {
    const t = at(seed000, terms000, '两化三单')!;
    expect(t.key).toBe('两化三单工作法');
    expect(t.source).toBe('report');
  });

  it('lists quoted coined terms without an entry, with null definition', () => {
    const t = terms000.find((x) => x.key === '一二三')!;
    expect(t).toBeDefined();
    expect(t.source).toBe('none');
    expect(t.definition).toBeNull();
    // The name suffix belongs to the term: “一二三”战略规划.
    expect(t.text).toBe('“一二三”战略规划');
    const brand = terms000.find((x) => x.key === '湖里魅力购')!;
    expect(brand.definition).toBeNull();
    expect(brand.text).toBe('湖里魅力购');
  });

  it('finds national slogans in the gold texts of 001 and 004', () => {
    const k001 = keys(findTerms(gold001));
    for (const k of ['新质生产力', '超长期特别国债', '智改数转', '人工智能+', '一网统管', '一老一小', '两个确立', '两个维护']) {
      expect(k001).toContain(k);
    }
    const k004 = keys(findTerms(gold004));
    for (const k of ['十四五', '十五五', '4+4+6', '深学争优、敢为争先、实干争效', '山海协作']) {
      expect(k004).toContain(k);
    }
  });

  it('matches Traditional spellings (seed 001 as published)', () => {
    const t = findTerms(seed001raw).find((x) => x.text === '兩個確立')!;
    expect(t.key).toBe('两个确立');
    expect(t.source).toBe('builtin');
    const sample = '聚力培育新質生產力，堅定擁護「兩個確立」，推進碳達峰碳中和。';
    const found = findTerms(sample);
    expect(found.map((x) => [x.text, x.key])).toEqual([
      ['新質生產力', '新质生产力'],
      ['兩個確立', '两个确立'],
      ['碳達峰碳中和', '双碳'],
    ]);
  });
});

describe('findTerms matching rules', () => {
  const report: GlossaryEntry[] = [
    { term: '三个一', definition: '一网统管、一屏统览、一键查询。', source: 'report' },
    { term: '三减', definition: '减时限、减跑动、减材料。', source: 'report' },
  ];

  it('matches every quote style the same way', () => {
    for (const s of ['实现“三个一”。', '实现"三个一"。', '实现「三个一」。', '实现『三个一』。', '实现三个一。']) {
      const t = findTerms(s, { report });
      expect(t.map((x) => [x.key, x.source, x.start, x.end]), s).toEqual([['三个一', 'report', s.indexOf('三个一'), s.indexOf('三个一') + 3]]);
    }
  });

  it('does not fire inside numbers or longer numeric expressions', () => {
    expect(findTerms('完成三个一百工程。', { report })).toEqual([]);
    expect(findTerms('建成三个一批项目。', { report })).toEqual([]);
    expect(findTerms('第二十四五年', { report: [] })).toEqual([]);
    // …but a numeric slogan followed by an ordinary word still matches.
    expect(keys(findTerms('十四五期间，十五五时期，实现三个一成效', { report }))).toEqual(['十四五', '十五五', '三个一']);
    expect(keys(findTerms('“4+4+6”现代化产业体系', { report: [] }))).toContain('4+4+6');
    expect(keys(findTerms('“14+4+6”产业', { report: [] }))).not.toContain('4+4+6');
    expect(keys(findTerms('“4+4+68”产业', { report: [] }))).not.toContain('4+4+6');
    expect(keys(findTerms('“4+4+6+1”产业', { report: [] }))).not.toContain('4+4+6');
  });

  it('keeps short terms from firing inside ordinary words', () => {
    // 四风 needs quotes or a cue; 四风口 / 标准地图 / 两新 in running text are ordinary words.
    expect(keys(findTerms('站在四风口上', { report: [] }))).toEqual([]);
    expect(keys(findTerms('纠治“四风”问题', { report: [] }))).toEqual(['四风']);
    expect(keys(findTerms('坚决整治四风', { report: [] }))).toEqual(['四风']);
    expect(keys(findTerms('绘制标准地图', { report: [] }))).toEqual([]);
    expect(keys(findTerms('推行“标准地”出让', { report: [] }))).toEqual(['标准地']);
    // The report's 三减 stays out of 三减一增, which is itself an unquoted numbered slogan (coined).
    expect(findTerms('推进三减一增', { report }).map((t) => [t.key, t.source])).toEqual([['三减一增', 'none']]);
    expect(keys(findTerms('实现“三减”', { report }))).toEqual(['三减']);
    // Bare-safe short terms match unquoted.
    expect(keys(findTerms('落实双碳目标，做好信访工作', { report: [] }))).toEqual(['双碳', '信访']);
  });

  it('does not fire inside longer words that mean something else', () => {
    expect(keys(findTerms('要创新发展理念，破解发展难题', { report: [] }))).toEqual([]);
    expect(keys(findTerms('坚持新发展理念', { report: [] }))).toEqual(['新发展理念']);
    expect(keys(findTerms('保持出口平稳增长', { report: [] }))).toEqual([]);
    expect(keys(findTerms('稳增长、防风险', { report: [] }))).toEqual(['稳增长', '防风险']);
    // 自贸区 here is the China–ASEAN free trade area, not a pilot free trade zone (自贸试验区).
    expect(keys(findTerms('建成中国—东盟自贸区', { report: [] }))).not.toContain('自贸试验区');
    expect(keys(findTerms('优化债务期限结构，落实一揽子化债方案', { report: [] }))).toEqual(['一揽子化债方案']);
  });

  it('does not glue Latin forms to other letters', () => {
    expect(keys(findTerms('AEOS系统与PPPoE拨号', { report: [] }))).toEqual([]);
    expect(keys(findTerms('取得AEO高级认证', { report: [] }))).toEqual(['AEO']);
  });

  it('is leftmost-longest', () => {
    const t = findTerms('深化放管服改革，推进放管服。', { report: [] });
    expect(t.map((x) => x.key)).toEqual(['放管服改革', '放管服']);
    expect(keys(findTerms('推进六稳六保工作', { report: [] }))).toEqual(['六稳六保']);
    expect(keys(findTerms('推进“两重”“两新”', { report: [] }))).toEqual(['两重', '两新']);
  });

  it('prefers user entries over report and built-in ones', () => {
    const user: GlossaryEntry[] = [{ term: '新质生产力', definition: '我的笔记：看科技创新。', source: 'user' }];
    const [t] = findTerms('发展新质生产力', { user, report: [] });
    expect(t.source).toBe('user');
    expect(t.definition).toBe('我的笔记：看科技创新。');
    expect(t.alternatives?.map((a) => a.source)).toEqual(['builtin']);
    const [r] = findTerms('实现“三个一”', { user: [{ term: '三个一', definition: '用户版', source: 'user' }], report });
    expect([r.source, r.definition]).toEqual(['user', '用户版']);
  });

  it('reports UTF-16 offsets', () => {
    const s = '😀𠮷发展“新质生产力”';
    const [t] = findTerms(s, { report: [] });
    expect(t.start).toBe(7); // 😀 and 𠮷 are two code units each
    expect(s.slice(t.start, t.end)).toBe('新质生产力');
  });

  it('folds full-width digits and plus signs', () => {
    const [t] = findTerms('融入“４＋４＋６”产业体系', { report: [] });
    expect([t.key, t.text]).toEqual(['4+4+6', '４＋４＋６']);
  });
});

describe('coined quoted terms', () => {
  const coined = (s: string) => findTerms(s, { report: [] }).filter((t) => t.source === 'none');

  it('returns coined slogans with their suffix, null definition', () => {
    const s = '深化“双攻坚”行动，打造“湖里魅力购”品牌，以“赛事+”“演艺+”聚人气。';
    expect(coined(s).map((t) => [t.key, t.text])).toEqual([
      ['双攻坚', '“双攻坚”行动'],
      ['湖里魅力购', '“湖里魅力购”品牌'],
      ['赛事+', '赛事+'],
      ['演艺+', '演艺+'],
    ]);
    for (const t of coined(s)) expect(t.definition).toBeNull();
  });

  it('ignores quotations, numbers, emphasis words and book titles', () => {
    expect(coined('他说“我们要什么就干什么”。')).toEqual([]);
    expect(coined('总书记强调“要坚持稳中求进，以进促稳，先立后破”。')).toEqual([]);
    expect(coined('增长“2025”。')).toEqual([]);
    expect(coined('牢记“人民”二字，让“森林”根深叶茂。')).toEqual([]);
    expect(coined('印发《关于“智慧消防”建设的通知》。')).toEqual([]);
    // A long quotation does not lend its closing mark to the next quotation.
    expect(coined('提出"这是一段很长很长的不是术语的引语内容啊"和"五促"。').map((t) => t.key)).toEqual(['五促']);
  });

  it('an entry inside the quote wins over the coined reading', () => {
    const t = findTerms('深化拓展“三争”行动', { report: [] });
    expect(t.map((x) => [x.key, x.source])).toEqual([['三争', 'builtin']]);
  });
});

describe('unquoted numbered slogans', () => {
  const stop = sloganStoplists()!;
  const found = (s: string) => findNumberedSlogans(s, stop).map((t) => s.slice(t.start, t.end));

  it('finds numeral–character slogans and N个X names written without quotes', () => {
    expect(found('落实四水四定，推行一企一策，深化三去一降一补。')).toEqual(['四水四定', '一企一策', '三去一降一补']);
    expect(found('始终坚持五个必须，统筹两个大局。')).toEqual(['五个必须', '两个大局']);
  });
  it('leaves idioms, counted nouns, places, numbers and repetitions alone', () => {
    expect(found('一心一意谋发展，三番五次强调，七上八下。')).toEqual([]);
    expect(found('从三个方面入手，生育两个孩子，八个多月以来。')).toEqual([]);
    // 四川三大 is no numbered slogan (川三大产 is not one); 三大产业 is read as an N大X formula, below.
    expect(found('四川三大产业，两岸双方，二〇二〇年，一步一步走，完成三个一百工程。')).toEqual(['三大产业']);
  });
  it('marks N大X formulas that end a clause, but not the Party congresses', () => {
    expect(found('推进城乡安居三大工程，培育十大新兴产业。')).toEqual(['三大工程', '十大新兴产业']);
    expect(found('学习贯彻十四大精神，党的十八大以来，各方面。')).not.toContain('十四大精神');
    expect(found('学习贯彻十四大精神，党的十八大以来，各方面。')).not.toContain('十八大以来');
  });
  it('marks quoted formula numbers and two-half slogans, not quoted quantities', () => {
    const quoted = (s: string) => findCoinedTerms(s).map((t) => s.slice(t.start, t.end));
    expect(quoted('构建“1313”实验室体系，打响“万企出海 鲁贸全球”品牌。')).toEqual(['1313', '“万企出海 鲁贸全球”品牌']);
    expect(quoted('每人补贴“2000”元，这是“你好 世界”。')).toEqual([]);
  });
  it('marks them as coined terms unless an entry covers them', () => {
    const terms = findTerms('落实三管三必，稳住六稳六保。', { report: [] });
    expect(terms.map((t) => [t.key, t.source])).toEqual([
      ['三管三必', 'none'],
      ['六稳六保', 'builtin'],
    ]);
  });
});

describe('unquoted programme names', () => {
  const found = (s: string) => findProgrammeNames(s).map((t) => s.slice(t.start, t.end));

  it('finds the name a launching verb takes, without the verb', () => {
    // Sentences of provincial 2026 reports (Anhui, Jiangsu).
    expect(found('深入推进优质企业成长计划，新增专精特新中小企业1000家。')).toEqual(['优质企业成长计划']);
    expect(found('实施长江大保护三年行动计划，开展新一轮巢湖流域水环境综合治理行动。')).toEqual(['长江大保护三年行动计划', '新一轮巢湖流域水环境综合治理行动']);
    expect(found('实施5G+工业互联网融合应用专项行动。')).toEqual(['5G+工业互联网融合应用专项行动']);
  });
  it('gives each name of a list its own mark', () => {
    // Jiangsu and Guizhou 2026.
    expect(found('实施粮油单产提升行动和绿色农资升级行动。')).toEqual(['粮油单产提升行动', '绿色农资升级行动']);
    expect(found('实施公民道德建设工程、公民法治素养提升行动，加强')).toEqual(['公民道德建设工程', '公民法治素养提升行动']);
    expect(found('实施住宅品质提升工程和物业服务质量提升行动。')).toEqual(['住宅品质提升工程', '物业服务质量提升行动']);
    // The list goes on with something that is not a programme: only the programme is taken.
    expect(found('实施文化惠民工程和公共文化服务。')).toEqual(['文化惠民工程']);
  });
  it('leaves lists, clauses, counts and longer objects alone', () => {
    expect(found('开展市场准入壁垒清理整治等专项行动。')).toEqual([]);
    expect(found('开展和规范涉企行政执法专项行动。')).toEqual([]);
    expect(found('统筹实施65个专项行动。')).toEqual([]);
    expect(found('实施城市更新的重点工程。')).toEqual([]);
    // The programme word goes on into a longer noun: 工程建设 is the object, not a name.
    expect(found('推进重大水利工程建设，实施好计划。')).toEqual([]);
  });
  it('marks a name as coined, whole, keeping the explanations of the known terms inside it', () => {
    const terms = findTerms('深入推进城市功能品质活力提升行动，深入实施培育发展未来产业三年行动。', { report: [] });
    expect(terms.filter((t) => t.source === 'none').map((t) => t.text)).toEqual(['城市功能品质活力提升行动', '培育发展未来产业三年行动']);
    const name = terms.find((t) => t.text === '培育发展未来产业三年行动')!;
    expect(name.parts?.map((p) => p.text)).toEqual(['未来产业']);
    expect(name.parts?.[0].definition).toMatch(/前沿技术/);
    // 未来产业 is not marked a second time inside it.
    expect(terms.filter((t) => t.text === '未来产业')).toEqual([]);
  });
  it('leaves a name to the entry that covers half of it or more, or crosses its edge', () => {
    const terms = findTerms('实施医疗卫生强基工程。', { report: [] });
    expect(terms.map((t) => [t.text, t.source])).toEqual([['医疗卫生强基工程', 'builtin']]);
  });
});

describe('unquoted N个X names in ordinary prose', () => {
  const stop = sloganStoplists()!;
  const found = (s: string) => findNumberedSlogans(s, stop).map((t) => s.slice(t.start, t.end));

  it('marks an unattested N个X only when the text repeats it', () => {
    expect(found('他出差带两个箱子，住了两个晚上。')).toEqual([]);
    expect(found('做到三个坚决，……始终做到三个坚决。')).toEqual(['三个坚决', '三个坚决']);
    // Attested by the corpus: one mention is enough.
    expect(found('统筹两个大局。')).toEqual(['两个大局']);
  });
  it('does not read a numeral–measure word as the start of a slogan', () => {
    expect(found('先生带着一家五口逛了整整一晚。')).toEqual([]);
  });
});

describe('the terms issue #11 found unexplained', () => {
  it('explains each of them from the built-in glossary, in running text', () => {
    const text =
      '培育耐心资本，深化零基预算改革，开行中欧班列，建设西部陆海新通道，推进京津冀、长三角协同，高标准建设雄安新区。' +
      '有序推进碳达峰，落实耕地占补平衡，扩大以工代赈，建设宜居宜业和美乡村，稳步扩大制度型开放，坚定不移全面从严治党，' +
      '培育和践行社会主义核心价值观，增强人民群众获得感幸福感安全感，统筹山水林田湖草沙一体化保护。';
    const found = findTerms(text, { report: [] });
    const explained = (needle: string) => {
      const at = text.indexOf(needle);
      return found.some((t) => t.start <= at && t.end >= at + needle.length && t.source === 'builtin' && t.definition);
    };
    const terms = ['耐心资本', '零基预算', '中欧班列', '西部陆海新通道', '京津冀', '长三角', '雄安新区', '碳达峰', '占补平衡', '以工代赈', '和美乡村', '制度型开放', '全面从严治党', '社会主义核心价值观', '获得感幸福感安全感', '山水林田湖草沙'];
    expect(terms.filter((t) => !explained(t))).toEqual([]);
  });
});

describe('regional editions of national campaigns', () => {
  it('explains 平安山东, 数字安徽, 美丽厦门 by the national campaign, and leaves 数字经济 to its entry', () => {
    const terms = findTerms('平安山东、法治山东建设取得成效。深入推进数字安徽建设，建设美丽厦门，发展数字经济。');
    const by = (k: string) => terms.find((t) => t.text === k);
    expect(by('平安山东')?.definition).toContain('平安中国');
    expect(by('法治山东')?.definition).toContain('法治中国');
    expect(by('数字安徽')?.definition).toContain('数字中国');
    expect(by('美丽厦门')?.en).toBe('Beautiful Xiamen initiative');
    expect(by('数字经济')?.key).toBe('数字经济');
    // A place word that goes on (数字山东省 is fine, 平安山东路 is a street name) is not the campaign.
    expect(findTerms('位于平安山东路。').some((t) => t.text === '平安山东')).toBe(false);
  });
});

describe('unquoted names of zones and institutions', () => {
  const found = (s: string) => findPlaceNames(s).map((t) => s.slice(t.start, t.end));

  it('finds a name after a verb of building, or as the subject of what happened to it', () => {
    // Sentences of provincial 2026 reports (Shandong, Anhui, Guizhou).
    expect(found('建设全域旅游发展先行区，把文化和旅游融合起来。')).toEqual(['全域旅游发展先行区']);
    expect(found('规划建设贵州航空产业城。')).toEqual(['贵州航空产业城']);
    expect(found('创新驱动持续强化。崂山实验室加快建设，国家省级水网先导区顺利建成。')).toEqual(['崂山实验室', '国家省级水网先导区']);
    // Jiangsu 2026: a list the verb takes, ending in 等.
    expect(found('支持苏州实验室、紫金山实验室等加快建设。')).toEqual(['苏州实验室', '紫金山实验室']);
    expect(found('支持紫金山创新带、吴淞江科创带建设。')).toEqual(['紫金山创新带', '吴淞江科创带']);
  });
  it('leaves clauses led by another verb, counts and joined names alone', () => {
    expect(found('，深入实施自贸试验区提升战略。')).toEqual([]);
    expect(found('布局建设5个省实验室。')).toEqual([]);
    expect(found('首批10个未来产业先导区加快建设。')).toEqual([]);
    expect(found('支持高新区和经开区发展。')).toEqual([]);
    expect(found('支持洛阳加快建设国家重要创新高地。')).toEqual(['国家重要创新高地']);
    expect(found('推进长三角大科学装置联盟和沿江创新发展带。')).toEqual([]);
    // Subject of a clause whose verb says nothing happened to it: not taken.
    expect(found('。山东半岛城市群龙头作用更加凸显。')).toEqual([]);
  });
  it('marks a name as coined unless an entry covers part of it', () => {
    const coined = findTerms('规划建设贵州航空产业城。', { report: [] }).filter((t) => t.source === 'none').map((t) => t.text);
    expect(coined).toEqual(['贵州航空产业城']);
  });
});

describe('unquoted names of events', () => {
  const found = (s: string) => findEventNames(s).map((t) => s.slice(t.start, t.end));

  it('finds the event a verb of holding takes, with its edition', () => {
    // Sentences of provincial 2026 reports (Ningxia, Shandong, Fujian).
    expect(found('办好第九届中国—亚欧博览会。')).toEqual(['第九届中国—亚欧博览会']);
    expect(found('承办好夏季达沃斯论坛，')).toEqual(['夏季达沃斯论坛']);
    expect(found('办好跨国公司领导人青岛峰会，')).toEqual(['跨国公司领导人青岛峰会']);
    expect(found('成功举办世界新能源汽车大会。')).toEqual(['世界新能源汽车大会']);
  });
  it('leaves counts of events and lists alone', () => {
    expect(found('承办100多项国际性和全国性赛事大赛。')).toEqual([]);
    expect(found('成功举办2届亚欧博览会。')).toEqual([]);
    expect(found('筹办世界田径锦标赛等国际赛事大会。')).toEqual([]);
  });
});
