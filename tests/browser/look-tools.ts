import type { Page } from 'playwright-core';
import type { Harness } from './harness';
import { tabIdOf } from './page-tools';

/** The popup, opened as a page pinned to the tab showing `page`, 360 px wide as Chrome shows it. */
export async function popupFor(h: Harness, page: Page): Promise<Page> {
  const tabId = await tabIdOf(h, page.url());
  const popup = await h.context.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('[data-testid=fixes], [data-testid=inactive]', { timeout: 15_000 });
  return popup;
}

/**
 * The height the popup's content needs: Chrome sizes a popup to its
 * document, up to 600 px. Measured with a short viewport so the document's
 * height is its content's, not the window's.
 */
export async function popupHeight(popup: Page): Promise<number> {
  await popup.setViewportSize({ width: 360, height: 100 });
  const h = await popup.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
  await popup.setViewportSize({ width: 360, height: 600 });
  return h;
}

/** Names that stay Latin in Chinese text. */
const NAMES = /GovLens|Markdown|JSON-LD|JSON|CSV|HTML|W3C|Web Annotation|chrome:\/\/\S+|https?:\/\/\S*|gov\.cn|people\.com\.cn|xinhuanet\.com|news\.cn|WebDAV|Nextcloud|ownCloud|NAS|Alt\+Shift\+\w|Ctrl|Alt|Shift/g;

/**
 * Runs of English words (two or more, or one of four letters or more) in a
 * text shown by the Chinese UI. Acronyms (REITs, GDP, CPI) are the report's
 * own words, not the UI's.
 */
export function englishIn(text: string): string[] {
  const cleaned = text.replace(NAMES, ' ').replace(/\b[A-Z]{2,}s?\b/g, ' ');
  return [...cleaned.matchAll(/[A-Za-z]{2,}(?:[\s,.'’-]+[A-Za-z]{2,})+|[A-Za-z]{4,}/g)].map((m) => m[0]);
}

/**
 * In the page: the painted background colour of a CSS highlight over the element holding its first range.
 * Self-contained, so either browser's driver can evaluate it (the Firefox tests do too).
 */
export function highlightBackgroundInPage(name: string): string | null {
  const h = CSS.highlights.get(name);
  const range = h ? ([...h][0] as Range | undefined) : undefined;
  if (!range) return null;
  return getComputedStyle(range.startContainer.parentElement!, `::highlight(${name})`).backgroundColor;
}

/** In the page: the painted underline of a CSS highlight (colour, style and thickness as the browser computed them). */
export function highlightLineInPage(name: string): { color: string; style: string; thickness: string } | null {
  const h = CSS.highlights.get(name);
  const range = h ? ([...h][0] as Range | undefined) : undefined;
  if (!range) return null;
  const cs = getComputedStyle(range.startContainer.parentElement!, `::highlight(${name})`);
  return { color: cs.textDecorationColor, style: cs.textDecorationStyle, thickness: cs.textDecorationThickness };
}

/** The painted background colour of a CSS highlight over the element holding its first range. */
export async function paintedBackground(page: Page, name: string): Promise<string | null> {
  return page.evaluate(highlightBackgroundInPage, name);
}

/** The painted underline of a CSS highlight: colour, style and thickness as the browser computed them. */
export async function paintedLine(page: Page, name: string): Promise<{ color: string; style: string; thickness: string } | null> {
  return page.evaluate(highlightLineInPage, name);
}

/** Every text of every GovLens highlight whose name starts with `prefix` (the reader's layer has one per colour). */
export async function highlightTextsByPrefix(page: Page, prefix: string): Promise<Record<string, string[]>> {
  return page.evaluate((prefix) => {
    const out: Record<string, string[]> = {};
    for (const [name, h] of CSS.highlights) if (name.startsWith(prefix)) out[name] = [...h].map((r) => (r as Range).toString());
    return out;
  }, prefix);
}

/** `rgba(r, g, b, a)` as Chromium writes a computed colour, from a palette entry. */
export function cssRgba(hex: string, alpha: number): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return alpha >= 1 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(bytes: Uint8Array): [number, number] {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const signature = [...bytes.slice(1, 4)].map((c) => String.fromCharCode(c)).join('');
  if (signature !== 'PNG') throw new Error(`not a PNG (starts ${signature})`);
  return [view.getUint32(16), view.getUint32(20)];
}

/**
 * In the side panel page: whether the tab list fits the window (no scrolling, no tab past the right edge, no
 * label cut short). Self-contained, so either browser's driver can evaluate it.
 */
export function tabsFitInPage(): { scrolls: boolean; outside: Array<string | null>; clipped: Array<string | null> } {
  const list = document.querySelector('[role=tablist]') as HTMLElement;
  return {
    scrolls: list.scrollWidth > list.clientWidth,
    outside: [...list.querySelectorAll('[role=tab]')].filter((t) => t.getBoundingClientRect().right > window.innerWidth + 0.5).map((t) => t.textContent),
    clipped: [...list.querySelectorAll('.tab-label')].filter((l) => (l as HTMLElement).scrollWidth > (l as HTMLElement).clientWidth).map((l) => l.textContent),
  };
}

/** In the side panel's figures table: the cells (but the figure's own context) that wrap onto a second line. */
export function brokenCellsInPage(): Array<string | null> {
  return [...document.querySelectorAll('tbody td:not(.context)')]
    .filter((td) => {
      const r = document.createRange();
      r.selectNodeContents(td);
      const lines = new Set([...r.getClientRects()].map((b) => Math.round(b.top)));
      return lines.size > 1;
    })
    .map((td) => td.textContent);
}
