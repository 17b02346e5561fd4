/**
 * Who is asking, and what they may touch. Content scripts run inside web pages and are
 * treated as less trusted (Chromium's extension guidance): a content script may read and
 * change only the annotations and pledges of the report shown in its own frame. The whole
 * library is for the extension's own pages (popup, side panel).
 */
import { canonicalUrl } from '../core/fingerprint';

export interface SenderLike {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export type Caller =
  | { kind: 'extension' }
  /**
   * A content script, and the (canonical) addresses its frame shows: the frame's own
   * (sender.url, the document's address when its script context began) and, for the top
   * frame, the tab's current one (a single-page site moves it with history.pushState).
   */
  | { kind: 'content'; urls: string[]; tabId: number; frameId: number };

export class NotAllowed extends Error {
  constructor(what: string) {
    super(`GovLens: a page may not ${what}.`);
    this.name = 'NotAllowed';
  }
}

/**
 * Classifies a message's sender. `extensionOrigin` is runtime.getURL('') (chrome-extension://ID/
 * or moz-extension://UUID/). A same-origin iframe's report is the iframe's own address, never
 * the tab's.
 */
export function callerOf(sender: SenderLike, extensionId: string, extensionOrigin: string): Caller | null {
  if (sender.id !== extensionId) return null;
  const top = sender.frameId === 0 ? sender.tab?.url : undefined;
  const own = sender.url ?? top;
  if (own?.startsWith(extensionOrigin)) return { kind: 'extension' };
  if (!own || sender.tab?.id === undefined) return null;
  const urls = [...new Set([top, own].filter((u): u is string => !!u && !u.startsWith(extensionOrigin)).map(canonicalUrl))];
  return { kind: 'content', urls, tabId: sender.tab.id, frameId: sender.frameId ?? 0 };
}

/** Throws unless the caller is one of the extension's own pages. */
export function requireExtension(caller: Caller | null, what: string): void {
  if (caller?.kind !== 'extension') throw new NotAllowed(what);
}

/** Throws unless a content script's frame shows `url` (the report it wants to save or identify). */
export function requireOwnUrl(caller: Caller | null, url: string, what: string): void {
  if (!caller) throw new NotAllowed(what);
  if (caller.kind === 'content' && !caller.urls.includes(canonicalUrl(url))) throw new NotAllowed(what);
}
