import { readFileSync } from 'node:fs';

/**
 * A clean prose page about a report, as a news site carries one: the opening of
 * the national 2019 report (held out from the model; scripts/corpus-split.ts)
 * and, in the same article, ordinary news items (THUCNews, from the negative set,
 * tests/fixtures/negative/news/thucnews-val-g.txt). Everything on it is
 * unrepaired real text. The news items are full of spun forms that are ordinary
 * words (消费, 举行, 表示, 比例 …): the old report-only gate opened on such pages
 * (6.4 signature hits per 1,000 characters here) and rewrote them.
 */
export const CLEAN_NEWS_URL = 'http://news.xmnn.cn/xwzx/gnxw/202403/t20240306_clean.htm';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function cleanNewsPage(): { html: string; paragraphs: string[] } {
  const report = readFileSync(new URL('../../../shared/corpus/national/2019.txt', import.meta.url), 'utf8').slice(0, 1500);
  const news = readFileSync(new URL('../fixtures/negative/news/thucnews-val-g.txt', import.meta.url), 'utf8');
  const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
  const paragraphs = [...lines(report), ...lines(news)];
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>政府工作报告（全文）_国内新闻_厦门网</title></head>
<body><header><a href="http://news.xmnn.cn/">厦门网·新闻中心</a></header>
<article>${paragraphs.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}</article>
</body></html>`;
  return { html, paragraphs };
}
