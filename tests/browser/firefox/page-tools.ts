/**
 * Page helpers for Firefox tests (puppeteer-core pages). Evaluated functions are the same as
 * ../page-tools.ts's: they only use the page's DOM, so both browsers read pages alike.
 */
import type { Page } from 'puppeteer-core';

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

/** Viewport point in the middle of the first occurrence of `needle` (scrolled into view). */
export async function pointOf(page: Page, needle: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n.nodeValue ?? '').indexOf(needle);
      if (i < 0) continue;
      (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + needle.length);
      const box = r.getClientRects()[0];
      return { x: box.left + Math.min(box.width / 2, 8), y: box.top + box.height / 2 };
    }
    return null;
  }, needle);
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
