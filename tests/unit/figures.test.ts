// Behaviour of extractFigures on short, hand-written inputs: values, units, kinds, qualifiers,
// change, subject, target, and the things that are NOT figures.
import { describe, expect, it } from 'vitest';
import { describeFigure, extractFigures, type Figure } from '../../src/core/figures';

const texts = (s: string) => extractFigures(s).map((f) => f.text);
const one = (s: string, text: string): Figure => {
  const f = extractFigures(s).find((x) => x.text === text);
  if (!f) throw new Error(`no figure ${text} in ${s}: ${texts(s).join(' | ')}`);
  return f;
};

describe('values and units', () => {
  it('normalises magnitudes into base units', () => {
    expect(one('力促固定资产投资超640亿元。', '640亿元')).toMatchObject({ kind: 'amount', value: 6.4e10, unit: '元', qualifier: '超' });
    expect(one('实现新增就业3.1万人。', '3.1万人')).toMatchObject({ kind: 'count', value: 31000, unit: '人' });
    expect(one('全年实现GDP1724.2亿元。', '1724.2亿元')).toMatchObject({ value: 172420000000, unit: '元' });
    expect(one('人均可支配收入74383元。', '74383元')).toMatchObject({ value: 74383, unit: '元' });
    expect(one('改造绿地8万平方米。', '8万平方米')).toMatchObject({ value: 80000, unit: '平方米' });
    expect(one('兑现奖励金700余万元。', '700余万元')).toMatchObject({ value: 7e6, unit: '元', qualifier: '余' });
    expect(one('实际利用外资完成700万美元。', '700万美元')).toMatchObject({ value: 7e6, unit: '美元' });
  });
  it('reads percents, percentage points and growth direction', () => {
    expect(one('地区生产总值增长5.5%。', '5.5%')).toMatchObject({ kind: 'percent', value: 5.5, unit: '%', change: 'up' });
    expect(one('产值比重跃升12.8个百分点。', '12.8个百分点')).toMatchObject({ kind: 'percent', value: 12.8, unit: '个百分点', change: 'up' });
    expect(one('刑事警情同比下降27.4%。', '27.4%')).toMatchObject({ change: 'down' });
    expect(one('新设外资企业961家、比增35.2%。', '35.2%')).toMatchObject({ change: 'up' });
    expect(one('失业率控制在百分之五以内。', '百分之五以内')).toMatchObject({ kind: 'percent', value: 5, qualifier: '以内' });
  });
  it('reads Chinese numerals, ratios and vague scales', () => {
    expect(one('营收贡献达1/4。', '1/4')).toMatchObject({ kind: 'ratio', value: 0.25 });
    expect(one('占全市三分之一。', '三分之一')).toMatchObject({ kind: 'ratio' });
    expect(one('占全市三分之一。', '三分之一').value).toBeCloseTo(1 / 3);
    expect(one('千亿规模建筑业持续稳定增长。', '千亿规模')).toMatchObject({ kind: 'amount', value: 1e11 });
    expect(one('投入超千万元开展活动。', '千万元')).toMatchObject({ value: 1e7, qualifier: '超' });
    expect(one('出台十条有力措施。', '十条')).toMatchObject({ kind: 'count', value: 10 });
    expect(one('限上商业销售额保持两位数以上增长。', '两位数以上')).toMatchObject({ kind: 'percent', qualifier: '以上' });
    expect(one('探索设立8至10个社区碳账户。', '8至10个')).toMatchObject({ value: 8, valueMax: 10 });
  });
  it('lends a unit across 、 and 和 lists', () => {
    const s = '分别较上半年、前三季度提升4.5、2.4个百分点。';
    expect(one(s, '4.5')).toMatchObject({ kind: 'percent', unit: '个百分点', value: 4.5 });
    expect(one('增速分别高4.2和0.7个百分点。', '4.2')).toMatchObject({ unit: '个百分点' });
  });
});

