import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxHarness } from './harness';
import { launch, type Harness } from '../harness';
import { attrs, selectText, uiClick, uiFill } from '../page-tools';
import { bg, dump, grantOrigin, setUpSync, syncNow } from '../sync-tools';
import { allFiles, startDav, type DavServer } from '../../support/dav-servers';

const SENTENCE = '现在,我代表区人民政府向大会报告工作,请予审议';
const PASSPHRASE = 'one folder, two browsers';

/** Runs a background message from a Firefox extension page. */
async function ffBg(page: Page, type: string, payload: unknown): Promise<any> {
  const reply = await page.evaluate(({ type, payload }) => (globalThis as any).browser.runtime.sendMessage({ type, payload }), { type, payload });
  if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
  return reply.value;
}

/** One device in Firefox ESR and one in Chromium, syncing through the same WebDAV folder. */
describe('sync: Firefox ESR and Chromium through one WebDAV server', () => {
  let dav: DavServer;
  let ff: FirefoxHarness;
  let cr: Harness;
  let crOpt: import('playwright-core').Page;
  let ffOpt: Page;

  beforeAll(async () => {
    dav = await startDav('rclone');
    cr = await launch();
    await grantOrigin(cr, 'http://127.0.0.1/*');
    ff = await launchFirefox({
      prefs: {
        // The loopback WebDAV server is reached directly, not through the seed server's proxy.
        'network.proxy.no_proxies_on': '127.0.0.1',
        // Headless Firefox cannot click "Allow" on the optional-permission prompt; this answers it.
        'extensions.webextOptionalPermissionPrompts': false,
      },
    });
  });
  afterAll(async () => {
    await ff?.close();
    await cr?.close();
    await dav?.close();
  });

  it('Chromium creates the folder and a note; Firefox joins from its options page and shows the note anchored', async () => {
    crOpt = await setUpSync(cr, dav, PASSPHRASE);
    const page = await cr.open('000');
    expect(await selectText(page, SENTENCE)).toBe(true);
    await uiClick(page, '.gl-toolbar button.gl-btn--small');
    await uiFill(page, 'textarea.gl-input', 'written in Chromium');
    await uiClick(page, 'button[type=submit]');
    await expect.poll(async () => (await attrs(page))['data-govlens-annotations']).toBe('1');
    await syncNow(crOpt);

    ffOpt = await ff.extensionPage('options.html');
    await ffOpt.waitForSelector('section[data-sync=off]');
    await ffOpt.type('section[data-sync] input[name=url]', dav.url);
    await ffOpt.type('section[data-sync] input[name=username]', dav.username);
    await ffOpt.type('section[data-sync] input[name=password]', dav.password);
    await ffOpt.click('section[data-sync] button[name=test]');
    await ffOpt.waitForSelector('form[data-folder=encrypted]', { timeout: 30_000 });
    await ffOpt.type('input[name=passphrase]', PASSPHRASE);
    await ffOpt.click('button[name=enable]');
    await ffOpt.waitForSelector('section[data-sync=on]', { timeout: 60_000 });
    await ffBg(ffOpt, 'sync:now', {});

    const onFf = await ff.open('000');
    await onFf.waitForFunction(() => document.documentElement.getAttribute('data-govlens-annotations') === '1', { timeout: 30_000 });
    const notes = await ffOpt.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const req = indexedDB.open('govlens');
          req.onsuccess = () => {
            const r = req.result.transaction('annotations').objectStore('annotations').getAll();
            r.onsuccess = () => resolve(r.result.map((a: { note: string }) => a.note));
          };
        }),
    );
    expect(notes).toEqual(['written in Chromium']);
    await onFf.close();
    await page.close();
  });

  it('an edit and a glossary entry made in Firefox reach Chromium, and the server holds no plain text', async () => {
    const id = (await dump(crOpt)).annotations[0].id;
    await ffBg(ffOpt, 'annotation:update', { id, changes: { note: 'edited in Firefox' } });
    await ffBg(ffOpt, 'glossary:set-user', { term: '新质生产力', definition: 'Firefox 写的解释' });
    await ffBg(ffOpt, 'sync:now', {});
    expect((await ffBg(ffOpt, 'sync:status', {})).pending).toBe(0);
    await syncNow(crOpt);
    const data = await dump(crOpt);
    expect(data.annotations.map((a) => a.note)).toEqual(['edited in Firefox']);
    expect(data.glossary.map((g) => g.definition)).toEqual(['Firefox 写的解释']);
    for (const f of allFiles(dav.dir)) for (const s of ['edited in Firefox', 'Firefox 写的解释', 'written in Chromium']) expect(f.text.includes(s)).toBe(false);
    await bg(crOpt, 'sync:status', {});
  });
});
