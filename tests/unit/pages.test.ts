import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { REPORT_HOST_MATCHES } from '../../src/shared/hosts';
import { loadPages, pageById, PAGES_DIR, readPageHtml, readSourceText, REPO_ROOT, type PageEntry } from '../support/pages';

const pages = loadPages();

function parse(html: string): Document {
  const window = new Window();
  window.document.write(html);
  return window.document as unknown as Document;
}

/** A host is covered if some '*://*.domain/*' pattern matches it. */
function matchesContentScript(host: string): boolean {
  return REPORT_HOST_MATCHES.some((p) => {
    const m = /^\*:\/\/\*\.([^/]+)\/\*$/.exec(p);
    return m !== null && (host === m[1] || host.endsWith('.' + m[1]));
  });
}

const META_RE = /^(?:[•\-*·]\s*)?([^:：]{2,12}?)\s*[:：](.*)$/;
const QR_TEXT = '扫一扫在手机上查看当前页面';
const DATE_RE = /^(?:时间|发布时间|发布日期)\s*[:：]/;

describe('pages.json', () => {
  it('lists the five seeds, at least three negatives and one bench page', () => {
    expect(pages.filter((p) => p.seed !== null).map((p) => p.seed)).toEqual(['000', '001', '002', '003', '004']);
    expect(pages.filter((p) => p.expect === 'not-report').length).toBeGreaterThanOrEqual(3);
    expect(pages.filter((p) => p.bench)).toHaveLength(1);
    expect(new Set(pages.map((p) => p.id)).size).toBe(pages.length);
    expect(new Set(pages.map((p) => p.url)).size).toBe(pages.length);
  });

  it('places every page on a host where the content script runs, with host and path matching the URL', () => {
    for (const p of pages) {
      const u = new URL(p.url);
      expect(u.host, p.id).toBe(p.host);
      expect(u.pathname + u.search, p.id).toBe(p.path);
      expect(matchesContentScript(p.host), p.host).toBe(true);
    }
  });

  it('puts one negative on gov.cn, so that host alone never decides', () => {
    expect(pages.some((p) => p.expect === 'not-report' && p.host.endsWith('.gov.cn'))).toBe(true);
  });

  it('points at files that exist', () => {
    for (const p of pages) {
      expect(existsSync(join(PAGES_DIR, p.file)), p.file).toBe(true);
      if (p.source) expect(existsSync(join(REPO_ROOT, p.source)), p.source).toBe(true);
    }
  });
});

