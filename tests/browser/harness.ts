import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSeedServer, hostResolverRules } from '../support/server';

export const EXTENSION_DIR = resolve(fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url)));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  server: Awaited<ReturnType<typeof startSeedServer>>;
  /** Opens a page by its pages.json id (e.g. '000', 'neg-forum-fjsen') and waits for GovLens to settle. */
  open(id: string, opts?: { waitFor?: 'report' | 'not-report' | 'none' }): Promise<Page>;
  close(): Promise<void>;
}

/** Chromium's flags for a headless run with these unpacked extensions, the seed hosts resolving to the seed server. */
export function chromiumArgs(extensionDirs: string[], serverPort: number, lang = 'zh-CN'): string[] {
  const dirs = extensionDirs.join(',');
  return [
    '--headless=new',
    '--no-sandbox',
    `--disable-extensions-except=${dirs}`,
    `--load-extension=${dirs}`,
    `--host-resolver-rules=${hostResolverRules(serverPort)}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    `--lang=${lang}`,
  ];
}

/**
 * Chromium with the built extension and a fresh profile; the seed pages'
 * real hostnames resolve to the local seed server, so the production
 * manifest's host matches apply unchanged. `lang` is the browser's UI language
 * (zh-CN unless said), which the extension's UI follows.
 */
export async function launch(options: { lang?: 'zh-CN' | 'en-US' } = {}): Promise<Harness> {
  const server = await startSeedServer();
  const userDataDir = await mkdtemp(join(tmpdir(), 'govlens-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1280, height: 900 },
    locale: options.lang ?? 'zh-CN',
    args: chromiumArgs([EXTENSION_DIR], server.port, options.lang),
  });
  let worker = context.serviceWorkers()[0];
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;

  const open = async (id: string, opts: { waitFor?: 'report' | 'not-report' | 'none' } = {}) => {
    const entry = server.pages.find((p) => p.id === id);
    if (!entry) throw new Error(`no seed page ${id}`);
    const page = await context.newPage();
    await page.goto(entry.url, { waitUntil: 'load' });
    const want = opts.waitFor ?? entry.expect;
    if (want === 'report') await page.waitForSelector('html[data-govlens-ms]', { timeout: 30_000 });
    else if (want === 'not-report') await page.waitForSelector('html[data-govlens="not-report"]', { timeout: 15_000 });
    return page;
  };

  return {
    context,
    worker,
    extensionId,
    server,
    open,
    async close() {
      await context.close();
      await server.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
