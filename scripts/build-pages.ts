/**
 * Builds the seed pages: each seed text (seeds/*.txt) and each hand-written
 * negative (seeds/negatives/*.txt) rendered as the HTML page a reader would
 * meet on a Chinese government or news site, plus a ~1 MB benchmark page.
 * Output: seeds/pages/*.html and seeds/pages/pages.json.
 *
 *   npx tsx scripts/build-pages.ts      (npm run pages)
 *
 * Rules the pages keep, because tests rely on them:
 * - Seed text lines appear byte-for-byte (after trimming the line's own
 *   indentation and list bullets) in document order; nothing is repaired.
 * - No external resources: no images, fonts or script files, one inline
 *   <style>. Negatives with `scripts: inline` carry the inline scripts a CMS
 *   page has (font size, share menu, visit counter), which fetch nothing.
 * - Output is deterministic (seeded shuffle), so regenerating gives no diff.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SEEDS = join(ROOT, 'seeds');
const NEGATIVES = join(SEEDS, 'negatives');
const OUT = join(SEEDS, 'pages');

// The shape of pages.json is defined once, next to its readers.
import type { PageEntry } from '../tests/support/pages';
export type { PageEntry };

// ---------------------------------------------------------------- helpers

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (s: string) => esc(s).replace(/"/g, '&quot;');
/** Trim a line's own indentation (layout, not text). Inner spaces are kept. */
const trimLine = (s: string) => s.replace(/^[ \t\u3000]+|[ \t\u3000\r]+$/g, '');

/** Deterministic PRNG so regenerated pages are identical. */
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- sites

interface Site {
  key: string;
  /** Shown under the logo. */
  domain: string;
  name: string;
  /** Short name for the page title suffix. */
  short: string;
  nav: string[];
  /** Accent colour and a darker shade. */
  color: string;
  dark: string;
  light: string;
  kind: 'gov' | 'news' | 'forum';
  footer: string[];
  /** Class-name prefix so the sites do not share one DOM vocabulary. */
  cls: string;
}

const SITES: Record<string, Site> = {
  huli: {
    key: 'huli', domain: 'www.huli.gov.cn', name: '厦门市湖里区人民政府', short: '湖里区人民政府', kind: 'gov', cls: 'hl',
    nav: ['首页', '政务公开', '政策文件', '政务服务', '互动交流', '走进湖里'],
    color: '#1559b3', dark: '#0d3d80', light: '#eaf2fc',
    footer: ['主办单位：厦门市湖里区人民政府办公室', '承办单位：厦门市湖里区大数据服务中心', '网站标识码：3502060001', '备案号：闽ICP备05021473号', '闽公网安备 35020602000123号'],
  },
  licheng: {
    key: 'licheng', domain: 'www.qzlc.gov.cn', name: '泉州市鲤城区人民政府', short: '鲤城区人民政府', kind: 'gov', cls: 'lc',
    nav: ['首页', '鲤城概况', '政务公开', '政策文件', '办事服务', '政民互动', '专题专栏'],
    color: '#0b6e4f', dark: '#07442f', light: '#eef6f1',
    footer: ['主办单位：泉州市鲤城区人民政府办公室', '网站标识码：3505020003', '备案号：闽ICP备06005421号-1', '闽公网安备 35050202000231号'],
  },
  xm: {
    key: 'xm', domain: 'www.xm.gov.cn', name: '厦门市人民政府', short: '厦门市人民政府', kind: 'gov', cls: 'xmgov',
    nav: ['首页', '政务公开', '政策文件', '政务服务', '数据发布', '互动交流'],
    color: '#b0211b', dark: '#7d1410', light: '#fbf1ef',
    footer: ['主办单位：厦门市人民政府办公厅', '网站标识码：3502000001', '备案号：闽ICP备05020173号'],
  },
  xmga: {
    key: 'xmga', domain: 'gaj.xm.gov.cn', name: '厦门市公安局', short: '厦门市公安局', kind: 'gov', cls: 'ga',
    nav: ['首页', '警务公开', '政策文件', '办事服务', '出入境', '交通管理', '互动交流'],
    color: '#1f3f73', dark: '#122749', light: '#eef2f8',
    footer: ['主办单位：厦门市公安局', '网站标识码：3502000042', '备案号：闽ICP备09004512号', '闽公网安备 35020302000017号'],
  },
  xmnn: {
    key: 'xmnn', domain: 'www.xmnn.cn', name: '厦门网', short: '厦门网', kind: 'news', cls: 'xmnn',
    nav: ['首页', '厦门', '思明', '湖里', '福建', '国内', '国际', '视频', '专题'],
    color: '#c8161d', dark: '#8e0c11', light: '#fdf2f2',
    footer: ['厦门日报社主办', '互联网新闻信息服务许可证：35120170003', '闽ICP备05017718号', '违法和不良信息举报电话：0592-5052222'],
  },
  peopleSports: {
    key: 'peopleSports', domain: 'sports.people.com.cn', name: '人民网·体育', short: '体育--人民网', kind: 'news', cls: 'rmw',
    nav: ['人民网首页', '体育', '中超', '篮球', '国际足球', '综合', '图片'],
    color: '#b5121b', dark: '#7c0b11', light: '#f7f3f3',
    footer: ['人民日报社概况', '关于人民网', '报社招聘', '招聘英才', '广告服务', '合作加盟', '京ICP证000006号', '京公网安备11000002000008号'],
  },
  fjsenBbs: {
    key: 'fjsenBbs', domain: 'bbs.fjsen.com', name: '东南网·海峡社区', short: '海峡社区 - 东南网', kind: 'forum', cls: 'bbs',
    nav: ['社区首页', '厦门生活', '泉州论坛', '福州茶座', '房产家居', '亲子教育', '美食'],
    color: '#e46c0a', dark: '#a84d05', light: '#fff6ec',
    footer: ['东南网版权所有', '闽ICP备05005418号', '互联网新闻信息服务许可证：35120180001'],
  },
  thepaper: {
    key: 'thepaper', domain: 'www.thepaper.cn', name: '澎湃新闻', short: '澎湃新闻', kind: 'news', cls: 'tp',
    nav: ['要闻', '深度', '视频', '城市', '财经', '思想', '生活'],
    color: '#111111', dark: '#000000', light: '#f5f5f5',
    footer: ['上海东方报业有限公司', '沪ICP备14003370号', '互联网新闻信息服务许可证：31120170006'],
  },
};

