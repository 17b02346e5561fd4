/**
 * Firefox ESR with the built add-on, for browser tests (the Chromium twin is ../harness.ts).
 *
 * How to use it:
 *
 *   import { launchFirefox, type FirefoxHarness } from './harness';
 *   let h: FirefoxHarness;
 *   beforeAll(async () => { h = await launchFirefox(); });   // fresh profile, add-on installed
 *   afterAll(async () => { await h?.close(); });
 *
 *   const page = await h.open('000');                  // a seed page at its real URL; waits for GovLens
 *   await page.evaluate(() => document.documentElement.getAttribute('data-govlens-figures'));
 *   const panel = await h.extensionPage('sidepanel.html', page);  // the sidebar page, pinned to that tab
 *   const popup = await h.extensionPage('popup.html', page);
 *   await h.background(() => browser.tabs.query({}));  // runs in an extension page, where browser.* exists
 *   await h.uiText(page);                              // text of GovLens's on-page UI (its shadow root is closed)
 *   await h.uiClick(page, 'button[type=submit]');      // a real (trusted) mouse click inside that UI
 *
 * - Pages are puppeteer-core Pages driven over WebDriver BiDi. `evaluate(fn, arg)`, `waitForSelector`,
 *   `reload`, `close`, `mouse` and `keyboard` read as in Playwright (../harness.ts); locators do not.
 * - Run with `npm run build:firefox && npm run pages && npx vitest run --config vitest.firefox.config.ts`.
 *
 * How it works: Firefox has no --host-resolver-rules, so every http(s) request goes through the
 * seed server as an HTTP proxy (network.proxy.* prefs), which serves the seed hosts and answers
 * 404 for anything else (nothing reaches the network; `h.server.requests` lists what was asked).
 * The add-on is installed as a temporary add-on from .output/firefox-mv2 with a fixed UUID
 * (extensions.webextensions.uuids), so its pages are at moz-extension://UUID/; navigating there
 * needs --remote-allow-system-access, and puppeteer's goto() never sees those loads complete, so
 * extensionPage() navigates through BiDi itself.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSeedServer } from '../../support/server';

export const FIREFOX_EXTENSION_DIR = resolve(fileURLToPath(new URL('../../../.output/firefox-mv2', import.meta.url)));
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The add-on's id (wxt.config.ts, browser_specific_settings) and the UUID its pages get. */
export const ADDON_ID = 'govlens@example.org';
export const ADDON_UUID = '6f1d1f1e-9b9c-4a8e-9d51-0c7a3b2e5f17';

type WaitFor = 'report' | 'not-report' | 'none';

export interface FirefoxHarness {
  browser: Browser;
  /** moz-extension://UUID */
  origin: string;
  server: Awaited<ReturnType<typeof startSeedServer>>;
  /** Opens a page by its pages.json id (e.g. '000', 'neg-forum') and waits for GovLens to settle. */
  open(id: string, opts?: { waitFor?: WaitFor }): Promise<Page>;
  /** Opens any URL the seed server serves (see server.serve) and waits as open() does. */
  openUrl(url: string, opts?: { waitFor?: WaitFor }): Promise<Page>;
  /** One of the add-on's pages in a new tab; with `forPage`, pinned to that page's tab (?tab=ID). */
  extensionPage(path: string, forPage?: Page): Promise<Page>;
  /** Runs `fn(arg)` in an extension page (browser.* available) and returns its result. */
  background<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** The extension's id for the tab showing `page` (the newest such tab). */
  tabIdOf(page: Page): Promise<number>;
  /** Text of GovLens's on-page UI (tooltips, toolbar, cards). */
  uiText(page: Page): Promise<string>;
  /** Runs `fn(root, arg)` in the page with GovLens's (closed) shadow root. For reading; act with uiClick. */
  uiEval<T, A = undefined>(page: Page, fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T>;
  /** Clicks the first element matching `selector` in GovLens's on-page UI with the real mouse; false if absent. */
  uiClick(page: Page, selector: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Preferences of a fresh test profile: the seed server as proxy for everything, the add-on's fixed UUID. */
export function firefoxPrefs(proxyPort: number, lang = 'zh-CN'): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    'intl.locale.requested': lang,
    'intl.accept_languages': lang.startsWith('zh') ? 'zh-CN, zh' : `${lang}, ${lang.split('-')[0]}`,
    'browser.shell.checkDefaultBrowser': false,
  };
}

/** The raw WebDriver BiDi session and browsing context behind a puppeteer page (for what puppeteer does not wrap). */
function bidi(page: Page): { send(method: string, params: object): Promise<{ result: any }>; context: string } {
  const ctx = (page.mainFrame() as unknown as { browsingContext: { id: string; userContext: { browser: { session: { send(m: string, p: object): Promise<{ result: any }> } } } } }).browsingContext;
  const session = ctx.userContext.browser.session;
  return { send: (m, p) => session.send(m, p), context: ctx.id };
}

async function waitForGovLens(page: Page, want: WaitFor): Promise<void> {
  if (want === 'report') await page.waitForSelector('html[data-govlens-ms]', { timeout: 30_000 });
  else if (want === 'not-report') await page.waitForSelector('html[data-govlens="not-report"]', { timeout: 15_000 });
}

/**
 * `lang`: the browser's language (zh-CN unless said), which the add-on's UI follows. `prefs` adds to or overrides
 * the test profile's preferences (e.g. a feature switched off to test a fallback, a sync test's direct loopback server).
 */
export async function launchFirefox(opts: { lang?: string; prefs?: Record<string, unknown> } = {}): Promise<FirefoxHarness> {
  const server = await startSeedServer();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access', '--width=1280', '--height=900'],
    extraPrefsFirefox: { ...firefoxPrefs(server.port, opts.lang), ...opts.prefs },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const origin = `moz-extension://${ADDON_UUID}`;
  let control: Page | null = null;

  const openUrl = async (url: string, opts: { waitFor?: WaitFor } = {}) => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(url, { waitUntil: 'load' });
    await waitForGovLens(page, opts.waitFor ?? 'report');
    return page;
  };