describe('ranks and dates', () => {
  it('finds ranks with their scope and skips ordinals', () => {
    expect(texts('总量全省第四、全市第二,获评百强区第54位,位列全市第一方阵,均迈进国内邮轮港口前三;')).toEqual([
      '全省第四', '全市第二', '第54位', '全市第一方阵', '前三',
    ]);
    expect(one('安全风险指数排名全省第四。', '全省第四')).toMatchObject({ kind: 'rank', value: 4 });
    expect(texts('举办第二届论坛,第四次全国文物普查,第一批名录,第三方技术,前三季度经济回升。')).toEqual([]);
  });
  it('reports dates and years as kind date', () => {
    const fs = extractFigures('公文生成日期:2025-02-14 15:26。2024年12月25日召开,1-11月全区,12月25日,23年以来。');
    expect(fs.map((f) => [f.text, f.kind])).toEqual([
      ['2025-02-14', 'date'], ['2024年12月25日', 'date'], ['1-11月', 'date'], ['12月25日', 'date'], ['23年', 'date'],
    ]);
  });
});

describe('figures written any way', () => {
  it('reads Chinese numerals as durations and counts, and hedged bare magnitudes', () => {
    expect(one('经过三年努力,', '三年')).toMatchObject({ kind: 'count', value: 3, unit: '年' });
    expect(one('用三到五年时间,', '三到五年')).toMatchObject({ value: 3, valueMax: 5, unit: '年' });
    expect(one('建成高标准农田千亩以上。', '千亩以上')).toMatchObject({ kind: 'amount', value: 1000, unit: '亩', qualifier: '以上' });
    expect(one('改造近千亩。', '千亩')).toMatchObject({ value: 1000, qualifier: '近' });
    expect(one('让上千万家庭受益,', '千万')).toMatchObject({ kind: 'count', value: 1e7, qualifier: '上' });
    expect(one('带动数十万人就业,', '十万人')).toMatchObject({ value: 1e5, qualifier: '数' });
    expect(one('营收过百亿元,', '百亿元')).toMatchObject({ value: 1e10, qualifier: '过' });
    expect(texts('通过千亿元')).toEqual([]);
    // A size threshold is a figure, as the labelling spec has it (千亿级) and every blind labeller counted it:
    // 亿元以上项目 are projects of 100 million yuan or more.
    expect(texts('推进亿元以上项目,举办万人以上大型演唱会。')).toEqual(['亿元以上', '万人以上']);
    expect(one('推进亿元以上项目', '亿元以上')).toMatchObject({ kind: 'amount', value: 1e8, unit: '元', qualifier: '以上' });
    expect(one('建成万吨级以上泊位', '万吨级以上')).toMatchObject({ kind: 'amount', value: 1e4, unit: '吨' });
    // …but a bare magnitude without its unit and threshold is still a word (百万干部, 千家万户).
    expect(texts('百万干部下基层,走进千家万户')).toEqual([]);
    // 以上十条 lists ten items after 以上; 十几亿 is not 亿 hedged by 几.
    expect(one('以上十条,是经验。', '十条').qualifier).toBeUndefined();
    expect(texts('惠及十几亿人口')).toEqual([]);
  });
  it('reads multiples: 翻一番 doubles, 翻两番 quadruples, 一倍 and 一半', () => {
    expect(one('国内生产总值比2010年翻一番,', '翻一番')).toMatchObject({ kind: 'ratio', value: 2, unit: '倍' });
    expect(one('工农业总产值翻两番。', '翻两番')).toMatchObject({ kind: 'ratio', value: 4, unit: '倍' });
    expect(one('技术交易额翻了一番。', '翻了一番')).toMatchObject({ value: 2 });
    expect(one('增长一倍。', '一倍')).toMatchObject({ kind: 'ratio', value: 1, unit: '倍' });
    expect(one('通关时间压缩一半以上。', '一半以上')).toMatchObject({ kind: 'ratio', value: 0.5, qualifier: '以上' });
    expect(one('增长二点五倍,', '二点五倍')).toMatchObject({ value: 2.5 });
  });
  it('reads ranks written with Chinese numerals, 首位 and a kind of place in the scope', () => {
    expect(one('居全国第十三,', '全国第十三')).toMatchObject({ kind: 'rank', value: 13 });
    expect(one('位居全球城市首位。', '全球城市首位')).toMatchObject({ kind: 'rank', value: 1 });
    expect(one('连续多年居世界首位,', '世界首位')).toMatchObject({ kind: 'rank', value: 1 });
    expect(one('居全省县域第五,', '全省县域第五')).toMatchObject({ value: 5 });
    expect(texts('始终把人民生命安全放在首位,')).toEqual([]);
    // A region ranks provinces: 西部第一, 中部地区第1, 西部首位.
    expect(texts('居西部第一,居中部地区第1,稳居西部首位。')).toEqual(['西部第一', '中部地区第1', '西部首位']);
  });
  it('joins ranges written with a mark between two figures of one unit', () => {
    expect(one('增长6.5%－7%。', '6.5%－7%')).toMatchObject({ kind: 'percent', value: 6.5, valueMax: 7 });
    expect(one('减少8%至10%,', '8%至10%')).toMatchObject({ value: 8, valueMax: 10 });
    expect(one('所得额100万元至300万元部分', '100万元至300万元')).toMatchObject({ value: 1e6, valueMax: 3e6 });
    // Not a range: different units, or a fall after a rise.
    expect(texts('增长5%—下降3%')).toEqual(['5%', '3%']);
  });
  it('keeps a unit before a trailing qualifier, and reads a number after 提前 or before % again', () => {
    expect(texts('改造公办幼儿园200所以上、义务教育学校500所以上。')).toEqual(['200所以上', '500所以上']);
    expect(texts('全球排名前1%的学科,提前3个月实现交付,')).toEqual(['1%', '3个月']);
    // …while 前10个月 and 前三季度 stay periods.
    expect(texts('前10个月,前三季度,')).toEqual([]);
    expect(texts('连续3年实施十件民生实事,')).toEqual(['3年', '十件']);
    expect(texts('整治3件事,')).toEqual(['3件']);
  });
  it('counts levels after the levels, not grades or scales', () => {
    expect(one('省市县三级联动,', '三级')).toMatchObject({ kind: 'count', value: 3, unit: '级' });
    expect(texts('建设三级医院,打造千亿级产业集群和万吨级码头')).toEqual(['千亿级', '万吨级']);
    expect(texts('水质达国家二级标准,推动三次产业协调,长江十年禁渔')).toEqual([]);
  });
  it('reads streaks, more-than magnitudes, scoped ordinal ranks and a few more measure words', () => {
    expect(one('粮食生产实现二十二连丰', '二十二连丰')).toMatchObject({ kind: 'count', value: 22 });
    expect(one('连续获得十一连冠', '十一连冠')).toMatchObject({ kind: 'count', value: 11 });
    expect(one('实现“二十二连丰”。', '二十二连丰')).toMatchObject({ kind: 'count', value: 22 });
    expect(one('粮食产量5连增', '5连增')).toMatchObject({ kind: 'count', value: 5 });
    expect(one('解决了3亿多农村人口的饮水安全', '3亿多')).toMatchObject({ kind: 'count', value: 3e8, qualifier: '多' });
    expect(one('培育3万多家企业', '3万多家')).toMatchObject({ kind: 'count', value: 3e4, unit: '家' });
    expect(one('份额提高2个多百分点', '2个多百分点')).toMatchObject({ kind: 'percent', value: 2, unit: '个百分点', qualifier: '多' });
    expect(one('成为全国第三个获批的省份', '全国第三个')).toMatchObject({ kind: 'rank', value: 3 });
    expect(one('进入全国第一梯队', '全国第一梯队')).toMatchObject({ kind: 'rank', value: 1 });
    expect(one('分两轮取消和调整', '两轮')).toMatchObject({ kind: 'count', value: 2, unit: '轮' });
    expect(one('PM2.5平均浓度32.4微克/立方米', '32.4微克/立方米')).toMatchObject({ kind: 'amount', value: 32.4 });
    // Not figures: 两轮驱动 is a slogan's wording, 第三个 alone an ordinal, 一连 no streak.
    expect(texts('坚持创新和开放两轮驱动,这是第三个问题,一连串')).toEqual([]);
  });
  it('reads units that begin with a magnitude character (千伏, 千瓦), 届 and 款 after digits, and 榜首 as a rank', () => {
    expect(one('建成750千伏超高压输电环网', '750千伏')).toMatchObject({ kind: 'amount', value: 750, unit: '千伏' });
    expect(one('新增装机10千瓦', '10千瓦')).toMatchObject({ kind: 'amount', value: 10, unit: '千瓦' });
    expect(one('风电装机2万千瓦', '2万千瓦')).toMatchObject({ kind: 'amount', value: 2e4, unit: '千瓦' });
    expect(one('建成6个千万千瓦级新能源基地', '千万千瓦级')).toMatchObject({ kind: 'amount', unit: '千瓦' });
    expect(one('成功举办2届亚欧博览会', '2届')).toMatchObject({ kind: 'count', value: 2, unit: '届' });
    expect(one('34款创新药械获批上市', '34款')).toMatchObject({ kind: 'count', value: 34, unit: '款' });
    expect(one('连续9年稳居科研城市全球榜首', '全球榜首')).toMatchObject({ kind: 'rank', value: 1 });
    // Not figures: a session number, a word, a priority.
    expect(texts('十届人大三次会议，一款产品，第二届，把人民生命安全放在第一位，摆在首位')).toEqual([]);
  });
  it('reads top-N lists, the N-th largest, a scoped rank before a noun, N大 counts, 两 with any measure word, size classes of money, and a number after 前 that is no rank', () => {
    expect(one('3家高新区位列全国50强', '全国50强')).toMatchObject({ kind: 'rank', value: 50 });
    expect(one('7家地方国企进入中国企业500强。', '500强')).toMatchObject({ kind: 'rank', value: 500 });
    expect(one('服务业成为第一大产业', '第一')).toMatchObject({ kind: 'rank', value: 1 });
    expect(one('成为全球第一货物贸易大国', '全球第一')).toMatchObject({ kind: 'rank', value: 1 });
    expect(one('农产品加工5大支柱产业迈入万亿级规模', '5大')).toMatchObject({ kind: 'count', value: 5 });
    expect(one('全年10大类55项民生实事项目', '10大类')).toMatchObject({ kind: 'count', value: 10 });
    expect(one('分两批面向民间资本发布项目', '两批')).toMatchObject({ kind: 'count', value: 2, unit: '批' });
    expect(one('宜都、大冶4个千亿县。', '千亿')).toMatchObject({ kind: 'amount', value: 1e11, unit: '元' });
    expect(one('北斗应用等4个过千亿新兴产业', '千亿')).toMatchObject({ kind: 'amount', value: 1e11 });
    expect(one('研发设计等4个过五千亿、', '五千亿')).toMatchObject({ kind: 'amount', value: 5e11 });
    expect(one('相当于5年前1.5个百分点的增量', '1.5个百分点')).toMatchObject({ kind: 'percent', value: 1.5 });
    // Not figures: an ordinal batch, a formula, a category of firms, hundreds of millions of people, a period.
    expect(texts('全国第一批试点，三大攻坚战，世界500强企业，亿万人民，万千气象，前三季度')).toEqual([]);
  });
  it('reads percents and ratios in words with their ranges and trailing qualifiers, halving, and hedged bare magnitudes', () => {
    expect(one('增长百分之八至九。', '百分之八至九')).toMatchObject({ kind: 'percent', value: 8, valueMax: 9 });
    expect(one('涨幅由百分之七到百分之八,', '百分之七到百分之八')).toMatchObject({ value: 7, valueMax: 8 });
    expect(one('增长百分之十一以上,', '百分之十一以上')).toMatchObject({ value: 11, qualifier: '以上' });
    expect(one('控制在百分之十五左右。', '百分之十五左右')).toMatchObject({ value: 15, qualifier: '左右' });
    expect(one('研发投入占1/10以上,', '1/10以上')).toMatchObject({ kind: 'ratio', value: 0.1, qualifier: '以上' });
    expect(one('压减三分之一以上。', '三分之一以上')).toMatchObject({ kind: 'ratio', qualifier: '以上' });
    expect(one('所得税减半征收,', '减半')).toMatchObject({ kind: 'ratio', value: 0.5 });
    expect(one('中欧班列开行超万列,', '万列')).toMatchObject({ kind: 'count', value: 1e4, qualifier: '超' });
    expect(one('海洋生产总值突破万亿,', '万亿')).toMatchObject({ kind: 'amount', value: 1e12, qualifier: '突破' });
    expect(one('提前一年完成任务,', '一年')).toMatchObject({ kind: 'count', value: 1 });
    // Still words: 一列, 三本 without digits or a hedge, 万亿 unhedged inside a phrase, 一年来 as a phrase,
    // 减半 is not 减 + a half.
    expect(texts('排成一列,三本书,成为万亿富翁,一年来,减少')).toEqual([]);
  });
  it('reads years in full-width and Chinese digits as dates with their year', () => {
    expect(one('从１９７９年到１９８３年,', '１９７９年')).toMatchObject({ kind: 'date', value: 1979 });
    expect(one('即由一九八○年的', '一九八○年')).toMatchObject({ kind: 'date', value: 1980 });
    expect(one('比二0一0年翻一番', '二0一0年')).toMatchObject({ kind: 'date', value: 2010 });
    expect(one('到二〇二〇年', '二〇二〇年')).toMatchObject({ kind: 'date', value: 2020 });
  });
});

