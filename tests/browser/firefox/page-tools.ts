/**
 * Page helpers for Firefox tests (puppeteer-core pages). Evaluated functions are the same as
 * ../page-tools.ts's: they only use the page's DOM, so both browsers read pages alike.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FirefoxHarness } from './harness';
import { highlightBackgroundInPage, highlightLineInPage } from '../look-tools';

export async function attrs(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries([...document.documentElement.attributes].filter((a) => a.name.startsWith('data-govlens')).map((a) => [a.name, a.value])),
  );
}

/** Texts of the ranges in one of GovLens's CSS highlights (the reader's layer: every colour's highlight together). */
export async function highlightTexts(page: Page, layer: string): Promise<string[]> {
  return page.evaluate((name) => {
    const out: string[] = [];
    CSS.highlights.forEach((h, key) => {
      if (key === name || (name === 'govlens-user' && key.startsWith('govlens-user-'))) h.forEach((r) => void out.push((r as Range).toString()));
    });
    return out;
  }, `govlens-${layer}`);
}

/** Selects the first occurrence of `needle` in the page and releases the mouse, as a reader would. */
export async function selectText(page: Page, needle: string): Promise<boolean> {
  return page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n.nodeValue ?? '').indexOf(needle);
      if (i < 0) continue;
      (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + needle.length);
      const sel = getSelection()!;
      sel.removeAllRanges();
      sel.addRange(r);
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, composed: true }));
      return true;
    }
    return false;
  }, needle);
}

/** Viewport point in the middle of the `nth` occurrence of `needle` (scrolled into view). */
export async function pointOf(page: Page, needle: string, nth = 0): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    (needle, nth) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const v = n.nodeValue ?? '';
        for (let i = v.indexOf(needle); i >= 0; i = v.indexOf(needle, i + 1)) {
          if (seen++ !== nth) continue;
          (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + needle.length);
          const box = r.getClientRects()[0];
          return { x: box.left + Math.min(box.width / 2, 8), y: box.top + box.height / 2 };
        }
      }
      return null;
    },
    needle,
    nth,
  );
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `fn` until it returns something truthy (or `timeout` ms pass), and returns that. */
export async function until<T>(fn: () => Promise<T>, timeout = 10_000, step = 200): Promise<T> {
  const end = Date.now() + timeout;
  let last = await fn();
  while (!last && Date.now() < end) {
    await sleep(step);
    last = await fn();
  }
  return last;
}

/** Clicks the side panel tab whose label matches `name` (throws if there is none). */
export async function clickTab(panel: Page, name: RegExp): Promise<void> {
  await panel.waitForSelector('[role=tab]');
  const ok = await panel.evaluate((src) => {
    const re = new RegExp(src);
    const tab = [...document.querySelectorAll<HTMLElement>('[role=tab]')].find((t) => re.test(t.textContent ?? ''));
    tab?.click();
    return Boolean(tab);
  }, name.source);
  if (!ok) throw new Error(`no side panel tab ${name}`);
}

/** Hovers the `nth` occurrence of `needle` with the real mouse and returns GovLens's on-page UI text once it shows `needle`. */
export async function hover(h: FirefoxHarness, page: Page, needle: string, nth = 0): Promise<string> {
  // Park the pointer off the text and wait until the earlier card has closed: a card still open where the
  // pointer lands keeps itself open (the reader may be moving onto it), so a fixed pause raced a busy page.
  // The page must be the active tab: Firefox runs no animation frames in a background tab, and the hover
  // is handled in one (the welcome tab GovLens opens on install can come up after the page did).
  await page.bringToFront();
  const open = await h.uiText(page);
  await page.mouse.move(1, 1);
  await sleep(450);
  if (open && !(await until(async () => (await h.uiText(page)) !== open, 5_000))) {
    // The card did not close (a card under the pointer keeps itself open): Escape closes it, as for a reader.
    await page.keyboard.press('Escape');
    await until(async () => (await h.uiText(page)) !== open, 5_000);
  }
  // Where the text is now, once the old card is gone (finding it scrolls it into view; the page may have moved).
  const p = await pointOf(page, needle, nth);
  if (!p) throw new Error(`text not on page: ${needle}`);
  await page.mouse.move(p.x, p.y);
  await until(async () => (await h.uiText(page)).includes(needle));
  return h.uiText(page);
}

/** The painted background colour of a CSS highlight over the element holding its first range (../look-tools.ts). */
export const paintedBackground = (page: Page, name: string) => page.evaluate(highlightBackgroundInPage, name);

/** The painted underline of a CSS highlight: colour, style and thickness as Firefox computed them. */
export const paintedLine = (page: Page, name: string) => page.evaluate(highlightLineInPage, name);

/** Test-profile preferences that save every download into `dir` without asking. */
export function downloadPrefs(dir: string): Record<string, unknown> {
  return {
    'browser.download.dir': dir,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
  };
}

/**
 * Clicks with the real mouse the first `target` inside the first `container` whose text includes `hasText`
 * (the container itself without `target`), as Playwright's locator(container, { hasText }).locator(target).
 */
export async function clickIn(page: Page, container: string, hasText: string, target = ''): Promise<void> {
  const handle = await page.evaluateHandle(
    (container, hasText, target) => {
      const box = [...document.querySelectorAll(container)].find((e) => (e.textContent ?? '').includes(hasText));
      return (target ? box?.querySelector(target) : box) ?? null;
    },
    container,
    hasText,
    target,
  );
  const el = handle.asElement() as ElementHandle<Element> | null;
  if (!el) throw new Error(`nothing to click: ${container} with "${hasText}" ${target}`);
  await el.click();
}

/**
 * The bytes of the first finished download in `dir` whose name ends with `ending`. Firefox creates the file
 * empty and writes into `<name>.part` until the download completes; it may also write a blob under a
 * random temporary name and rename it, so a file can vanish between listing and reading. A file counts
 * once no .part is left and two reads a poll apart give the same bytes.
 */
export async function downloaded(dir: string, ending: string, timeout = 20_000): Promise<Uint8Array> {
  let seen: { name: string; bytes: Buffer } | undefined;
  const bytes = await until(async () => {
    const names = await readdir(dir);
    const name = names.find((f) => f.endsWith(ending));
    if (!name || names.some((f) => f.endsWith('.part'))) return undefined;
    const now = await readFile(join(dir, name)).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw e;
    });
    const stable = now && now.length > 0 && seen?.name === name && seen.bytes.equals(now);
    seen = now ? { name, bytes: now } : undefined;
    return stable ? new Uint8Array(now) : undefined;
  }, timeout);
  if (!bytes) throw new Error(`no finished ${ending} download in ${dir}`);
  return bytes;
}