describe('every page', () => {
  for (const p of pages) {
    it(`${p.file} is a self-contained UTF-8 document`, () => {
      const html = readPageHtml(p);
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).toContain('<meta charset="utf-8">');
      expect(html.match(/<style[\s>]/g)).toHaveLength(1);
      // No external resources of any kind: nothing the browser would fetch.
      expect(html).not.toMatch(/<script\s|<img|<link|<iframe|<video|<audio|<source|\ssrc=|@import|@font-face|url\(/i);
      // Inline scripts (a CMS page's, on some negatives) fetch nothing either.
      for (const [, code] of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
        expect(code).not.toMatch(/fetch\(|XMLHttpRequest|sendBeacon|new Image|import\(|WebSocket|EventSource|\.src\s*=/);
      }
      const doc = parse(html);
      expect(doc.title).toBe(p.title);
      expect(doc.querySelector(p.bodySelector)?.textContent?.trim().length ?? 0).toBeGreaterThan(300);
      expect(doc.querySelector('h1')).not.toBeNull();
    });
  }

  it('differ in look: each site has its own class prefix and colours', () => {
    const styles = new Set(pages.map((p) => /<style>([\s\S]*?)<\/style>/.exec(readPageHtml(p))![1]));
    expect(styles.size).toBeGreaterThanOrEqual(6);
  });
});

/**
 * Each non-empty seed line must be in the page's text byte-for-byte (after the
 * line's own indentation and list bullet), and content lines in seed order.
 */
describe('seed text is kept verbatim', () => {
  for (const p of pages.filter((e) => e.seed !== null)) {
    it(`page ${p.file} carries seed ${p.seed} unchanged`, () => {
      const doc = parse(readPageHtml(p));
      const text = doc.body.textContent ?? '';
      const lines = readSourceText(p)
        .split('\n')
        .map((l) => l.replace(/^[ \t\u3000]+|[ \t\u3000\r]+$/g, ''))
        .filter(Boolean);
      let cursor = 0;
      for (const raw of lines) {
        const line = raw.replace(/^[•-]\s+/, '');
        if (line === QR_TEXT || DATE_RE.test(line)) {
          expect(text, line).toContain(line); // page chrome: present, placed by the template
          continue;
        }
        const meta = /^[•-]\s+/.test(raw) ? META_RE.exec(line) : null;
        const pieces = meta && cursor < text.indexOf(doc.querySelector('h1')!.textContent!) ? [meta[1], meta[2]] : [line];
        for (const piece of pieces) {
          const at = text.indexOf(piece, cursor);
          expect(at, `missing or out of order: ${piece.slice(0, 40)}`).toBeGreaterThanOrEqual(0);
          cursor = at + piece.length;
        }
      }
    });
  }

  it('renders the metadata lines of seed 000 as a table', () => {
    const doc = parse(readPageHtml(pageById('000')));
    const cells = [...doc.querySelectorAll('table th, table td')].map((c) => c.textContent);
    expect(cells).toEqual(['索 引 号', 'XM02100-0301-2025-00001', '发布机构', '湖里区人民政府办公室', '公文生成日期', '2025-02-14']);
  });

  it('links 思明区 inside the first paragraph of seed 004, text unchanged', () => {
    const p = pageById('004');
    const doc = parse(readPageHtml(p));
    const para = [...doc.querySelectorAll(`${p.bodySelector} p`)].find((e) => e.querySelector('a'))!;
    const firstPara = readSourceText(p)
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.startsWith('12月25日'))!;
    expect(para.textContent).toBe(firstPara);
    expect(para.querySelector('a')!.textContent).toBe('思明区');
    expect(para.querySelector('a')!.getAttribute('href')).toMatch(/^http:\/\/www\.siming\.gov\.cn\//);
    expect(para.textContent).toContain('政府工做报告'); // a spun word the extension must repair next to the link
  });

  it('splits the body of seed 002 into nested divs and spans', () => {
    const p = pageById('002');
    const doc = parse(readPageHtml(p));
    expect(doc.querySelectorAll(`${p.bodySelector} div > div > span > span`).length).toBeGreaterThan(10);
    expect(doc.querySelectorAll(`${p.bodySelector} p`).length).toBeLessThan(15);
  });

  it('keeps Traditional characters and pinyin glosses of seed 001', () => {
    const p = pageById('001');
    const text = parse(readPageHtml(p)).querySelector(p.bodySelector)!.textContent!;
    expect(text).toContain('擴(kuò)內(nèi)需穩(wěn)增長');
  });
});

describe('negatives', () => {
  for (const p of pages.filter((e) => e.expect === 'not-report')) {
    it(`${p.file} renders its hand-written source, escaped`, () => {
      const src = readSourceText(p).split(/\n---\n/)[1];
      const text = parse(readPageHtml(p)).body.textContent ?? '';
      for (const raw of src.split('\n').map((l) => l.trim()).filter(Boolean)) {
        const pieces = raw.startsWith('| ')
          ? raw.replace(/^\|\s*|\s*\|$/g, '').split(/\s*\|\s*/)
          : raw.startsWith('@ ')
            ? [raw.slice(2).split(/\s*\|\s*/)[0]]
            : [raw.replace(/^## /, '')];
        for (const piece of pieces) expect(text, piece).toContain(piece);
      }
    });
  }

  it('includes a forum thread with several posts', () => {
    const p = pages.find((e) => e.host.startsWith('bbs.'))!;
    const doc = parse(readPageHtml(p));
    expect(doc.querySelectorAll('[class$="-post"]').length).toBeGreaterThanOrEqual(4);
    expect(doc.body.textContent).toContain('地铁 > 大巴 > 打车');
  });
});

describe('bench page', () => {
  const p = pages.find((e) => e.bench) as PageEntry;
  const html = readPageHtml(p);
  const paras = [...html.matchAll(/<p>([^<]*)<\/p>/g)].map((m) =>
    m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
  );
  const seedLines = (id: string) => new Set(readSourceText(pageById(id)).split('\n').map((l) => l.trim()));

  it('is about 1 MB and a report on gov.cn', () => {
    const size = statSync(join(PAGES_DIR, p.file)).size;
    expect(size).toBeGreaterThan(900_000);
    expect(size).toBeLessThan(1_100_000);
    expect(p.host.endsWith('.gov.cn')).toBe(true);
    expect(p.expect).toBe('report');
  });

  it('mixes clean paragraphs of 000/003 with spun (004) and Traditional (001) ones', () => {
    const from = (id: string) => {
      const s = seedLines(id);
      return paras.filter((t) => s.has(t)).length;
    };
    const clean = from('000') + from('003');
    const spun = from('004');
    const trad = from('001');
    expect(clean + spun + trad).toBe(paras.length);
    expect(spun).toBeGreaterThan(10);
    expect(trad).toBeGreaterThan(10);
    expect(clean).toBeGreaterThan(5 * (spun + trad));
  });
});
