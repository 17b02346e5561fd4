import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { detectReport, sampleFromText, REPORT_THRESHOLD, type PageSample } from '../../src/core/detect';
import { looksLatinMojibake, mayBeReport } from '../../src/core/detect/hints';

const ROOT = join(__dirname, '..', '..');
const seedText = (n: string) => {
  const f = readdirSync(join(ROOT, 'seeds')).find((x) => x.startsWith(n + '_') && x.endsWith('.txt'));
  return readFileSync(join(ROOT, 'seeds', f!), 'utf8');
};

/** Hand-written negative pages: front matter (url, title) + body lines. */
function negative(file: string): PageSample {
  const raw = readFileSync(join(ROOT, 'seeds', 'negatives', file), 'utf8');
  const [, fm, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw)!;
  const get = (k: string) => new RegExp(`^${k}:\\s*(.*)$`, 'm').exec(fm)![1];
  return sampleFromText(body, get('url'), get('title'));
}

const gbkMojibake = (s: string) => new TextDecoder('gbk').decode(new TextEncoder().encode(s));

describe('detectReport on the seed texts', () => {
  for (const n of ['000', '001', '002', '003', '004']) {
    it(`detects seed ${n} as a report (plain text, no URL)`, () => {
      const d = detectReport(sampleFromText(seedText(n)));
      expect(d.isReport, d.signals.join(' ')).toBe(true);
      expect(d.score).toBeGreaterThanOrEqual(REPORT_THRESHOLD);
    });
  }

  it('sees the damage in seed 001 (Traditional with inline pinyin)', () => {
    const d = detectReport(sampleFromText(seedText('001')));
    expect(d.damage).toEqual(expect.arrayContaining(['traditional', 'pinyin']));
  });

  it('sees spinner forms in seed 004 and still finds 政府工作报告 (written 政府工做报告 there)', () => {
    expect(seedText('004')).toContain('政府工做报告');
    const d = detectReport(sampleFromText(seedText('004')));
    expect(d.damage).toContain('spun');
    expect(d.signals).toContain('body:政府工作报告');
  });

  it('does not report damage on a clean seed', () => {
    const d = detectReport(sampleFromText(seedText('003')));
    expect(d.damage).not.toContain('mojibake');
    expect(d.damage).not.toContain('traditional');
    expect(d.damage).not.toContain('spun');
  });
});

describe('detectReport on damaged variants', () => {
  it('detects seed 000 decoded as GBK (mojibake), title included', () => {
    const moj = gbkMojibake(seedText('000').slice(0, 3000));
    expect(moj).toContain('鏀垮簻宸ヤ綔鎶ュ憡'); // 政府工作报告, as the page would show it
    const d = detectReport(sampleFromText(moj));
    expect(d.isReport, d.signals.join(' ')).toBe(true);
    expect(d.damage).toContain('mojibake');
    expect(d.signals).toContain('body:各位代表');
  });

  // As a browser shows Windows-1252 (WHATWG: 0x80-0x9F are €‚ƒ…, the five undefined bytes C1 controls) and as Latin-1 does.
  const WIN1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
  const readAs = (table: 'windows-1252' | 'latin-1') => (s: string) =>
    [...new TextEncoder().encode(s)].map((b) => (table === 'windows-1252' && b >= 0x80 && b < 0xa0 ? WIN1252_HIGH[b - 0x80] : String.fromCharCode(b))).join('');
  for (const table of ['windows-1252', 'latin-1'] as const) {
    for (const layers of [1, 2]) {
      it(`detects seed 003 read as ${table} ${layers === 1 ? 'once' : 'twice'}, on a news host without a clean title`, () => {
        let moj = seedText('003').slice(0, 3000);
        for (let i = 0; i < layers; i++) moj = readAs(table)(moj);
        const sample = sampleFromText(moj, 'http://news.xmnn.cn/xmxw/202401/t20240105_1.htm');
        expect(mayBeReport(sample)).toBe(true);
        const d = detectReport(sample);
        expect(d.isReport, d.signals.join(' ')).toBe(true);
        expect(d.damage).toContain('mojibake');
      });
    }
  }

  it('does not take French, German or Chinese with quotes and dashes for Windows-1252 mojibake', () => {
    for (const text of [
      'Le président a présenté à l’Assemblée nationale un rapport détaillé sur l’économie française et ses réformes.',
      'Die Bundesregierung hat über die wirtschaftliche Entwicklung berichtet: Größere Investitionen für Bürger.',
      '“十四五”规划顺利收官——高质量发展取得新成效，“两个确立”深入人心，“三个一”落地见效……',
    ])
      expect(looksLatinMojibake(text)).toBe(false);
  });

  it('detects three body paragraphs of seed 000 as mojibake, without any title', () => {
    const paras = seedText('000')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 150)
      .slice(0, 3)
      .join('\n');
    const d = detectReport(sampleFromText(gbkMojibake(paras), 'http://www.huli.gov.cn/zwgk/t20250214_1.html'));
    expect(d.isReport, d.signals.join(' ')).toBe(true);
  });

  it('detects a Traditional-script copy of seed 003', () => {
    const trad = OpenCC.Converter({ from: 'cn', to: 'tw' })(seedText('003'));
    expect(trad).toContain('政府工作報告');
    const d = detectReport(sampleFromText(trad));
    expect(d.isReport, d.signals.join(' ')).toBe(true);
    expect(d.damage).toContain('traditional');
    expect(d.signals).toContain('head:政府工作报告');
  });

  it('detects a letter-spaced title with zero-width characters', () => {
    const text = seedText('003').replace('政府工作报告', '政 府\u200b 工 作 报\u3000告');
    const d = detectReport(sampleFromText(text));
    expect(d.signals).toContain('head:政府工作报告');
    expect(d.isReport).toBe(true);
  });
});