// ---------------------------------------------------------------- seed parsing

type Block =
  | { kind: 'meta'; label: string; value: string }
  | { kind: 'title'; text: string }
  | { kind: 'date'; text: string }
  | { kind: 'masthead'; text: string }
  | { kind: 'salutation'; text: string }
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'caption'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'byline'; text: string }
  | { kind: 'label'; text: string }
  | { kind: 'qr'; text: string }
  | { kind: 'related'; heading: string | null; items: { text: string; date: string }[] };

const META_RE = /^(?:[•\-*·]\s*)?((?:索\s*引\s*号|发\s*布\s*机\s*构|公文生成日期|文\s*号|主\s*题\s*分\s*类|发布日期|成文日期|生效状态)\s*)[:：](.*)$/;
const DATE_RE = /^(?:时间|发布时间|发布日期|日期|来源)\s*[:：]/;
const CHINESE_NUM = '一二三四五六七八九十';
const H2_RE = new RegExp(`^[${CHINESE_NUM}]+、|^\\d{4}年?(?:[^，。,]{0,8})(?:回顾|展望|计划|安排)$|^名词解释$`);
const H3_RE = new RegExp(`^[（(][${CHINESE_NUM}]+[）)]`);
const RELATED_ITEM_RE = /^-\s+(.+?)(\d{4}-\d{2}-\d{2})$/;
/** Lines that are the source page's own chrome, carried along in the seed text. */
const CHROME_LABELS = new Set(['文章正文', '附件下载']);
const QR_TEXT = '扫一扫在手机上查看当前页面';
const PINYIN_PAREN = /\([a-zà-üā-ǜ]+\)/gi;

/** A short line without sentence punctuation is a heading (pinyin glosses do not count toward length). */
function looksLikeHeading(line: string): boolean {
  const bare = line.replace(PINYIN_PAREN, '');
  if (bare.length > 32 || bare.length < 2) return false;
  if (/[。；;，,！!？?]/.test(bare)) return false;
  if (/[:：]$/.test(bare)) return false;
  return true;
}

interface SeedOptions {
  /** Index (among non-empty lines) of the line that is the article title, if the text has one. */
  titleLine?: number;
}

function parseSeed(text: string, opts: SeedOptions): Block[] {
  const lines = text.split('\n').map(trimLine).filter((l) => l.length > 0);
  const blocks: Block[] = [];
  const salutationAt = lines.findIndex((l) => /^各位代表[:：!！]?$/.test(l));
  let sawBody = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const meta = META_RE.exec(line);
    if (meta && !sawBody) {
      blocks.push({ kind: 'meta', label: meta[1], value: meta[2] });
      continue;
    }
    if (i === opts.titleLine) {
      blocks.push({ kind: 'title', text: line });
      continue;
    }
    if (DATE_RE.test(line) && !sawBody) {
      blocks.push({ kind: 'date', text: line });
      continue;
    }
    if (CHROME_LABELS.has(line)) {
      blocks.push({ kind: 'label', text: line });
      continue;
    }
    if (line === QR_TEXT) {
      blocks.push({ kind: 'qr', text: line });
      continue;
    }
    if (line === '相关解读' || line === '相关阅读') {
      // The rest of the text is a list of related-links labels.
      const items = lines.slice(i + 1).map((t) => ({ text: t, date: '' }));
      blocks.push({ kind: 'related', heading: line, items });
      break;
    }
    const rel = RELATED_ITEM_RE.exec(line);
    if (rel) {
      const last = blocks[blocks.length - 1];
      const item = { text: rel[1], date: rel[2] };
      if (last?.kind === 'related' && last.heading === null) last.items.push(item);
      else blocks.push({ kind: 'related', heading: null, items: [item] });
      continue;
    }
    if (i < salutationAt) {
      blocks.push({ kind: 'masthead', text: line });
      continue;
    }
    if (i === salutationAt) {
      blocks.push({ kind: 'salutation', text: line });
      sawBody = true;
      continue;
    }
    if (/^[本原]题目?[:：]|^原标题[:：]/.test(line)) {
      blocks.push({ kind: 'subtitle', text: line });
      continue;
    }
    if (/图为/.test(line) && /摄$/.test(line)) {
      blocks.push({ kind: 'caption', text: line });
      continue;
    }
    if (/^[(（]责编[:：]/.test(line)) {
      blocks.push({ kind: 'byline', text: line });
      continue;
    }
    sawBody = true;
    if (H3_RE.test(line) && looksLikeHeading(line)) blocks.push({ kind: 'heading', level: 3, text: line });
    else if (H2_RE.test(line) && looksLikeHeading(line)) blocks.push({ kind: 'heading', level: 2, text: line });
    else if (looksLikeHeading(line) && !/^[●•]/.test(line)) blocks.push({ kind: 'heading', level: 3, text: line });
    else blocks.push({ kind: 'para', text: line });
  }
  return blocks;
}

