import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Harness } from './harness';
import type { BackgroundProtocol, Req, Res } from '../../src/shared/messages';
import type { DavServer } from '../support/dav-servers';

declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Grants the extension the host permission for a server, as clicking "Allow" on the browser's
 * prompt would. Headless Chromium cannot show that prompt; chrome://extensions can grant a site
 * (its "Site access → Add a site"), after which permissions.request resolves without asking.
 */
export async function grantOrigin(h: Harness, pattern: string): Promise<void> {
  const page = await h.context.newPage();
  await page.goto('chrome://extensions');
  const error = await page.evaluate(
    ({ id, pattern }) => new Promise<string | null>((resolve) => chrome.developerPrivate.addHostPermission(id, pattern, () => resolve(chrome.runtime.lastError?.message ?? null))),
    { id: h.extensionId, pattern },
  );
  await page.close();
  if (error) throw new Error(error);
  for (let i = 0; i < 50 && !(await h.worker.evaluate((p) => chrome.permissions.contains({ origins: [p] }), pattern)); i++) await new Promise((r) => setTimeout(r, 100));
}

export async function optionsPage(h: Harness): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/options.html`);
  await page.waitForSelector('section[data-sync]');
  return page;
}

/** Sends a background message from an extension page (sync messages are refused to content scripts). */
export async function bg<K extends keyof BackgroundProtocol>(page: Page, type: K, payload: Req<BackgroundProtocol, K>): Promise<Res<BackgroundProtocol, K>> {
  const reply = (await page.evaluate(({ type, payload }) => chrome.runtime.sendMessage({ type, payload }), { type, payload })) as { ok: boolean; value?: unknown; error?: string };
  if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
  return reply.value as Res<BackgroundProtocol, K>;
}

/** Fills the options page's sync form as a reader would and presses "Test connection". */
export async function testConnection(page: Page, dav: DavServer, password = dav.password): Promise<void> {
  await page.fill('section[data-sync] input[name=url]', dav.url);
  await page.fill('section[data-sync] input[name=username]', dav.username);
  await page.fill('section[data-sync] input[name=password]', password);
  await page.click('section[data-sync] button[name=test]');
}

/** Sets sync up through the options page: a new folder (passphrase twice) or an existing encrypted one. */
export async function setUpSync(h: Harness, dav: DavServer, passphrase: string, shots?: { form?: string; on?: string }): Promise<Page> {
  const page = await optionsPage(h);
  await testConnection(page, dav);
  const form = page.locator('form[data-folder]');
  await form.waitFor();
  const folder = await form.getAttribute('data-folder');
  await page.fill('input[name=passphrase]', passphrase);
  if (folder === 'empty') await page.fill('input[name=passphrase2]', passphrase);
  if (shots?.form) await page.screenshot({ path: shots.form, fullPage: true });
  await page.click('button[name=enable]');
  await page.waitForSelector('section[data-sync=on]', { timeout: 60_000 });
  if (shots?.on) {
    await page.waitForFunction(() => !document.body.innerText.includes('尚未同步'), undefined, { timeout: 30_000 });
    await page.screenshot({ path: shots.on, fullPage: true });
  }
  return page;
}

/** Runs a full sync now (as the side panel's button does) and waits for it. */
export async function syncNow(page: Page): Promise<Res<BackgroundProtocol, 'sync:now'>> {
  return bg(page, 'sync:now', {});
}

/** Every record of the extension's own database, read from an extension page. */
export async function dump(page: Page): Promise<Record<string, Array<Record<string, any>>>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, Array<Record<string, any>>>>((resolve, reject) => {
        const req = indexedDB.open('govlens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const result: Record<string, Array<Record<string, any>>> = {};
          for (const n of names) {
            const r = tx.objectStore(n).getAll();
            r.onsuccess = () => (result[n] = r.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(result);
          };
        };
      }),
  );
}
