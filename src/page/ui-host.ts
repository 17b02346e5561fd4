import { UI_HOST_ATTR } from './skip';

/**
 * One shadow root for all of GovLens's on-page UI, so the page's CSS cannot
 * reach in and ours cannot leak out.
 */
export function createUiHost(doc: Document, css: string): { host: HTMLElement; root: ShadowRoot; mount: HTMLElement } {
  const host = doc.createElement('govlens-ui');
  host.setAttribute(UI_HOST_ATTR, 'overlay');
  host.style.cssText = 'all: initial; position: fixed; inset: 0 auto auto 0; width: 0; height: 0; z-index: 2147483647;';
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const mount = doc.createElement('div');
  root.append(style, mount);
  doc.documentElement.appendChild(host);
  return { host, root, mount };
}