// ---------------------------------------------------------------- body rendering

type Shape = 'plain' | 'nested' | 'indent';

interface Link {
  /** Text to wrap, first occurrence inside the first paragraph that contains it. */
  text: string;
  href: string;
}

interface BodyOptions {
  shape: Shape;
  /** Render unnumbered short headings as <p><strong> instead of <h3>. */
  strongHeadings?: boolean;
  link?: Link;
}

/**
 * Split a paragraph into chunks at sentence ends, the way CMS editors leave
 * one <span> per pasted run. Concatenating the chunks gives the text back.
 */
function chunks(text: string): string[] {
  const out = text.match(/[^。；;！!]+[。；;！!]*|[。；;！!]+/g) ?? [text];
  return out;
}

function renderPara(text: string, opts: BodyOptions, state: { linked: boolean }, cls = ''): string {
  let html = esc(text);
  if (opts.link && !state.linked && text.includes(opts.link.text)) {
    state.linked = true;
    html = html.replace(esc(opts.link.text), `<a href="${attr(opts.link.href)}" target="_blank">${esc(opts.link.text)}</a>`);
  }
  const c = cls ? ` class="${cls}"` : '';
  switch (opts.shape) {
    case 'plain':
      return `<p${c}>${html}</p>`;
    case 'indent':
      return `<p${c} style="text-indent: 2em;">${html}</p>`;
    case 'nested': {
      if (html !== esc(text)) return `<div${c}><p>${html}</p></div>`;
      // Alternate flat and doubly nested spans, as Word-pasted CMS bodies do.
      const spans = chunks(text).map((t, k) =>
        k % 2 === 0
          ? `<span style="font-family: 仿宋_GB2312; font-size: 16pt;">${esc(t)}</span>`
          : `<span><span style="font-size: 16pt;">${esc(t)}</span></span>`,
      );
      return `<div class="TRS_Editor_p${cls ? ' ' + cls : ''}"><div style="line-height: 2em;">${spans.join('')}</div></div>`;
    }
  }
}

function renderBlocks(blocks: Block[], opts: BodyOptions, cls: string): string {
  const out: string[] = [];
  const state = { linked: false };
  const masthead: string[] = [];
  const flushMasthead = () => {
    if (masthead.length) out.push(`<div class="${cls}-report-head">${masthead.map((m) => `<p>${esc(m)}</p>`).join('\n')}</div>`);
    masthead.length = 0;
  };
  for (const b of blocks) {
    if (b.kind !== 'masthead') flushMasthead();
    switch (b.kind) {
      case 'masthead':
        masthead.push(b.text);
        break;
      case 'salutation':
        out.push(`<p class="${cls}-salutation">${esc(b.text)}</p>`);
        break;
      case 'heading':
        if (b.level === 2) out.push(`<h2>${esc(b.text)}</h2>`);
        else if (opts.strongHeadings || H3_RE.test(b.text)) out.push(`<p class="${cls}-sub"><strong>${esc(b.text)}</strong></p>`);
        else out.push(`<h3>${esc(b.text)}</h3>`);
        break;
      case 'para':
        out.push(renderPara(b.text, opts, state));
        break;
      case 'subtitle':
        out.push(`<p class="${cls}-subtitle">${esc(b.text)}</p>`);
        break;
      case 'caption':
        out.push(`<figure class="${cls}-photo"><div class="${cls}-photo-box" role="img" aria-label=""></div><figcaption>${esc(b.text)}</figcaption></figure>`);
        break;
      case 'byline':
        out.push(`<p class="${cls}-editor">${esc(b.text)}</p>`);
        break;
      case 'label':
        // 文章正文 is a screen-reader landmark on news sites; 附件下载 is a visible section label.
        out.push(`<div class="${cls}-${b.text === '文章正文' ? 'sr' : 'label'}">${esc(b.text)}</div>`);
        break;
      case 'related': {
        const items = b.items
          .map((it) => `<li><a href="#">${esc(it.text)}</a>${it.date ? `<span class="date">${esc(it.date)}</span>` : ''}</li>`)
          .join('');
        out.push(`<div class="${cls}-related">${b.heading ? `<h4>${esc(b.heading)}</h4>` : ''}<ul>${items}</ul></div>`);
        break;
      }
      default:
        break; // meta, title, date and qr are rendered by the page frame
    }
  }
  flushMasthead();
  return out.join('\n');
}