describe('not figures', () => {
  it('skips slogan numbers, codes, document numbers, times and anniversaries', () => {
    const s =
      '实现“十四五”规划目标,构建“4+4+6”现代化产业体系,深化“3+3+3+3”招商机制,坚定拥护“两个确立”、做到两个维护,' +
      '增强四个意识,严格落实中央八项规定,实现“三个一”,建设“1+3+2”体系,全面贯彻党的二十大和二十届三中全会精神,' +
      '第十八届人民代表大会第四次会议,一是抓项目,二是促消费,(一)稳增长,是新中国成立75周年,' +
      '《湖里区主导产业工作方案》(厦湖委办〔2023〕3号),索引号XM02100-0301-2025-00001,时间15:26,推动K11-SELECT开业,K11项目落地,' +
      '建设一批项目,绘好一张蓝图,在湖里百万干部群众支持下,千名老人养老床位数,安全生产治本攻坚三年行动。';
    expect(texts(s)).toEqual([]);
  });
  it('keeps the genuine figures next to slogans', () => {
    expect(texts('探索“3个1/3”机制,实现人员配备“三个100%”,新建1个养老服务综合体、16个长者食堂。')).toEqual(['1个', '16个']);
  });
});

describe('subject, qualifier and target', () => {
  it('finds the metric a figure measures', () => {
    expect(one('完成固定资产投资668.5亿元,增长29.4%。', '668.5亿元').subject).toBe('固定资产投资');
    expect(one('全年实现GDP1724.2亿元。', '1724.2亿元').subject).toBe('GDP');
    expect(one('建成8个口袋公园。', '8个').subject).toBe('口袋公园');
    expect(one('2024年全区固定资产投资力争完成比增5%。', '5%').subject).toBe('固定资产投资');
  });
  it('marks plan sections and commitment words as targets, review sections as achievements', () => {
    const text = [
      '2024年工作回顾',
      '全体居民人均可支配收入74383元、比增4%。实现新增就业3.1万人。获得授信约4.8亿元。',
      '2025年工作计划',
      '2025年,经济社会发展主要预期目标为:地区生产总值增长5.5%。新增城镇就业3万人以上。',
    ].join('\n');
    const fs = extractFigures(text);
    const byText = (t: string) => fs.find((f) => f.text === t)!;
    expect(byText('74383元').target).toBe(false);
    expect(byText('3.1万人').target).toBe(false);
    expect(byText('4.8亿元')).toMatchObject({ target: false, qualifier: '约' });
    expect(byText('5.5%').target).toBe(true);
    expect(byText('3万人以上')).toMatchObject({ target: true, qualifier: '以上' });
  });
  it('treats 预计 in a review as an estimate of the year under review, 力争/确保 anywhere as targets', () => {
    const text = '一、2023年政府工作回顾\n预计全区生产总值580亿元、增长7.5%。力争明年实现产值超20亿元。';
    expect(one(text, '580亿元').target).toBe(false);
    expect(one(text, '20亿元').target).toBe(true);
  });
  it('without headings, relies on the clause', () => {
    expect(one('首期智算中心将于本月底建成,规模320P。', '320P').target).toBe(false);
    expect(one('思明区将新建停车位600个。', '600个').target).toBe(true);
  });
});

describe('describeFigure', () => {
  it('renders the value in plain words in both languages', () => {
    const f = one('2025年工作计划\n力促固定资产投资超640亿元。', '640亿元');
    expect(describeFigure(f, 'en')).toContain('640亿元 ≈ 64 billion yuan');
    expect(describeFigure(f, 'en')).toContain('target');
    expect(describeFigure(f, 'zh')).toContain('640亿元（6.4×10¹⁰ 元）');
    expect(describeFigure(f, 'zh')).toContain('目标');
    const r = one('2024年工作回顾\n总量全省第四。', '全省第四');
    expect(describeFigure(r, 'en')).toContain('rank 4');
    expect(describeFigure(r, 'zh')).toContain('实绩');
  });
});
