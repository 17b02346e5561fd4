import { browser } from 'wxt/browser';
import type { DataScript } from '../shared/messages';
import { syncPatterns } from '../shared/sync-config';

const DATA_FILES = { lm: '/lm.js', s2t: '/s2t.js', glossary: '/glossary.js' } as const;

/**
 * Injects the engine into one frame of a tab: a scored report, the ask
 * prompt's yes, or the popup under activeTab. Data scripts the page is known
 * to need go first in the same call, which saves the engine asking for them.
 */
export async function injectEngine(tabId: number, frameId = 0, data: DataScript[] = []): Promise<boolean> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [...data.map((d) => DATA_FILES[d]), '/engine.js'] });
  return true;
}

/** Injects a data script (the language model, the S→T tables) into a frame whose engine asked for it. */
export async function injectDataScript(tabId: number, frameId: number, name: DataScript): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [DATA_FILES[name]] });
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
