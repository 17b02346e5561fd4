import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import type { DataScript } from '../shared/messages';
import { syncPatterns } from '../shared/sync-config';
import { GLOSSARY_PARTS, GLOSSARY_TEXT_PARTS } from '../core/glossary/parts';

/** The scripts of each kind of data; the glossary comes in parts, each evaluated in a task of its own. */
const DATA_FILES: Record<DataScript, readonly ScriptPublicPath[]> = {
  lm: ['/lm.js'],
  s2t: ['/s2t.js'],
  glossary: Array.from({ length: GLOSSARY_PARTS }, (_, i) => `/glossary-${i + 1}.js` as ScriptPublicPath),
  'glossary-text': Array.from({ length: GLOSSARY_TEXT_PARTS }, (_, i) => `/glossary-text-${i + 1}.js` as ScriptPublicPath),
  pledges: ['/pledges.js'],
  bigrams: ['/bigrams.js'],
  readings: ['/readings.js'],
};

/**
 * Injects the engine into one frame of a tab: a scored report, the ask
 * prompt's yes, or the popup under activeTab. Data scripts the page is known
 * to need are injected at the same time, which saves the engine asking for
 * them, but each by a call of its own: the files of one call are evaluated in
 * one task (lm.js and engine.js together made a 35-40 ms task).
 */
export async function injectEngine(tabId: number, frameId = 0, data: DataScript[] = []): Promise<boolean> {
  const target = { tabId, frameIds: [frameId] };
  await Promise.all([
    browser.scripting.executeScript({ target, files: ['/engine.js'] }),
    ...data.flatMap((d) => DATA_FILES[d]).map((file) => browser.scripting.executeScript({ target, files: [file] })),
  ]);
  return true;
}

/** Injects a data script (the language model, the S→T tables) into a frame whose engine asked for it. */
export async function injectDataScript(tabId: number, frameId: number, name: DataScript): Promise<void> {
  const target = { tabId, frameIds: [frameId] };
  await Promise.all(DATA_FILES[name].map((file) => browser.scripting.executeScript({ target, files: [file] })));
}

/** Injects the "repair this report?" prompt, for sites set to ask. */
export async function injectAskPrompt(tabId: number, frameId = 0): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/ask.js'] });
}

const USER_SITES_ID = 'govlens-user-sites';

/**
 * Sites the user switched on through optional host permissions get the
 * detection script registered dynamically, like the built-in report hosts.
 */
export async function syncUserSites(): Promise<void> {
  const [{ origins = [] }, servers] = await Promise.all([browser.permissions.getAll(), syncPatterns()]);
  // A sync server's origin was granted for sync, not for reading reports there.
  const matches = origins.filter((o) => o !== '*://*/*' && o !== '<all_urls>' && !servers.includes(o));
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [USER_SITES_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [USER_SITES_ID] });
  if (!matches.length) return;
  await browser.scripting.registerContentScripts([
    { id: USER_SITES_ID, matches, js: ['detect.js'], runAt: 'document_idle', allFrames: true, persistAcrossSessions: true },
  ]);
}
