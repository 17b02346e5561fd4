import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, type Harness } from './harness';
import { attrs, highlightTexts, overlayText, pristineInnerText, selectText, sidePanelFor, uiClick, uiFill } from './page-tools';

const SENTENCE = '现在,我代表区人民政府向大会报告工作,请予审议';
const NOTE = '开场白 <img src=x onerror="window.pwned=1">';

/** Every record of the extension's own database, read from an extension page. */
async function dump(h: Harness): Promise<Record<string, unknown[]>> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/sidepanel.html`);
  const out = await page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const req = indexedDB.open('govlens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const result: Record<string, unknown[]> = {};
          for (const n of names) {
            const r = tx.objectStore(n).getAll();
            r.onsuccess = () => (result[n] = r.result);
          }
          tx.oncomplete = () => resolve(result);
        };
      }),
  );
  await page.close();
  return out;
}

const essence = (rows: unknown[]) =>
  (rows as Array<{ url: string; exact: string; note: string; tags: string[] }>)
    .map((a) => ({ url: a.url, exact: a.exact, note: a.note, tags: [...a.tags].sort() }))
    .sort((a, b) => a.exact.localeCompare(b.exact));

describe('highlights, notes, pledges, export and import (built extension, real Chromium)', () => {
  let h: Harness;
  const files: Record<string, string> = {};
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('highlights a sentence with a note and tags, and finds it again after reload', async () => {
    const page = await h.open('000');
    expect(await selectText(page, SENTENCE)).toBe(true);
    await uiClick(page, '.gl-toolbar button.gl-btn--small');
    await uiFill(page, 'textarea.gl-input', NOTE);
    await uiFill(page, 'input.gl-input', '开篇, 测试');
    await uiClick(page, 'button[type=submit]');
    await expect.poll(async () => (await attrs(page))['data-govlens-annotations']).toBe('1');
    expect(await highlightTexts(page, 'user')).toEqual([SENTENCE]);

    await page.reload();
    await page.waitForSelector('html[data-govlens-annotations]');
    expect((await attrs(page))['data-govlens-annotations']).toBe('1');
    expect(await highlightTexts(page, 'user')).toEqual([SENTENCE]);
    // The note is shown as text, never run as HTML.
    await page.mouse.move(1, 1);
    const box = await page.evaluate((s) => {
      const h = CSS.highlights.get('govlens-user-yellow');
      const r = h && ([...h][0] as Range).getClientRects()[0];
      return r ? { x: r.left + 10, y: r.top + r.height / 2, s } : null;
    }, SENTENCE);
    await page.mouse.move(box!.x, box!.y);
    await expect.poll(() => overlayText(page)).toContain('onerror');
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.close();
  });

  it('still anchors after text is inserted before it, and orphans (never misplaces) when its text is gone', async () => {
    const entry = h.server.pages.find((p) => p.id === '000')!;
    const { html } = await pristineInnerText(h, entry.url);
    expect(html).toContain(SENTENCE);
    const page = await h.context.newPage();
    const serve = async (body: string) => {
      await page.unroute('**/*');
      await page.route(entry.url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: `<!doctype html><html><head><meta charset="utf-8"><title>${entry.title}</title></head><body>${body}</body></html>` }));
    };
    await serve(html.replace(SENTENCE, '（本段为新增的说明文字。）' + SENTENCE));
    await page.goto(entry.url);
    await page.waitForSelector('html[data-govlens-annotations]');
    expect(await highlightTexts(page, 'user')).toEqual([SENTENCE]);

    await serve(html.replace(SENTENCE, '今天的天气很好,大家出去走走吧,不要总待在家里'));
    await page.reload();
    await page.waitForSelector('html[data-govlens-orphans]');
    expect(await attrs(page)).toMatchObject({ 'data-govlens-annotations': '0', 'data-govlens-orphans': '1' });
    expect(await highlightTexts(page, 'user')).toEqual([]);
    // Content the page adds later brings the quote back: the orphan anchors again.
    await page.evaluate((text) => {
      const p = document.createElement('p');
      p.textContent = text;
      [...document.querySelectorAll('p')].filter((x) => (x.textContent ?? '').length > 40).pop()!.after(p);
    }, SENTENCE + ',并请各位政协委员和列席人员提出意见。');
    await expect.poll(async () => (await attrs(page))['data-govlens-annotations'], { timeout: 10_000 }).toBe('1');
    expect(await highlightTexts(page, 'user')).toEqual([SENTENCE]);
    await page.close();
  });

  it('saves a pledge from the 2025 plan\'s outline and lists it among the saved pledges', async () => {
    const page = await h.open('000');
    const panel = await sidePanelFor(h, page);
    await panel.getByRole('tab', { name: /承诺|Pledges/ }).click();
    const first = panel.locator('li.outline-pledge', { hasText: '地区生产总值增长5.5%' }).first();
    await first.getByRole('button', { name: /保存承诺|Save pledge/ }).click();
    await panel.locator('.seg button').nth(1).click(); // the saved pledges
    await expect.poll(() => panel.locator('main, body').first().innerText()).toContain('地区生产总值增长5.5%');
    const db = await dump(h);
    expect((db.pledges as Array<{ text: string; dueYear: number; status: string; kind: string }>).map((p) => [p.text, p.dueYear, p.status, p.kind])).toEqual([['地区生产总值增长5.5%', 2025, 'pending', 'target']]);
    await panel.close();
    await page.close();
  });

  it('exports Markdown, JSON-LD and a backup', async () => {
    const panel = await h.context.newPage();
    await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html`);
    await panel.getByRole('tab', { name: /导出|Export/ }).click();
    const dir = await mkdtemp(join(tmpdir(), 'govlens-export-'));
    const buttons = panel.locator('ul.formats li button');
    for (const [i, name] of [[0, 'markdown'], [2, 'jsonld'], [3, 'backup']] as const) {
      const [download] = await Promise.all([panel.waitForEvent('download'), buttons.nth(i).click()]);
      files[name] = join(dir, download.suggestedFilename());
      await download.saveAs(files[name]);
    }
    const md = await readFile(files.markdown, 'utf8');
    expect(md).toContain(SENTENCE);
    expect(md).toContain('开场白');
    const jsonld = JSON.parse(await readFile(files.jsonld, 'utf8'));
    const item = jsonld.items?.[0] ?? jsonld.first?.items?.[0];
    expect(JSON.stringify(item)).toContain(SENTENCE);
    await panel.close();
  });

  it('imports the JSON-LD and the backup into fresh profiles with identical data', async () => {
    const before = await dump(h);
    for (const kind of ['jsonld', 'backup'] as const) {
      const fresh = await launch();
      try {
        const panel = await fresh.context.newPage();
        await panel.goto(`chrome-extension://${fresh.extensionId}/sidepanel.html`);
        await panel.getByRole('tab', { name: /导出|Export/ }).click();
        await panel.locator('input[type=file]').setInputFiles(files[kind]);
        await expect.poll(() => panel.locator('body').innerText(), { timeout: 20_000 }).toMatch(/已导入|Imported/);
        const after = await dump(fresh);
        expect(essence(after.annotations)).toEqual(essence(before.annotations));
        if (kind === 'backup') {
          expect(after.annotations).toEqual(before.annotations);
          expect(after.pledges).toEqual(before.pledges);
          expect(after.reports).toEqual(before.reports);
        }
        // Imported annotations anchor on the page like the reader's own.
        const page = await fresh.open('000');
        await expect.poll(async () => (await attrs(page))['data-govlens-annotations']).toBe('1');
        expect(await highlightTexts(page, 'user')).toEqual([SENTENCE]);
      } finally {
        await fresh.close();
      }
    }
  });
});

