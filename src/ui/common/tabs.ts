import { browser, type Browser } from 'wxt/browser';

/**
 * The active tab of the current window, or undefined (e.g. a devtools window).
 * `?tab=ID` pins another tab: the popup or panel opened as a page (tests,
 * screenshots, debugging) would otherwise find only itself.
 */
export async function activeTab(): Promise<Browser.tabs.Tab | undefined> {
  const pinned = Number(new URLSearchParams(globalThis.location?.search ?? '').get('tab'));
  if (pinned) return browser.tabs.get(pinned).catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** Pages an extension may script: web pages and local files. Not browser pages or the web store. */
export function canRunOn(url: string | undefined): boolean {
  if (!url) return false;
  if (!/^(https?|file):/i.test(url)) return false;
  return !/^https:\/\/(chrome\.google\.com\/webstore|chromewebstore\.google\.com|addons\.mozilla\.org)\//i.test(url);
}

export function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