describe('detectReport on pages that are not reports', () => {
  for (const f of readdirSync(join(ROOT, 'seeds', 'negatives')).filter((x) => x.endsWith('.txt'))) {
    it(`rejects ${f}`, () => {
      const d = detectReport(negative(f));
      expect(d.isReport, `${d.score} ${d.signals.join(' ')}`).toBe(false);
    });
  }

  it('rejects the gov.cn passport service page even though it is on gov.cn', () => {
    const s = negative('passport-gov.txt');
    expect(s.url).toMatch(/\.gov\.cn\//);
    const d = detectReport(s);
    expect(d.signals).toContain('host:gov');
    expect(d.isReport).toBe(false);
  });

  it('rejects a news story that mentions 政府工作报告 once in passing', () => {
    const s = negative('passing-mention-thepaper.txt');
    expect(s.text.split('政府工作报告').length - 1).toBe(1);
    const d = detectReport(s);
    expect(d.signals).toContain('body:政府工作报告');
    expect(d.isReport).toBe(false);
  });

  it('rejects dense policy meeting news on gov.cn', () => {
    const text = [
      '区政府召开第45次常务会议',
      '3月12日上午，区长主持召开区政府第45次常务会议，传达学习全国两会精神，研究部署近期重点工作。',
      '会议指出，要认真学习贯彻全国两会精神，结合我区实际抓好贯彻落实。要聚焦一季度“开门红”，加强经济运行监测调度，推动重点项目加快建设，力促一季度固定资产投资同比增长10%以上。',
      '会议研究了促进消费提质扩容若干措施，要求各部门加强协同，持续优化消费环境，打造一批特色消费场景，全面提升消费对经济增长的拉动作用。会议强调，要坚持人民至上、生命至上，深化安全生产治本攻坚三年行动，强化重点领域隐患排查整治，确保全区安全形势持续稳定。',
    ].join('\n');
    const d = detectReport(sampleFromText(text, 'http://www.huli.gov.cn/xwzx/hlyw/202503/t20250312_1190001.html'));
    expect(d.isReport, `${d.score} ${d.signals.join(' ')}`).toBe(false);
  });

  it('gives an empty sample a zero score', () => {
    expect(detectReport({ url: '', title: '', headings: [], text: '' })).toMatchObject({ isReport: false, score: 0 });
  });
});

describe('sampleFromText', () => {
  it('skips metadata lines for the title and keeps short lines as headings', () => {
    const s = sampleFromText(seedText('000'), 'http://x.gov.cn/a.html');
    expect(s.title).toBe('2025年湖里区人民政府工作报告');
    expect(s.headings).toContain('2024年工作回顾');
    expect(s.headings.some((h) => h.includes('索 引 号'))).toBe(false);
    expect(s.text.length).toBeLessThanOrEqual(3000);
    expect(s.url).toBe('http://x.gov.cn/a.html');
  });

  it('uses an explicit title when given', () => {
    expect(sampleFromText('正文第一行。', '', '标题').title).toBe('标题');
  });
});

describe('fast path off gov.cn', () => {
  it('decides a news page with no report words at once, and never skips a page that has them', () => {
    const sports = detectReport({ url: 'http://sports.people.com.cn/n1/a.html', title: '国足主场2比1取胜', headings: ['赛后发布会'], text: '比赛第58分钟，前锋头球破门。主教练在赛后表示，球队的防守还需加强。'.repeat(20) });
    expect(sports).toEqual({ isReport: false, score: 0, signals: ['no-report-words'], damage: [] });
    // The same host with a report title goes through full scoring.
    const report = detectReport({ url: 'http://politics.people.com.cn/n1/b.html', title: '2025年政府工作报告（全文）', headings: [], text: '各位代表：现在，我代表国务院向大会报告政府工作。'.repeat(20) });
    expect(report.signals).not.toContain('no-report-words');
    expect(report.isReport).toBe(true);
    // gov.cn pages are always scored in full.
    expect(detectReport({ url: 'http://www.example.gov.cn/a.html', title: '通知', headings: [], text: '天气' }).signals).not.toContain('no-report-words');
  });
});
