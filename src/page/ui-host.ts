import { UI_HOST_ATTR } from './skip';

/**
 * Events that can make the on-page UI act (save a note, delete a highlight, undo a repair).
 * Only the reader's own input, never a page script's dispatchEvent/click(), gets through.
 */
const ACTING_EVENTS = ['click', 'auxclick', 'dblclick', 'submit', 'keydown', 'keyup', 'keypress', 'input', 'change', 'mousedown', 'mouseup', 'pointerdown', 'pointerup'];

/**
 * One shadow root for all of GovLens's on-page UI, so the page's CSS cannot
 * reach in and ours cannot leak out. It is closed: the page's scripts cannot
 * reach the tooltips and cards (a note shown there is the reader's, not the
 * page's), and GovLens keeps the only reference. Untrusted events are stopped
 * before they reach any control, so even a script that got hold of an element
 * could not make GovLens write.
 */
export function createUiHost(doc: Document, css: string): { host: HTMLElement; root: ShadowRoot; mount: HTMLElement } {
  const host = doc.createElement('govlens-ui');
  host.setAttribute(UI_HOST_ATTR, 'overlay');
  host.style.cssText = 'all: initial; position: fixed; inset: 0 auto auto 0; width: 0; height: 0; z-index: 2147483647;';
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  const mount = doc.createElement('div');
  for (const type of ACTING_EVENTS) mount.addEventListener(type, stopUntrusted, true);
  root.append(style, mount);
  doc.documentElement.appendChild(host);
  return { host, root, mount };
}

/** Capture phase, on the UI's outermost element: runs before any control's own listener. */
export function stopUntrusted(e: Event): void {
  if (e.isTrusted) return;
  e.stopImmediatePropagation();
  e.preventDefault();
}

/** The element in the page that holds the UI `el` is part of (its closed shadow root's host), or `el` itself. */
export function uiHostOf(el: Element): EventTarget {
  // Not instanceof: in Firefox's content-script world DOM objects come through Xray wrappers.
  return (el.getRootNode() as Partial<ShadowRoot>).host ?? el;
}
