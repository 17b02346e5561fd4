import { mayBeReport } from '../core/detect/hints';
import type { PageVerdict, Reply } from '../shared/messages';
import { extensionApi } from '../shared/extension-api';
import { samplePage } from './sample';

/**
 * Runs on every page of the report hosts, so it does the least it can: it
 * samples the page and, unless the page cannot be a report (hints.ts), sends
 * the sample to the background. The background scores it and, for a report,
 * acts on the site's mode (injects the engine, or the "ask" prompt). No
 * extension API is touched on pages without report words.
 *
 * Written flat, without the generic toBackground(): every function and await
 * here is compiled afresh on every page, and the plainer form measured about
 * 0.1 ms less CPU (paired A/B in Chromium over 15 loads).
 */
export function detectThisPage(doc: Document = document): void {
  const html = doc.documentElement;
  // Once per frame, even when both the manifest and a user-site registration inject it.
  if (html.hasAttribute('data-govlens') || html.hasAttribute('data-govlens-t0')) return;
  // Where `npm run bench` starts the clock for "document_idle → repaired".
  html.setAttribute('data-govlens-t0', performance.now().toFixed(2));
  const sample = samplePage(doc);
  if (!mayBeReport(sample, doc.location.hostname)) {
    html.setAttribute('data-govlens', 'not-report');
    redetectAfterNavigation(doc);
    return;
  }
  const request: { type: 'page:detect'; payload: typeof sample } = { type: 'page:detect', payload: sample };
  // Kept for engine.js, which the background injects into this world as it replies (src/page/verdict.ts).
  globalThis.__govlensVerdict = extensionApi()
    .runtime.sendMessage(request)
    .then(
      (reply: Reply<PageVerdict> | undefined) => (reply?.ok ? reply.value : { isReport: false }),
      () => ({ isReport: false }),
    );
  void globalThis.__govlensVerdict.then((verdict) => {
    html.setAttribute('data-govlens', verdict.isReport ? 'report' : 'not-report');
    if (verdict.mode) html.setAttribute('data-govlens-mode', verdict.mode);
    if (!verdict.isReport) redetectAfterNavigation(doc);
  });
}

/** Time for a single-page app to render the new article after its address changed. */
const SETTLE_MS = 1000;

declare const navigation: EventTarget | undefined;

/**
 * A single-page site may navigate in place from a page that is not a report
 * to one that is. Where the Navigation API exists (Chromium), the next
 * same-document navigation runs detection again once the new content has
 * settled; one listener, nothing else until then. Without it (Firefox), a
 * content script cannot see history.pushState, so it watches what such a
 * navigation changes: the document's title (one small observer on <head>), and
 * back/forward and hash changes; whichever comes first, detection runs again if
 * the address changed.
 */
function redetectAfterNavigation(doc: Document): void {
  if (doc.defaultView !== window) return;
  const again = () =>
    setTimeout(() => {
      doc.documentElement.removeAttribute('data-govlens');
      doc.documentElement.removeAttribute('data-govlens-t0');
      detectThisPage(doc);
    }, SETTLE_MS);
  if (typeof navigation !== 'undefined') {
    navigation.addEventListener('navigatesuccess', again, { once: true });
    return;
  }
  const href = doc.location.href;
  const head = doc.head ?? doc.documentElement;
  let done = false;
  const check = () => {
    if (done || doc.location.href === href) return;
    done = true;
    observer.disconnect();
    window.removeEventListener('popstate', check);
    window.removeEventListener('hashchange', check);
    again();
  };
  const observer = new MutationObserver(check);
  observer.observe(head, { childList: true, subtree: true, characterData: true });
  window.addEventListener('popstate', check);
  window.addEventListener('hashchange', check);
}
