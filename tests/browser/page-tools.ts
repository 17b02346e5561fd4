import type { Page } from 'playwright-core';

// Evaluated inside the extension's service worker, where chrome.* exists.
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PAGES_DIR } from '../support/pages';
import type { Harness } from './harness';
import type { PageProtocol, Req, Res } from '../../src/shared/messages';

/** The extension's id for the tab showing `url`: the newest one, since earlier tests may have left one open. */
export async function tabIdOf(h: Harness, url: string): Promise<number> {
  const id = await h.worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.filter((t: { url?: string }) => t.url === u).pop()?.id as number | undefined;
  }, url);
  if (id === undefined) throw new Error(`no tab for ${url}`);
  return id;
}

/** The side panel, opened as a page pinned to the tab showing `page`. */
export async function sidePanelFor(h: Harness, page: Page): Promise<Page> {
  const tabId = await tabIdOf(h, page.url());
  const panel = await h.context.newPage();
  await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tab=${tabId}`);
  return panel;
}

/** Sends a typed page message from the extension's service worker to the tab showing `page`, like the popup does. */
export async function sendToPage<K extends keyof PageProtocol>(h: Harness, page: Page, type: K, payload: Req<PageProtocol, K>): Promise<Res<PageProtocol, K>> {
  const tabId = await tabIdOf(h, page.url());
  const reply = await h.worker.evaluate(
    ({ tabId, type, payload }) => chrome.tabs.sendMessage(tabId, { type, payload }, { frameId: 0 }),
    { tabId, type, payload },
  );
  const r = reply as { ok: boolean; value?: unknown; error?: string };
  if (!r?.ok) throw new Error(r?.error ?? 'no reply');
  return r.value as Res<PageProtocol, K>;
}

/** The page's body text as a browser renders it with no extension: the same HTML in a fresh about:blank page. */
export async function pristineInnerText(h: Harness, url: string): Promise<{ text: string; html: string }> {
  const entry = h.server.pages.find((p) => p.url === url);
  if (!entry) throw new Error(`not a seed page: ${url}`);
  const html = await readFile(join(PAGES_DIR, entry.file), 'utf8');
  const page = await h.context.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  const out = await page.evaluate(() => ({ text: document.body.innerText, html: document.body.innerHTML }));
  await page.close();
  return out;
}

export async function attrs(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries([...document.documentElement.attributes].filter((a) => a.name.startsWith('data-govlens')).map((a) => [a.name, a.value])),
  );
}

/** Viewport centre of the first occurrence of `needle` in the page text (after GovLens wrote its repairs). */
export async function pointOf(page: Page, needle: string, nth = 0): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ({ needle, nth }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const v = n.nodeValue ?? '';
        let i = v.indexOf(needle);
        while (i >= 0) {
          if (seen++ === nth) {
            const r = document.createRange();
            r.setStart(n, i);
            r.setEnd(n, i + needle.length);
            (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
            const box = r.getClientRects()[0];
            return { x: box.left + Math.min(box.width / 2, 8), y: box.top + box.height / 2 };
          }
          i = v.indexOf(needle, i + 1);
        }
      }
      return null;
    },
    { needle, nth },
  );
}

/**
 * Runs `fn(root, arg)` with GovLens's on-page shadow root, which is closed (page scripts cannot
 * reach it): DevTools' DOM domain can (pierce), so the test gets it the way a debugger would.
 * Returns null when the page has no GovLens UI.
 */
export async function uiEval<T, A = null>(page: Page, fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.querySelector("govlens-ui")' });
    if (!result.objectId) return null;
    const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId, pierce: true, depth: 1 });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const r = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `function (argJson) { return JSON.stringify((${fn.toString()})(this, JSON.parse(argJson)) ?? null); }`,
      arguments: [{ value: JSON.stringify(arg ?? null) }],
      returnByValue: true,
    });
    if (r.exceptionDetails) throw new Error(`uiEval: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return JSON.parse(r.result.value as string) as T;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Text of GovLens's on-page UI (tooltips, toolbar, cards), its styles left out. */
export async function overlayText(page: Page): Promise<string> {
  return (await uiEval(page, (root) => [...root.children].filter((c) => c.localName !== 'style').map((c) => c.textContent).join(''))) ?? '';
}

/**
 * Clicks the first element matching `selector` (and, if given, whose text matches `hasText`) in
 * GovLens's on-page UI with the real mouse (a trusted click). Throws if absent.
 */
export async function uiClick(page: Page, selector: string, timeout = 10_000, hasText?: RegExp): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    const box = await uiEval(
      page,
      (root, [sel, text, flags]: [string, string | null, string]) => {
        const el = [...root.querySelectorAll(sel)].find((e) => text === null || new RegExp(text, flags).test(e.textContent ?? ''));
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return r.width && r.height ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
      },
      [selector, hasText?.source ?? null, hasText?.flags ?? ''] as [string, string | null, string],
    );
    if (box) return page.mouse.click(box.x, box.y);
    if (Date.now() > end) throw new Error(`no ${selector} in GovLens's on-page UI`);
    await page.waitForTimeout(100);
  }
}

/** Types `text` into a field of GovLens's on-page UI as a reader does: a click to focus it, then real key input. */
export async function uiFill(page: Page, selector: string, text: string): Promise<void> {
  await uiClick(page, selector);
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

/** Texts of the ranges in one of GovLens's CSS highlights (the reader's layer: every colour's highlight together). */
export async function highlightTexts(page: Page, layer: string): Promise<string[]> {
  return page.evaluate((name) => {
    const out: string[] = [];
    for (const [key, h] of CSS.highlights) {
      if (key === name || (name === 'govlens-user' && key.startsWith('govlens-user-'))) out.push(...[...h].map((r) => (r as Range).toString()));
    }
    return out;
  }, `govlens-${layer}`);
}

export async function hover(page: Page, needle: string, nth = 0): Promise<string> {
  const p = await pointOf(page, needle, nth);
  if (!p) throw new Error(`text not on page: ${needle}`);
  // Park the pointer off the text so an earlier tooltip closes, then jump straight to the mark.
  await page.mouse.move(1, 1);
  await page.waitForTimeout(450);
  await page.mouse.move(p.x, p.y);
  await page.waitForTimeout(150);
  return overlayText(page);
}

/** Selects the first occurrence of `needle` in the page (main world) and releases the mouse, as a reader would. */
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