// ---------------------------------------------------------------- page frame

interface Frame {
  site: Site;
  docTitle: string;
  crumbs: string[];
  h1: string;
  /** Date line as shown; from the seed text when it has one. */
  dateLine: string;
  /** Extra info next to the date (source, views); invented chrome, not seed text. */
  info?: string;
  meta: { label: string; value: string }[];
  body: string;
  /** Seed-text QR label if the seed carried it, else the default chrome label. */
  qrText: string;
  sidebar?: string[];
  /** Layout variant: gov pages put the metadata table above the title. */
  bodyClass: string;
  /** Inline CMS scripts (see CMS_SCRIPTS). */
  scripts?: boolean;
}

/**
 * What a government CMS page carries inline: a font-size switcher, a share
 * menu, a visit counter queue and the site's navigation data. None of it
 * fetches anything or changes the page until clicked; it is there so the
 * detector meets script text in body.textContent, as on real pages.
 */
const CMS_SCRIPTS = {
  inArticle: `
(function () {
  var zoom = document.getElementById('zoom');
  var sizes = { '大': 20, '中': 17, '小': 15 };
  function doZoom(size) { if (zoom) { zoom.style.fontSize = size + 'px'; } }
  var links = document.querySelectorAll('.zoom-switch a');
  for (var i = 0; i < links.length; i++) {
    links[i].addEventListener('click', function (e) { e.preventDefault(); doZoom(sizes[this.textContent] || 17); });
  }
  window.shareConfig = {
    title: document.title,
    channels: ['wechat', 'weibo', 'qzone', 'print', 'close'],
    labels: { wechat: '微信', weibo: '微博', qzone: 'QQ空间', print: '打印本页', close: '关闭窗口' },
    onShare: function (channel) { if (channel === 'print') { window.print(); } if (channel === 'close') { window.close(); } }
  };
})();`,
  beforeBodyEnd: `
var _siteStat = window._siteStat || [];
_siteStat.push(['_setSiteId', 'hl-portal-0592']);
_siteStat.push(['_setColumn', 'xwzx/hlyw']);
_siteStat.push(['_trackPageview']);
window.siteNav = ${JSON.stringify(
    Array.from({ length: 8 }, (_, i) => ({
      id: `col${i + 1}`,
      name: ['首页', '新闻中心', '政务公开', '政务服务', '互动交流', '走进湖里', '专题专栏', '数据开放'][i],
      children: Array.from({ length: 6 }, (_, k) => ({ id: `col${i + 1}_${k + 1}`, name: `栏目${i + 1}-${k + 1}`, path: `/col${i + 1}/sub${k + 1}/` })),
    })),
  )};
function siteSearch(form) { var q = form && form.q ? String(form.q.value).trim() : ''; return q.length > 0; }
function toggleElderMode() { document.body.classList.toggle('elder'); return false; }
function toggleTraditional() { document.documentElement.setAttribute('data-variant', document.documentElement.getAttribute('data-variant') === 'tw' ? 'cn' : 'tw'); return false; }`,
};

