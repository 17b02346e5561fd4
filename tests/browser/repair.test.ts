import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { GENERAL_WORD_COUNTS } from '../../src/core/data/spun-general';
import { SPUN_CHARS, SPUN_WORDS } from '../../src/core/data/spun-dict';
import { SPUN_SIGNATURES, SPUN_WEAK_SIGNATURES, SPUN_WORD_COUNTS } from '../../src/core/data/spun-signatures';
import { EXTENSION_DIR, launch, type Harness } from './harness';
import { attrs, pristineInnerText, sendToPage } from './page-tools';
import { addSpunParagraph, CLOCK_DATE, SPUN_REPAIRED, startClock } from './live-page';

const WIN1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const PINYIN_GROUP = /[\u4e00-\u9fff]\((?:[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[1-5]?)\)/;

/** Adds a spun sentence of seed 004 after the page's last long paragraph, and waits until GovLens has repaired it. */
async function addSpunParagraphLate(page: Page): Promise<void> {
  await page.evaluate(addSpunParagraph);
  await expect.poll(() => page.locator('#late').innerText(), { timeout: 10_000 }).toContain(SPUN_REPAIRED);
}

describe('repair in place (built extension, real Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('restores the spun seed 004 sentence on the page', async () => {
    const page = await h.open('004');
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('连续四年蝉联全省城市发展“十优”区首位');
    expect(text).not.toContain('间断四年留任');
    expect(Number((await attrs(page))['data-govlens-fixes'])).toBeGreaterThan(50);
    await page.close();
  });

  it('injects the 1 MB language model only into the spun page', async () => {
    const scriptsOn = async (id: string) => {
      const entry = h.server.pages.find((p) => p.id === id)!;
      const page = await h.context.newPage();
      const cdp = await h.context.newCDPSession(page);
      const urls: string[] = [];
      cdp.on('Debugger.scriptParsed', (e) => void urls.push(e.url));
      await cdp.send('Debugger.enable');
      await page.goto(entry.url);
      await page.waitForSelector('html[data-govlens-ms]');
      await page.close();
      return urls.filter((u) => u.startsWith('chrome-extension://')).map((u) => new URL(u).pathname);
    };
    const spun = await scriptsOn('004');
    expect(spun).toContain('/engine.js');
    expect(spun).toContain('/lm.js');
    for (const id of ['000', '001']) {
      const scripts = await scriptsOn(id);
      expect(scripts).toContain('/engine.js');
      expect(scripts).not.toContain('/lm.js');
    }
  });

  it('ships the data of the spun decision (dictionary, weak signatures, word counts) in lm.js, not in engine.js, which every report page parses', async () => {
    const read = (f: string) => readFile(join(EXTENSION_DIR, f), 'utf8');
    // The opening entries of each table; the gate's strong signatures stay in engine.js.
    const tables = [SPUN_WORDS, SPUN_CHARS, SPUN_WEAK_SIGNATURES, SPUN_WORD_COUNTS, GENERAL_WORD_COUNTS];
    const has = (code: string) => tables.map((t) => code.includes(t.slice(0, 60)));
    expect(has(await read('lm.js'))).toEqual(tables.map(() => true));
    expect(has(await read('engine.js'))).toEqual(tables.map(() => false));
    expect((await read('engine.js')).includes(SPUN_SIGNATURES.slice(0, 60))).toBe(true);
  });

  it('detects and repairs a report shown as Windows-1252 mojibake, once or twice over, on a news site', async () => {
    const readAs1252 = (s: string) => new TextDecoder('latin1').decode(new TextEncoder().encode(s)).replace(/[\u0080-\u009f]/g, (c) => WIN1252_HIGH[c.charCodeAt(0) - 0x80]);
    const lines = readFileSync(new URL('../../seeds/003_79a18ab8566106eb.txt', import.meta.url), 'utf8').split('\n').filter((l) => l.trim()).slice(0, 40);
    for (const layers of [1, 2]) {
      const url = `http://news.xmnn.cn/xmxw/202401/moji${layers}.htm`;
      let title = '鲤城区政府工作报告';
      let body = lines;
      for (let i = 0; i < layers; i++) {
        title = readAs1252(title);
        body = body.map(readAs1252);
      }
      // Served by the test itself: a page whose bytes were mis-declared, as the browser shows it.
      await h.context.route(url, (route) => {
        const doc = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><article>${body.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</article></body></html>`;
        return route.fulfill({ contentType: 'text/html; charset=utf-8', body: doc });
      });
      const page = await h.context.newPage();
      await page.goto(url);
      await page.waitForSelector('html[data-govlens-ms]', { timeout: 30_000 });
      const text = await page.evaluate(() => document.body.innerText);
      expect(text).toContain('政府工作报告');
      expect(text).toContain(lines[10].trim().slice(0, 20));
      expect(text).not.toMatch(/[æåä][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹Œ‘’“”•–—˜™š›œ]/);
      await page.close();
    }
  });

  it('repairs a spun report shown as mojibake: once decoded, the spinner is seen and undone', async () => {
    const readAs1252 = (s: string) => new TextDecoder('latin1').decode(new TextEncoder().encode(s)).replace(/[\u0080-\u009f]/g, (c) => WIN1252_HIGH[c.charCodeAt(0) - 0x80]);
    const lines = readFileSync(new URL('../../seeds/004_89c8bcedadaad6b3.txt', import.meta.url), 'utf8').split('\n').filter((l) => l.trim());
    const url = 'http://news.xmnn.cn/xmxw/202412/moji-spun.htm';
    await h.context.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(readAs1252('思明区政府工作报告'))}</title></head><body><article>${lines.map((l) => `<p>${escapeHtml(readAs1252(l))}</p>`).join('')}</article></body></html>`,
      }),
    );
    const page = await h.context.newPage();
    await page.goto(url);
    await page.waitForSelector('html[data-govlens-ms]', { timeout: 30_000 });
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('连续四年蝉联全省城市发展“十优”区首位');
    expect(text).not.toContain('间断四年留任');
    await page.close();
  });

  it('simplifies seed 001 and removes every inline pinyin group', async () => {
    const page = await h.open('001');
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('扩内需稳增长');
    expect(text).not.toMatch(PINYIN_GROUP);
    // The title and the date and source line under it, outside the body container, are repaired too.
    expect(await page.locator('h1').innerText()).toBe('湖里区政府工作报告·2026展望');
    expect(text).toContain('发布时间：2026-01-08 09:12');
    expect(text).toContain('来源：厦门日报');
    // The site's own "繁體" switch in its top bar is page chrome, left alone.
    expect(text).toContain('繁體');
    await page.close();
  });

  it('toggles to the exact original innerText and back again', async () => {
    for (const id of ['004', '001', '000']) {
      const page = await h.open(id);
      const url = page.url();
      const pristine = await pristineInnerText(h, url);
      const repaired = await page.evaluate(() => document.body.innerText);
      expect(repaired).not.toBe(pristine.text);
      expect(await sendToPage(h, page, 'page:toggle', { repaired: false })).toEqual({ showingRepaired: false });
      expect(await page.evaluate(() => document.body.innerText)).toBe(pristine.text);
      await sendToPage(h, page, 'page:toggle', { repaired: true });
      expect(await page.evaluate(() => document.body.innerText)).toBe(repaired);
      await page.close();
    }
  });

  it('keeps a link inside a repaired paragraph working (same element, same listener)', async () => {
    const page = await h.context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const link = document.querySelector('a[href="http://www.siming.gov.cn/"]') as HTMLAnchorElement & { __mark?: number };
        link.__mark = 42;
        (window as unknown as { clicks: number }).clicks = 0;
        link.addEventListener('click', (e) => {
          e.preventDefault();
          (window as unknown as { clicks: number }).clicks++;
        });
      });
    });
    const entry = h.server.pages.find((p) => p.id === '004')!;
    await page.goto(entry.url);
    await page.waitForSelector('html[data-govlens-ms]');
    const paragraph = page.locator('p', { has: page.locator('a[href="http://www.siming.gov.cn/"]') });
    // The paragraph around the link was repaired (工做报告 → 工作报告)…
    await expect.poll(() => paragraph.innerText()).toContain('政府工作报告');
    // …and the link is the same element with its listener.
    await page.click('a[href="http://www.siming.gov.cn/"]');
    expect(await page.evaluate(() => (window as unknown as { clicks: number }).clicks)).toBe(1);
    expect(await page.evaluate(() => (document.querySelector('a[href="http://www.siming.gov.cn/"]') as unknown as { __mark?: number }).__mark)).toBe(42);
    await page.close();
  });

  it('repairs a report paragraph inserted by script after load', async () => {
    const page = await h.open('004');
    await addSpunParagraphLate(page);
    await page.close();
  });

  it('repairs a late paragraph while the page rewrites a clock every 50 ms, and the clock adds nothing up', async () => {
    const page = await h.open('004');
    const figures = async () => Number((await attrs(page))['data-govlens-figures']);
    await page.waitForTimeout(1_000);
    const figuresBefore = await figures();
    await page.evaluate(startClock);
    await page.waitForTimeout(400);
    await addSpunParagraphLate(page);
    // The clock is read as one piece of text however often it changes: its one date, not one per tick.
    await page.waitForTimeout(1_500); // the pass that repaired #late sets the counts when it ends
    const first = await figures();
    await page.waitForTimeout(2_500);
    expect(await figures()).toBe(first);
    // One date for the clock (not one per tick it was seen at), and the late paragraph's 四年.
    const items = await sendToPage(h, page, 'page:items', {});
    expect(items.figures.filter((f) => f.text === CLOCK_DATE)).toHaveLength(1);
    expect(first - figuresBefore).toBe(2);
    await page.close();
  });

  it('when the page rewrites a repaired text node, its new text becomes the original and is repaired', async () => {
    const page = await h.open('004');
    const newText = '思明区间断四年留任全省都市展开“十劣”区首位。（页面后来改写的文字）';
    const ok = await page.evaluate((newText) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if ((n.nodeValue ?? '').includes('书写高质量发展答卷')) {
          (n as Text).data = newText;
          (n.parentElement as HTMLElement).id = 'rewritten';
          return true;
        }
      }
      return false;
    }, newText);
    expect(ok).toBe(true);
    await expect.poll(() => page.locator('#rewritten').innerText(), { timeout: 10_000 }).toContain('连续四年蝉联全省城市发展“十优”区首位。（页面后来改写的文字）');
    await sendToPage(h, page, 'page:toggle', { repaired: false });
    expect(await page.locator('#rewritten').innerText()).toContain(newText);
    await page.close();
  });

  it('changes nothing at all on the negative pages', async () => {
    for (const entry of h.server.pages.filter((p) => p.expect === 'not-report')) {
      const page = await h.open(entry.id);
      const pristine = await pristineInnerText(h, page.url());
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => document.body.innerHTML)).toBe(pristine.html);
      const a = await attrs(page);
      expect(a['data-govlens']).toBe('not-report');
      // Only detection ran: no engine, no counts.
      expect(Object.keys(a).sort()).toEqual(['data-govlens', 'data-govlens-t0']);
      await page.close();
    }
  });
});
