/**
 * A page script written to steal a reader's notes from GovLens's on-page UI and to make
 * GovLens write, for tests/browser/hostile.test.ts (both browsers). It runs in the page's
 * own world from the first <script> in <head>, before GovLens is there, and:
 * - hooks attachShadow to force shadow roots open and keep them;
 * - watches for GovLens's element and reads everything reachable from it;
 * - selects a sentence, opens GovLens's toolbar (a synthetic mouseup), and clicks every
 *   button it can reach, by element.click(), by dispatched mouse events at the buttons'
 *   places, by requestSubmit() and by synthetic Enter keys.
 * `window.__hostile(sentence)` runs the attack and reports what it read and tried.
 */
export interface HostileReport {
  /** Texts the page could read from GovLens's UI. */
  read: string[];
  /** What it tried, in order. */
  tried: string[];
  /** It found GovLens's host element. */
  sawHost: boolean;
}

export const HOSTILE_SCRIPT = String.raw`
(() => {
  const roots = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, Object.assign({}, init, { mode: 'open' }));
    roots.push(root);
    return root;
  };
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const report = { read: [], tried: [], sawHost: false };
  const host = () => document.querySelector('govlens-ui') || document.querySelector('[data-govlens-ui]');
  function readAll() {
    const h = host();
    if (h) {
      report.sawHost = true;
      report.read.push(h.innerText || '', h.textContent || '', h.outerHTML);
      if (h.shadowRoot) report.read.push(h.shadowRoot.textContent || '', h.shadowRoot.innerHTML);
    }
    for (const r of roots) report.read.push(r.textContent || '', r.innerHTML || '');
    report.read.push(document.documentElement.outerHTML);
  }
  function reachable() {
    const out = [];
    const h = host();
    for (const r of [...roots, h && h.shadowRoot].filter(Boolean)) out.push(...r.querySelectorAll('button, [role=button], input, textarea, form'));
    return out;
  }
  window.__hostile = async (sentence) => {
    readAll();
    report.tried.push('read');
    // Select a sentence and open GovLens's toolbar, as a reader's mouseup would.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n.nodeValue || '').indexOf(sentence);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + sentence.length);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      const box = range.getBoundingClientRect();
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, composed: true, clientX: box.left + 2, clientY: box.top + 2 }));
      report.tried.push('select+mouseup');
      break;
    }
    await sleep(300);
    readAll();
    for (const el of reachable()) {
      el.click();
      report.tried.push('click ' + el.className);
      if (el.requestSubmit) { try { el.requestSubmit(); report.tried.push('requestSubmit'); } catch (e) {} }
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    }
    // Clicks where GovLens's controls would be, on whatever the page can hit there.
    const h = host();
    for (let y = 0; y < innerHeight; y += 40) {
      for (let x = 0; x < innerWidth; x += 40) {
        const target = document.elementFromPoint(x, y);
        if (target && h && (target === h || h.contains(target))) {
          for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) target.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }));
          report.tried.push('dispatch at ' + x + ',' + y);
        }
      }
    }
    if (h) {
      h.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      h.click();
      report.tried.push('host click');
    }
    report.tried.push('done');
    await sleep(300);
    readAll();
    return report;
  };
})();
`;