function css(s: Site): string {
  const c = s.cls;
  return `
*{box-sizing:border-box}body{margin:0;font:16px/1.8 "Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei",sans-serif;color:#333;background:${s.kind === 'gov' ? '#f3f5f8' : '#fff'}}
a{color:#333;text-decoration:none}a:hover{color:${s.color}}
.${c}-top{background:${s.dark};color:#dfe6ef;font-size:12px;padding:4px 0}
.${c}-wrap{width:1120px;max-width:100%;margin:0 auto;padding:0 16px}
.${c}-header{background:${s.kind === 'gov' ? `linear-gradient(180deg,${s.color},${s.dark})` : '#fff'};${s.kind === 'gov' ? 'color:#fff;' : `border-bottom:3px solid ${s.color};`}padding:${s.kind === 'gov' ? '26px' : '14px'} 0}
.${c}-logo{font-size:${s.kind === 'gov' ? 32 : 28}px;font-weight:bold;letter-spacing:${s.kind === 'gov' ? 4 : 1}px;${s.kind === 'gov' ? '' : `color:${s.color};`}}
.${c}-logo small{display:block;font-size:12px;font-weight:normal;letter-spacing:1px;opacity:.8}
.${c}-nav{background:${s.kind === 'gov' ? s.dark : s.color}}
.${c}-nav ul{list-style:none;margin:0 auto;padding:0;display:flex}
.${c}-nav li a{display:block;color:#fff;padding:10px 22px;font-size:16px}
.${c}-nav li.on a,.${c}-nav li a:hover{background:rgba(255,255,255,.18)}
.${c}-crumb{font-size:13px;color:#777;padding:12px 0}
.${c}-crumb a{color:#555}
.${c}-main{display:flex;gap:20px;align-items:flex-start;margin-bottom:24px}
.${c}-article{flex:1;background:#fff;padding:28px 40px;${s.kind === 'gov' ? 'border:1px solid #dde3ea;' : ''}}
.${c}-meta{width:100%;border-collapse:collapse;font-size:13px;margin-bottom:22px;background:${s.light}}
.${c}-meta th,.${c}-meta td{border:1px solid #d4dce6;padding:6px 10px;text-align:left}
.${c}-meta th{width:120px;color:#555;font-weight:normal;white-space:pre}
.${c}-article h1{font-size:26px;line-height:1.5;text-align:center;color:${s.kind === 'news' ? '#222' : s.dark};margin:8px 0 10px}
.${c}-info{text-align:center;font-size:13px;color:#888;border-bottom:1px dashed #ccc;padding-bottom:10px;margin-bottom:20px}
.${c}-info span{margin:0 10px}
.${c}-content{font-size:17px;line-height:2}
.${c}-content p{margin:0 0 14px;text-indent:2em}
.${c}-content h2{font-size:19px;color:${s.color};border-left:4px solid ${s.color};padding-left:10px;margin:26px 0 12px}
.${c}-content h3,.${c}-sub{font-size:17px;margin:18px 0 8px}
.${c}-report-head{text-align:center;margin:10px 0 24px}.${c}-report-head p{text-indent:0;margin:0}
.${c}-report-head p:first-child{font-size:20px;font-weight:bold}
.${c}-subtitle{color:#666;font-size:15px}
.${c}-photo{margin:10px auto 18px;text-align:center}
.${c}-photo-box{width:560px;max-width:100%;height:300px;margin:0 auto;background:linear-gradient(160deg,#8fb6d8 0%,#c9dcea 45%,#6f9a6a 46%,#4e7a52 100%)}
.${c}-photo figcaption{font-size:14px;color:#555;margin-top:6px;text-align:left}
.${c}-editor{text-align:right;color:#888;font-size:14px}
.${c}-sr{position:absolute;left:-9999px}.${c}-label{color:#888;font-size:14px;border-top:1px solid #eee;margin-top:18px;padding-top:6px}
.${c}-related{border-top:1px solid #e3e3e3;margin-top:20px;padding-top:8px}
.${c}-related h4{margin:0 0 6px;color:${s.color}}
.${c}-related ul{margin:0;padding-left:18px;font-size:14px}.${c}-related li{line-height:2}
.${c}-related .date{color:#999;margin-left:10px}
.${c}-tools{display:flex;justify-content:space-between;align-items:center;border-top:1px solid #e5e5e5;margin-top:28px;padding-top:14px;font-size:13px;color:#666}
.${c}-share a{margin-left:10px;color:${s.color}}
.${c}-qr{display:flex;align-items:center;gap:10px}
.${c}-qr-box{width:88px;height:88px;border:6px solid #fff;outline:1px solid #ccc;background:
 linear-gradient(90deg,#000 0 22%,transparent 22% 78%,#000 78%) top/100% 22% no-repeat,
 repeating-conic-gradient(#222 0 25%,#fff 0 50%) 0 0/14px 14px}
.${c}-side{width:280px;background:#fff;${s.kind === 'gov' ? 'border:1px solid #dde3ea;' : ''}padding:14px 18px}
.${c}-side h3{margin:0 0 8px;font-size:16px;color:${s.color};border-bottom:2px solid ${s.color};padding-bottom:4px}
.${c}-side ul{margin:0;padding-left:16px;font-size:14px}
.${c}-footer{background:${s.kind === 'gov' ? s.dark : '#f2f2f2'};color:${s.kind === 'gov' ? '#cfd8e3' : '#666'};font-size:13px;text-align:center;padding:18px 0;line-height:2}
.${c}-footer a{color:inherit;margin:0 8px}
.${c}-post{border:1px solid #f0d9c2;margin-bottom:10px;display:flex;background:#fff}
.${c}-user{width:150px;background:${s.light};padding:12px;font-size:13px;text-align:center}
.${c}-avatar{width:72px;height:72px;margin:0 auto 6px;border-radius:4px;background:linear-gradient(135deg,${s.color},#ffd8a8)}
.${c}-post-body{flex:1;padding:12px 18px}
.${c}-post-head{font-size:12px;color:#999;border-bottom:1px dotted #ddd;margin-bottom:8px}
.${c}-floor{float:right;color:${s.color}}
.${c}-guide{width:100%;border-collapse:collapse;margin:10px 0 18px;font-size:15px}
.${c}-guide th,.${c}-guide td{border:1px solid #ccd5e0;padding:8px 12px;text-align:left;vertical-align:top}
.${c}-guide th{width:150px;background:${s.light}}
`.trim();
}

