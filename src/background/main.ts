import { browser } from 'wxt/browser';
import { i18n } from '#i18n';

const tr = (key: string, fallback: string) => (i18n.t as (k: string) => string)(key) || fallback;
import { handle, toPage } from '../shared/messaging';
import type { BackgroundProtocol, DataScript, PageProtocol, Req } from '../shared/messages';
import { getSiteMode, preferTraditional, repairMarks, setSiteMode } from '../shared/settings';
import { detectReport, splitUrl, type Detection } from '../core/detect';
import { injectAskPrompt, injectEngine, injectDataScript, syncUserSites } from './inject';
import { storageHandlers } from './storage-handlers';
import { openToReveal, takePendingReveal } from './reveal';
import { copySharedNote, sharedNotesFor, startSync, syncHandlers } from './sync';
import { pushGlossaryToBrowserSync, startGlossarySync } from './glossary-sync';

/** Sync settings and credentials are for the extension's own pages, never a content script. */
function fromExtensionPage(sender: { url?: string; id?: string }): boolean {
  return sender.id === browser.runtime.id && !!sender.url && sender.url.startsWith(browser.runtime.getURL('/'));
}

function extensionPagesOnly<T extends Record<string, (p: never) => unknown>>(handlers: T): T {
  const out: Record<string, unknown> = {};
  for (const [type, fn] of Object.entries(handlers)) {
    out[type] = (payload: never, sender: { url?: string; id?: string }) => {
      if (!fromExtensionPage(sender)) throw new Error('GovLens: sync messages are answered only to GovLens pages.');
      return fn(payload);
    };
  }
  return out as T;
}

const COMMANDS: Record<string, keyof PageProtocol> = {
  'toggle-repair': 'page:toggle',
  'next-mark': 'page:next-mark',
  'prev-mark': 'page:prev-mark',
  'highlight-selection': 'page:highlight-selection',
};

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The data a report will need, known from its sample: the model for a spun page, the S→T tables for a reader of Traditional. */
async function dataScriptsFor(verdict: Detection): Promise<DataScript[]> {
  const data: DataScript[] = [];
  if (verdict.damage?.includes('spun')) data.push('lm');
  if (await preferTraditional.getValue()) data.push('s2t');
  return data;
}

export function startBackground(): void {
  handle<BackgroundProtocol>({
    // Scoring runs here rather than in detect.js: its code is compiled once in
    // the worker instead of on every page the content script visits.
    'page:detect': async (sample, sender) => {
      const verdict = detectReport(sample);
      if (!verdict.isReport) return { isReport: false };
      const mode = await getSiteMode(splitUrl(sample.url).host);
      const tabId = sender.tab?.id;
      if (tabId !== undefined && mode === 'always') await injectEngine(tabId, sender.frameId ?? 0, await dataScriptsFor(verdict));
      if (tabId !== undefined && mode === 'ask') await injectAskPrompt(tabId, sender.frameId ?? 0);
      return { isReport: true, mode };
    },
    'page:inject-data': async ({ name }, sender) => {
      if (sender.tab?.id !== undefined) await injectDataScript(sender.tab.id, sender.frameId ?? 0, name);
    },
    'engine:inject': async (_p, sender) => {
      if (sender.tab?.id === undefined) return { injected: false };
      return { injected: await injectEngine(sender.tab.id, sender.frameId ?? 0) };
    },
    // From the popup, under activeTab: the user asked for this tab explicitly.
    'tab:enable': async ({ tabId }) => ({ injected: await injectEngine(tabId, 0) }),
    'site:get-mode': ({ host }) => getSiteMode(host),
    'site:set-mode': ({ host, mode }) => setSiteMode(host, mode),
    'settings:get-traditional': () => preferTraditional.getValue(),
    'settings:set-traditional': ({ traditional }) => preferTraditional.setValue(traditional),
    'settings:get-marks': () => repairMarks.getValue(),
    'settings:set-marks': ({ marks }) => repairMarks.setValue(marks),
    'annotation:reveal': ({ url, id }) => openToReveal(url, id),
    'annotation:pending-reveal': (_p, sender) => takePendingReveal(sender.tab?.id),
    ...storageHandlers,
    // The reader's glossary also follows the browser's account (storage.sync).
    'glossary:set-user': async (entry) => {
      await storageHandlers['glossary:set-user']!(entry);
      await pushGlossaryToBrowserSync().catch(() => undefined);
    },
    'shared:for-page': (_p, sender) => (sender.url ? sharedNotesFor(sender.url) : []),
    'shared:copy': ({ key }, sender) => {
      if (!sender.url) throw new Error('GovLens: no page');
      return copySharedNote(sender.url, key);
    },
    ...(extensionPagesOnly(syncHandlers) as object),
  });
  startSync();
  startGlossarySync();

  browser.commands.onCommand.addListener(async (command) => {
    const type = COMMANDS[command];
    const tabId = await activeTabId();
    if (!type || tabId === undefined) return;
    await toPage(tabId, type, {} as Req<PageProtocol, typeof type>).catch(() => undefined);
  });

  browser.runtime.onInstalled.addListener((details) => {
    // Once, on install (not on updates): what GovLens does, its colours and keys, and where it runs.
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
    browser.contextMenus.create({ id: 'govlens-highlight', title: tr('cmdHighlight', 'Highlight'), contexts: ['selection'] });
    browser.contextMenus.create({ id: 'govlens-note', title: tr('menuNote', 'Highlight with a note'), contexts: ['selection'] });
    void syncUserSites();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    void toPage(tab.id, 'page:highlight-selection', { note: info.menuItemId === 'govlens-note' }, info.frameId ?? 0).catch(() => undefined);
  });
  browser.permissions.onAdded.addListener(() => void syncUserSites());
  browser.permissions.onRemoved.addListener(() => void syncUserSites());
}
