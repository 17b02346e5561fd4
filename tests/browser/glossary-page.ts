// The report page of the glossary browser tests (Chromium: glossary.test.ts, Firefox: firefox/glossary.test.ts).

export const GLOSSARY_URL = 'http://www.huli.gov.cn/zwgk/ghjh/zfgzbg/202603/t20260301_glossary.html';

/** A report page mentioning one term of each group, and figures written in words. */
export const GLOSSARY_HTML = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>2026年政府工作报告</title></head>
<body><h1>2026年政府工作报告</h1>
<p>各位代表：现在，我代表区人民政府，向大会报告政府工作，请予审议。</p>
<p>一、2025年工作回顾</p>
<p>过去一年，我们坚定拥护两个确立，坚定不移全面从严治党，积极融入西部陆海新通道建设，深化零基预算改革，学习运用千万工程经验。</p>
<p>回顾改革开放之初，乡镇企业异军突起。全区地区生产总值比2010年翻了一番，居全国第十三，增长5.5%。</p>
<p>二、2026年工作安排</p>
<p>2026年，经济社会发展主要预期目标为：地区生产总值增长5.5%左右，新增城镇就业3万人以上。</p>
<p>深入实施培育发展未来产业三年行动，打造一批应用场景。</p>
</body></html>`;

/** A programme name the report coins, marked whole, with a known term inside it and a piece of that term's explanation. */
export const GLOSSARY_NAME: [string, string, RegExp] = ['培育发展未来产业三年行动', '未来产业', /前沿技术/];

/** One term per group: [group, the term as written, a piece of its Chinese explanation, its English name]. */
export const GLOSSARY_TERMS: [string, string, RegExp][] = [
  ['strategy / regional plan', '西部陆海新通道', /北部湾/],
  ['fiscal instrument', '零基预算', /上年|基数/],
  ['programme', '千万工程', /千村示范/],
  ['Party formula', '全面从严治党', /作风|纪律/],
  ['numbered slogan', '两个确立', /核心地位/],
  ['older term', '乡镇企业', /农村集体|农民/],
];