function frame(f: Frame): string {
  const s = f.site;
  const c = s.cls;
  const nav = s.nav.map((n, i) => `<li${i === 1 ? ' class="on"' : ''}><a href="${i === 0 ? '/' : `/${c}${i}/`}">${esc(n)}</a></li>`).join('');
  const crumbs = ['首页', ...f.crumbs].map((x, i) => `<a href="${i === 0 ? '/' : '#'}">${esc(x)}</a>`).join(' &gt; ');
  const meta = f.meta.length
    ? `<table class="${c}-meta"><tbody>${f.meta.map((m) => `<tr><th>${esc(m.label)}</th><td>${esc(m.value)}</td></tr>`).join('')}</tbody></table>`
    : '';
  const side = f.sidebar
    ? `<aside class="${c}-side"><h3>相关链接</h3><ul>${f.sidebar.map((t) => `<li><a href="#">${esc(t)}</a></li>`).join('')}</ul></aside>`
    : '';
  const footerLinks = ['网站地图', '联系我们', '关于本站', '使用帮助', '隐私声明'].map((t) => `<a href="#">${t}</a>`).join('|');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="${attr(s.name)}">
<meta name="ArticleTitle" content="${attr(f.h1)}">
<title>${esc(f.docTitle)}</title>
<style>
${css(s)}
</style>
</head>
<body class="${f.bodyClass}">
<div class="${c}-top"><div class="${c}-wrap">欢迎访问${esc(s.name)}网站　|　无障碍浏览　|　长者模式　|　繁體</div></div>
<header class="${c}-header"><div class="${c}-wrap"><div class="${c}-logo">${esc(s.name)}<small>${esc(s.domain)}</small></div></div></header>
<nav class="${c}-nav"><ul class="${c}-wrap">${nav}</ul></nav>
<div class="${c}-wrap">
<div class="${c}-crumb">当前位置：${crumbs}</div>
<div class="${c}-main">
<article class="${c}-article">
${meta}
<h1 class="${c}-title">${esc(f.h1)}</h1>
<div class="${c}-info"><span>${esc(f.dateLine)}</span>${f.info ? `<span>${esc(f.info)}</span>` : ''}<span>【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</span></div>
<div class="${c}-content" id="zoom">
${f.body}
</div>${f.scripts ? `\n<script>${CMS_SCRIPTS.inArticle}\n</script>` : ''}
<div class="${c}-tools">
<div class="${c}-qr"><div class="${c}-qr-box" aria-hidden="true"></div><span>${esc(f.qrText)}</span></div>
<div class="${c}-share">分享到：<a href="#">微信</a><a href="#">微博</a><a href="#">QQ空间</a><a href="#">打印本页</a><a href="#">关闭窗口</a></div>
</div>
</article>
${side}
</div>
</div>
<footer class="${c}-footer"><div class="${c}-wrap"><div>${footerLinks}</div><div>${s.footer.map(esc).join('　')}</div></div></footer>${f.scripts ? `\n<script>${CMS_SCRIPTS.beforeBodyEnd}\n</script>` : ''}
</body>
</html>
`;
}

// ---------------------------------------------------------------- seed pages

interface SeedPage {
  seed: string;
  file: string;
  url: string;
  site: string;
  crumbs: string[];
  /** Article title when the text has no title line. */
  h1?: string;
  titleLine?: number;
  /** Date line when the text has none (invented chrome). */
  date?: string;
  info?: string;
  body: BodyOptions;
  sidebar?: string[];
}

const SEED_PAGES: SeedPage[] = [
  {
    seed: '000', file: '000-huli-2025.html', site: 'huli',
    url: 'http://www.huli.gov.cn/zwgk/ghjh/zfgzbg/202502/t20250214_123456.html',
    crumbs: ['政务公开', '规划计划', '政府工作报告'], titleLine: 3, info: '来源：湖里区人民政府办公室',
    body: { shape: 'indent' },
  },
  {
    seed: '001', file: '001-huli-2026-outlook.html', site: 'huli',
    url: 'http://www.huli.gov.cn/xwzx/hlyw/202601/t20260108_1184032.html',
    crumbs: ['新闻中心', '湖里要闻'], h1: '湖里區政府工作報告·2026展望', date: '發布時間：2026-01-08 09:12',
    info: '來源：廈門日報', body: { shape: 'plain' },
    sidebar: ['湖里區2025年國民經濟和社會發展統計公報', '湖里區“十五五”規劃綱要徵求意見', '區政府常務會議研究部署重點工作', '2026年湖里區為民辦實事項目公布', '湖里區優化營商環境若干措施'],
  },
  {
    seed: '002', file: '002-huli-fgj-2023.html', site: 'huli',
    url: 'http://www.huli.gov.cn/zwgk/ghjh/ndjh/202404/t20240401_1127765.html',
    crumbs: ['政务公开', '规划计划', '年度计划'],
    h1: '厦门市湖里区发展和改革局2023年工作总结和2024年工作计划', date: '发布时间：2024-04-01 16:40',
    info: '来源：区发改局', body: { shape: 'nested' },
  },
  {
    seed: '003', file: '003-licheng-2024.html', site: 'licheng',
    url: 'http://www.qzlc.gov.cn/zwgk/zfxxgkzl/zfgzbg/202401/t20240105_2987713.htm',
    crumbs: ['政务公开', '政府信息公开专栏', '政府工作报告'], h1: '2024年泉州市鲤城区政府工作报告',
    date: '发布时间：2024-01-05 10:30', info: '来源：鲤城区人民政府办公室',
    body: { shape: 'plain', strongHeadings: true },
    sidebar: ['鲤城区2023年国民经济和社会发展统计公报', '鲤城区2024年为民办实事项目', '图解：2024年鲤城区政府工作报告', '鲤城区第十届人民代表大会第三次会议胜利闭幕'],
  },
  {
    seed: '004', file: '004-siming-xmnn.html', site: 'xmnn',
    url: 'http://news.xmnn.cn/xmxw/202412/t20241231_5712389.htm',
    crumbs: ['厦门', '思明'], titleLine: 0, info: '来源：厦门日报',
    body: { shape: 'plain', link: { text: '思明区', href: 'http://www.siming.gov.cn/' } },
  },
];

function seedFile(seed: string): string {
  const f = readdirSync(SEEDS).find((n) => n.startsWith(seed + '_') && n.endsWith('.txt'));
  if (!f) throw new Error(`seed ${seed} not found in ${SEEDS}`);
  return f;
}

function buildSeedPage(p: SeedPage): { html: string; entry: PageEntry } {
  const site = SITES[p.site];
  const src = seedFile(p.seed);
  const text = readFileSync(join(SEEDS, src), 'utf8');
  const blocks = parseSeed(text, { titleLine: p.titleLine });
  const title = blocks.find((b) => b.kind === 'title') as { text: string } | undefined;
  const date = blocks.find((b) => b.kind === 'date') as { text: string } | undefined;
  const qr = blocks.find((b) => b.kind === 'qr') as { text: string } | undefined;
  const h1 = title?.text ?? p.h1;
  if (!h1) throw new Error(`seed ${p.seed}: no title line and no h1 configured`);
  const meta = blocks.filter((b) => b.kind === 'meta') as { label: string; value: string }[];
  const docTitle = `${h1}_${site.short}`;
  const html = frame({
    site, docTitle, crumbs: p.crumbs, h1,
    dateLine: date?.text ?? p.date ?? '',
    info: p.info, meta,
    body: renderBlocks(blocks, p.body, site.cls),
    qrText: qr?.text ?? QR_TEXT,
    sidebar: p.sidebar,
    bodyClass: `${site.cls}-page seed-${p.seed}`,
  });
  const u = new URL(p.url);
  return {
    html,
    entry: {
      id: p.seed, file: p.file, url: p.url, host: u.host, path: u.pathname + u.search,
      seed: p.seed, source: `seeds/${src}`, expect: 'report', title: docTitle,
      bodySelector: `.${site.cls}-content`,
    },
  };
}

// ---------------------------------------------------------------- negatives

/**
 * Negative sources are plain text with a front-matter block:
 *   ---
 *   key: value
 *   ---
 * Body lines: "## x" subheading, "| a | b |" a row of a two-column table,
 * "@ user | time | extra" starts a forum post; anything else is a paragraph.
 */
function parseNegative(text: string): { fm: Record<string, string>; lines: string[] } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) throw new Error('negative without front matter');
  const fm: Record<string, string> = {};
  for (const l of m[1].split('\n')) {
    const i = l.indexOf(':');
    if (i > 0) fm[l.slice(0, i).trim()] = l.slice(i + 1).trim();
  }
  const lines = text.slice(m[0].length).split('\n').map(trimLine).filter(Boolean);
  return { fm, lines };
}

function renderNegativeBody(lines: string[], site: Site): string {
  const c = site.cls;
  const out: string[] = [];
  let table: string[] = [];
  let post: { head: string[]; body: string[] } | null = null;
  let floor = 0;
  const flushTable = () => {
    if (table.length) out.push(`<table class="${c}-guide"><tbody>${table.join('')}</tbody></table>`);
    table = [];
  };
  const flushPost = () => {
    if (!post) return;
    const [user, time, extra] = post.head;
    const floorName = floor === 0 ? '楼主' : floor === 1 ? '沙发' : floor === 2 ? '板凳' : `${floor + 1}#`;
    out.push(
      `<div class="${c}-post"><div class="${c}-user"><div class="${c}-avatar"></div><a href="#">${esc(user)}</a>${extra ? `<div>${esc(extra)}</div>` : ''}</div>` +
        `<div class="${c}-post-body"><div class="${c}-post-head"><span class="${c}-floor">${floorName}</span>发表于 ${esc(time ?? '')}</div>` +
        post.body.map((b) => `<p>${esc(b)}</p>`).join('') + `</div></div>`,
    );
    floor++;
    post = null;
  };
  for (const l of lines) {
    if (l.startsWith('| ')) {
      const cells = l.replace(/^\|\s*|\s*\|$/g, '').split(/\s*\|\s*/);
      table.push(`<tr><th>${esc(cells[0])}</th><td>${esc(cells.slice(1).join(' '))}</td></tr>`);
      continue;
    }
    flushTable();
    if (l.startsWith('@ ')) {
      flushPost();
      post = { head: l.slice(2).split(/\s*\|\s*/), body: [] };
    } else if (post) {
      post.body.push(l);
    } else if (l.startsWith('## ')) {
      out.push(`<h2>${esc(l.slice(3))}</h2>`);
    } else {
      out.push(`<p>${esc(l)}</p>`);
    }
  }
  flushTable();
  flushPost();
  return out.join('\n');
}