describe('search and single-page navigation (built extension, real Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a search hit in the side panel opens its report in a new tab, scrolled to the highlight', async () => {
    const FAR = '全国义务教育教学改革实验区'; // in the 名词解释 at the end of seed 000
    const report = await h.open('000');
    const before = Number((await attrs(report))['data-govlens-annotations'] ?? 0);
    expect(await selectText(report, FAR)).toBe(true);
    await uiClick(report, '.gl-toolbar button.gl-btn--small');
    await uiFill(report, 'textarea.gl-input', '远处的一句');
    await uiClick(report, 'button[type=submit]');
    await expect.poll(async () => Number((await attrs(report))['data-govlens-annotations'])).toBe(before + 1);
    await report.close();

    // From the side panel of another report, search and open the hit.
    const other = await h.open('001');
    const panel = await sidePanelFor(h, other);
    await panel.getByRole('tab', { name: /全部|Notes/ }).click();
    await panel.locator('input[type=search]').fill('义务教育教学改革');
    const hit = panel.locator('li.hit-annotation button', { hasText: FAR });
    await hit.waitFor();
    const [opened] = await Promise.all([h.context.waitForEvent('page'), hit.click()]);
    await opened.waitForSelector('html[data-govlens-annotations]', { timeout: 30_000 });
    // The highlight is on screen: the page scrolled down to it.
    await expect
      .poll(
        () =>
          opened.evaluate((far) => {
            const ranges = [...(CSS.highlights.get('govlens-user-yellow') ?? [])] as Range[];
            const r = ranges.find((x) => x.toString().includes(far))?.getBoundingClientRect();
            return r ? { scrolled: window.scrollY > 0, inView: r.top >= 0 && r.bottom <= window.innerHeight } : null;
          }, FAR),
        { timeout: 10_000 },
      )
      .toEqual({ scrolled: true, inView: true });
    await opened.close();
    await panel.close();
    await other.close();
  });
  it('follows a single-page navigation: the new article replaces the old one\'s marks, and highlights are kept per address', async () => {
    const page = await h.open('000');
    const oldUrl = page.url();
    expect(await highlightTexts(page, 'figure-achieved')).toContain('74383元');
    const before = Number((await attrs(page))['data-govlens-annotations']);
    expect(await selectText(page, '全国人民代表大会成立70周年')).toBe(true);
    await uiClick(page, '.gl-toolbar .gl-swatch');
    await expect.poll(async () => Number((await attrs(page))['data-govlens-annotations'])).toBe(before + 1);
    // The app swaps its article for another (the spun seed 004) and changes the address, as SPAs do.
    const lines = (await readFile(new URL('../../seeds/004_89c8bcedadaad6b3.txt', import.meta.url), 'utf8')).split('\n').filter((l) => l.trim());
    await page.evaluate((lines) => {
      history.pushState({}, '', '/xwzx/spa-next.html');
      for (const el of [...document.body.children]) if (el.tagName !== 'GOVLENS-UI') el.remove();
      const article = document.createElement('article');
      for (const line of lines) article.appendChild(document.createElement('p')).textContent = line;
      document.body.prepend(article);
    }, lines);
    await expect.poll(() => page.evaluate(() => document.body.innerText), { timeout: 10_000 }).toContain('连续四年蝉联全省城市发展“十优”区首位');
    await expect.poll(async () => (await attrs(page))['data-govlens-annotations']).toBe('0');
    expect(await highlightTexts(page, 'figure-achieved')).not.toContain('74383元');

    expect(await selectText(page, '连续四年蝉联全省城市发展')).toBe(true);
    await uiClick(page, '.gl-toolbar .gl-swatch');
    await expect.poll(async () => (await attrs(page))['data-govlens-annotations']).toBe('1');
    const saved = (await dump(h)).annotations as Array<{ url: string; exact: string }>;
    expect(saved.find((a) => a.exact === '连续四年蝉联全省城市发展')?.url).toBe(new URL('/xwzx/spa-next.html', oldUrl).href);
    expect(saved.find((a) => a.exact === '全国人民代表大会成立70周年')?.url).toBe(oldUrl);
    await page.close();
  });
});
