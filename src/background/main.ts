import { browser, type Browser } from 'wxt/browser';
import { i18n } from '#i18n';

const tr = (key: string, fallback: string) => (i18n.t as (k: string) => string)(key) || fallback;
import { handle, toPage } from '../shared/messaging';
import type { BackgroundProtocol, DataScript, PageProtocol, PageVerdict, Req } from '../shared/messages';
import { getSiteMode, preferTraditional, repairMarks, setSiteMode } from '../shared/settings';
import { detectReport, splitUrl, type Detection } from '../core/detect';
import { injectAskPrompt, injectEngine, injectDataScript, syncUserSites } from './inject';
import { storageHandlers } from './storage-handlers';
import { callerOf, requireExtension, type Caller } from './scope';
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

/**
 * The data a report's first marks will need, known from its sample: the glossary, the mojibake and pinyin
 * stages' tables for a page showing that damage, the S→T tables for a reader of Traditional.
 */
function dataScriptsFor(verdict: Detection, traditional: boolean): DataScript[] {
  // Every report reads terms: the built-in glossary comes with the engine, in tasks of its own. The pledge
  // reader and a spun page's model are not needed for the first marks; the engine asks for them once those are
  // painted (their evaluation would delay them).
  const data: DataScript[] = ['glossary'];
  if (verdict.damage?.includes('mojibake')) data.push('bigrams');
  if (verdict.damage?.includes('pinyin')) data.push('readings');
  if (traditional) data.push('s2t');
  return data;
}

/** The worker's clock as ms since the epoch, comparable with a page's (src/page/verdict.ts). */
const epochNow = () => performance.timeOrigin + performance.now();

/** The verdict as the engine needs it (src/page/verdict.ts). */
function pageVerdict(detection: Detection): PageVerdict {
  const { isReport, score, signals, damage } = detection;
  return { isReport, score, signals, damage };
}

/**
 * Tells the engines in other tabs that a report's highlights changed (each checks whether
 * it shows that report), so two tabs of one report see each other's notes without a reload.
 * Not the tab that made the change: it knows.
 */
async function notifyTabs(reportIds: string[], caller: Caller | null): Promise<void> {
  const skip = caller?.kind === 'content' ? caller.tabId : undefined;
  for (const tab of await browser.tabs.query({})) {
    if (tab.id === undefined || tab.id === skip) continue;
    for (const reportId of reportIds) {
      browser.tabs.sendMessage(tab.id, { type: 'page:annotations-changed', payload: { reportId } }).catch(() => undefined);
    }
  }
}

/** Who is asking (scope.ts): a content script and its frame, or one of the extension's pages. */
const callerFrom = (sender: Browser.runtime.MessageSender) => callerOf(sender, browser.runtime.id, browser.runtime.getURL('/'));

/** Storage handlers see who is asking, not the raw sender. */
function withCaller(handlers: ReturnType<typeof storageHandlers>) {
  return Object.fromEntries(
    Object.entries(handlers).map(([type, fn]) => [type, (payload: never, sender: Browser.runtime.MessageSender) => (fn as (p: never, c: unknown) => unknown)(payload, callerFrom(sender))]),
  );
}

/** Throws unless the message came from one of the extension's own pages (popup, side panel). */
function fromExtension(sender: Browser.runtime.MessageSender, what: string): void {
  requireExtension(callerFrom(sender), what);
}

export function startBackground(): void {
  const storage = withCaller(storageHandlers((ids, caller) => void notifyTabs(ids, caller)));
  handle<BackgroundProtocol>({
    // Scoring runs here rather than in detect.js: its code is compiled once in
    // the worker instead of on every page the content script visits.
    // The reply does not wait for the injection: detect.js keeps it for the engine, which is
    // being injected meanwhile (src/page/verdict.ts).
    'page:detect': async (sample, sender) => {
      const received = epochNow();
      const detection = detectReport(sample);
      if (!detection.isReport) return { isReport: false };
      const [mode, traditional, marks] = await Promise.all([getSiteMode(splitUrl(sample.url).host), preferTraditional.getValue(), repairMarks.getValue()]);
      const tabId = sender.tab?.id;
      const frameId = sender.frameId ?? 0;
      const data = mode === 'always' ? dataScriptsFor(detection, traditional) : [];
      const injecting = epochNow();
      const failed = (err: unknown) => console.warn('GovLens: injection failed', err);
      if (tabId !== undefined && mode === 'always') injectEngine(tabId, frameId, data).catch(failed);
      if (tabId !== undefined && mode === 'ask') injectAskPrompt(tabId, frameId).catch(failed);
      return { ...pageVerdict(detection), mode, traditional, marks, data, at: { received, injecting } };
    },
    'page:score': (sample) => pageVerdict(detectReport(sample)),
    'page:inject-data': async ({ name }, sender) => {
      if (sender.tab?.id !== undefined) await injectDataScript(sender.tab.id, sender.frameId ?? 0, name);
    },
    'engine:inject': async (_p, sender) => {
      if (sender.tab?.id === undefined) return { injected: false };
      return { injected: await injectEngine(sender.tab.id, sender.frameId ?? 0) };
    },
    // From the popup, under activeTab: the user asked for this tab explicitly.
    'tab:enable': async ({ tabId }, sender) => {
      fromExtension(sender, 'enable GovLens in a tab');
      return { injected: await injectEngine(tabId, 0) };
    },
    'site:get-mode': ({ host }) => getSiteMode(host),
    'site:set-mode': ({ host, mode }, sender) => {
      fromExtension(sender, "change a site's mode");
      return setSiteMode(host, mode);
    },
    // The "ask" prompt's "never on this site": site:set-mode is for extension pages only, so a content script
    // gets this narrower message. The site is the sending frame's own (sender.url), and only a site that asks
    // can be switched: a content script can turn GovLens off where it was asked to, never on anywhere.
    'site:never-ask': async (_p, sender) => {
      if (callerFrom(sender)?.kind !== 'content' || !sender.url) return false;
      const { host } = splitUrl(sender.url);
      if (!host || (await getSiteMode(host)) !== 'ask') return false;
      await setSiteMode(host, 'never');
      return true;
    },
    'settings:get-traditional': () => preferTraditional.getValue(),
    'settings:set-traditional': ({ traditional }, sender) => {
      fromExtension(sender, 'change the settings');
      return preferTraditional.setValue(traditional);
    },
    'settings:get-marks': () => repairMarks.getValue(),
    'settings:set-marks': ({ marks }, sender) => {
      fromExtension(sender, 'change the settings');
      return repairMarks.setValue(marks);
    },
    'annotation:reveal': ({ url, id }, sender) => {
      fromExtension(sender, 'open other reports');
      return openToReveal(url, id);
    },
    'annotation:pending-reveal': (_p, sender) => takePendingReveal(sender.tab?.id),
    ...storage,
    // The reader's glossary also follows the browser's account (storage.sync).
    'glossary:set-user': async (entry, sender) => {
      await storage['glossary:set-user']!(entry as never, sender as never);
      await pushGlossaryToBrowserSync().catch(() => undefined);
    },
    // A content script's own frame only (sender.url), like every storage message.
    'shared:for-page': (_p, sender) => (callerFrom(sender)?.kind === 'content' && sender.url ? sharedNotesFor(sender.url) : []),
    'shared:copy': async ({ key }, sender) => {
      const caller = callerFrom(sender);
      if (caller?.kind !== 'content' || !sender.url) throw new Error('GovLens: no page');
      const saved = await copySharedNote(sender.url, key);
      void notifyTabs([saved.reportId], caller);
      return saved;
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