  const open = async (id: string, opts: { waitFor?: WaitFor } = {}) => {
    const entry = server.pages.find((p) => p.id === id);
    if (!entry) throw new Error(`no seed page ${id}`);
    return openUrl(entry.url, { waitFor: opts.waitFor ?? entry.expect });
  };

  const navigateToExtension = async (page: Page, path: string) => {
    const { send, context } = bidi(page);
    await send('browsingContext.navigate', { context, url: `${origin}/${path}`, wait: 'complete' });
    await page.waitForFunction(() => document.readyState === 'complete' && typeof (globalThis as { browser?: unknown }).browser === 'object', { timeout: 15_000 });
  };

  const background = async <T, A>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> => {
    if (!control || control.isClosed()) {
      control = await browser.newPage();
      // Any page of the add-on has the extension API; the popup's own queries are read-only.
      await navigateToExtension(control, 'popup.html?tab=-1');
    }
    return control.evaluate(fn as unknown as (a: unknown) => T, arg as unknown) as Promise<T>;
  };

  const tabIdOf = async (page: Page): Promise<number> => {
    const url = page.url();
    const id = await background(async (u: string) => {
      const tabs = await (globalThis as any).browser.tabs.query({});
      return tabs.filter((t: { url?: string }) => t.url === u).pop()?.id as number | undefined;
    }, url);
    if (id === undefined) throw new Error(`no tab for ${url}`);
    return id;
  };

  const extensionPage = async (path: string, forPage?: Page) => {
    const page = await browser.newPage();
    await page.setViewport({ width: 420, height: 800 });
    const pinned = forPage ? `${path.includes('?') ? '&' : '?'}tab=${await tabIdOf(forPage)}` : '';
    await navigateToExtension(page, path + pinned);
    return page;
  };

  /** The shadow root of <govlens-ui> as a BiDi shared reference: includeShadowTree 'all' reaches closed roots too. */
  const uiRootRef = async (page: Page): Promise<{ sharedId: string } | null> => {
    const { send, context } = bidi(page);
    const r = await send('script.callFunction', {
      functionDeclaration: '() => document.querySelector("govlens-ui")',
      awaitPromise: false,
      target: { context },
      resultOwnership: 'none',
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
    });
    const node = r.result?.result;
    const shadow = node?.type === 'node' ? node.value?.shadowRoot : null;
    return shadow?.sharedId ? { sharedId: shadow.sharedId } : null;
  };

  const uiEval = async <T, A>(page: Page, fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T> => {
    const root = await uiRootRef(page);
    if (!root) throw new Error('GovLens has no on-page UI in this page');
    const { send, context } = bidi(page);
    const r = await send('script.callFunction', {
      functionDeclaration: `(root, argJson) => JSON.stringify((${fn.toString()})(root, JSON.parse(argJson)) ?? null)`,
      awaitPromise: true,
      target: { context },
      arguments: [root, { type: 'string', value: JSON.stringify(arg ?? null) }],
      resultOwnership: 'none',
    });
    if (r.result?.type === 'exception') throw new Error(`uiEval: ${r.result.exceptionDetails?.text}`);
    return JSON.parse(r.result.result.value) as T;
  };

  const uiText = async (page: Page) => ((await uiRootRef(page)) ? uiEval(page, (root) => [...root.children].filter((c) => c.localName !== 'style').map((c) => c.textContent).join('')) : '');

  const uiClick = async (page: Page, selector: string): Promise<boolean> => {
    const box = await uiEval(
      page,
      (root, sel: string) => {
        const el = root.querySelector(sel);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      },
      selector,
    );
    if (!box) return false;
    await page.mouse.click(box.x, box.y);
    return true;
  };

  return {
    browser,
    origin,
    server,
    open,
    openUrl,
    extensionPage,
    background,
    tabIdOf,
    uiText,
    uiEval,
    uiClick,
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}