function buildNegative(file: string): { html: string; entry: PageEntry } {
  const { fm, lines } = parseNegative(readFileSync(join(NEGATIVES, file), 'utf8'));
  const site = SITES[fm.site];
  if (!site) throw new Error(`${file}: unknown site ${fm.site}`);
  const docTitle = `${fm.title}_${site.short}`;
  const html = frame({
    site, docTitle, crumbs: fm.crumbs.split('/').map((s) => s.trim()), h1: fm.title,
    dateLine: fm.date, info: fm.info, meta: [],
    body: renderNegativeBody(lines, site), qrText: QR_TEXT,
    sidebar: fm.sidebar ? fm.sidebar.split('/').map((s) => s.trim()) : undefined,
    bodyClass: `${site.cls}-page ${fm.id}`,
    scripts: fm.scripts === 'inline',
  });
  const u = new URL(fm.url);
  return {
    html,
    entry: {
      id: fm.id, file: fm.file, url: fm.url, host: u.host, path: u.pathname + u.search,
      seed: null, source: `seeds/negatives/${file}`, expect: 'not-report', title: docTitle,
      bodySelector: `.${site.cls}-content`,
    },
  };
}

// ---------------------------------------------------------------- bench page

/** Body paragraphs (not headings, not chrome) of a seed. */
function seedParagraphs(seed: string): string[] {
  const text = readFileSync(join(SEEDS, seedFile(seed)), 'utf8');
  return parseSeed(text, {})
    .filter((b): b is { kind: 'para'; text: string } => b.kind === 'para' && b.text.length > 40)
    .map((b) => b.text);
}

function buildBench(targetBytes = 1_000_000): { html: string; entry: PageEntry } {
  const rand = mulberry32(20250214);
  const clean = [...seedParagraphs('000'), ...seedParagraphs('003')];
  const damaged = [...seedParagraphs('004'), ...seedParagraphs('001')];
  const headings = ['一、过去一年工作回顾', '二、今年工作总体要求和主要预期目标', '三、重点工作安排', '四、全面加强政府自身建设', '名词解释'];
  const parts: string[] = [];
  let bytes = 0;
  let n = 0;
  while (bytes < targetBytes - 12_000) {
    if (n % 40 === 0) {
      const h = headings[(n / 40) % headings.length];
      parts.push(`<h2>${esc(h)}</h2>`);
    }
    // About one paragraph in eight comes from a damaged (spun / Traditional) copy.
    const pool = rand() < 0.125 ? damaged : clean;
    const t = pool[Math.floor(rand() * pool.length)];
    const p = `<p>${esc(t)}</p>`;
    parts.push(p);
    bytes += Buffer.byteLength(p) + 1;
    n++;
  }
  const site = SITES.xm;
  const h1 = '厦门市政府工作报告汇编（2023—2025年）';
  const url = 'http://www.xm.gov.cn/zwgk/gzbg/202502/t20250220_bench1mb.htm';
  const docTitle = `${h1}_${site.short}`;
  const html = frame({
    site, docTitle, crumbs: ['政务公开', '政府工作报告'], h1, dateLine: '发布时间：2025-02-20 09:00',
    info: '来源：市政府办公厅', meta: [
      { label: '索 引 号', value: 'XM00100-0301-2025-00009' },
      { label: '发布机构', value: '厦门市人民政府办公厅' },
    ],
    body: parts.join('\n'), qrText: QR_TEXT, bodyClass: `${site.cls}-page bench`,
  });
  const u = new URL(url);
  return {
    html,
    entry: {
      id: 'bench-1mb', file: 'bench-1mb.html', url, host: u.host, path: u.pathname,
      seed: null, source: null, expect: 'report', title: docTitle, bodySelector: `.${site.cls}-content`, bench: true,
    },
  };
}

// ---------------------------------------------------------------- main

function main() {
  mkdirSync(OUT, { recursive: true });
  const built = [
    ...SEED_PAGES.map(buildSeedPage),
    ...readdirSync(NEGATIVES).filter((f) => f.endsWith('.txt')).sort().map(buildNegative),
    buildBench(),
  ];
  const seen = new Set<string>();
  for (const { html, entry } of built) {
    if (seen.has(entry.url)) throw new Error(`duplicate url ${entry.url}`);
    seen.add(entry.url);
    writeFileSync(join(OUT, entry.file), html);
  }
  writeFileSync(join(OUT, 'pages.json'), JSON.stringify(built.map((b) => b.entry), null, 2) + '\n');
  for (const { html, entry } of built) {
    console.log(`${entry.file.padEnd(34)} ${String(Buffer.byteLength(html)).padStart(8)} B  ${entry.expect.padEnd(10)} ${entry.url}`);
  }
}

main();
