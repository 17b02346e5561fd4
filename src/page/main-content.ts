import type { Steps } from '../core/steps';
import { isSkippedElement } from './skip';

const HAN = /[\u3400-\u9fff]/g;
/** Page chrome that never holds the report body. */
const CHROME_SELECTOR = 'nav, header, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"]';
const CHROME_NAME = /(^|[-_\s])(nav|menu|breadcrumb|crumb|footer|foot|sidebar|side|share|copyright|toolbar|topbar|related|links?)([-_\s]|$)/i;

function hanCount(s: string): number {
  HAN.lastIndex = 0;
  let n = 0;
  while (HAN.exec(s)) n++;
  return n;
}

export function isChrome(el: Element): boolean {
  if (el.matches(CHROME_SELECTOR)) return true;
  const name = `${el.id} ${typeof el.className === 'string' ? el.className : ''}`;
  return CHROME_NAME.test(name);
}

/** A block whose text is mostly links (a link list), not prose. */
export function isLinkList(el: Element): boolean {
  const links = el.querySelectorAll('a');
  if (links.length < 3) return false;
  let linkText = 0;
  for (const a of links) linkText += (a.textContent ?? '').length;
  return linkText / Math.max(1, (el.textContent ?? '').length) > 0.5;
}

/** Text nodes counted per step of findMainRootInSteps: a few ms on a large page. */
const NODES_PER_STEP = 2_000;

/**
 * Finds the element that holds the report's main text: starting at body,
 * descend into the child holding most of the Han characters (outside page
 * chrome) while it still holds at least 60% of them. Pauses every
 * NODES_PER_STEP text nodes (see src/core/steps.ts).
 */
export function* findMainRootInSteps(doc: Document): Steps<Element> {
  const body = doc.body;
  if (!body) return doc.documentElement;
  const counts = new Map<Element, number>();
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
    acceptNode: (n) => {
      if (n.nodeType === Node.ELEMENT_NODE) {
        const el = n as Element;
        return isSkippedElement(el) || isChrome(el) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  let total = 0;
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (++seen % NODES_PER_STEP === 0) yield;
    const c = hanCount(n.nodeValue ?? '');
    if (!c) continue;
    total += c;
    for (let el = n.parentElement; el && el !== body; el = el.parentElement) counts.set(el, (counts.get(el) ?? 0) + c);
  }
  let root: Element = body;
  for (;;) {
    let best: Element | null = null;
    let bestCount = 0;
    for (const child of root.children) {
      const c = counts.get(child) ?? 0;
      if (c > bestCount) {
        best = child;
        bestCount = c;
      }
    }
    if (!best || bestCount < total * 0.6) return root;
    root = best;
  }
}

/** Longest line under a title still read as its date and source line, not as body text. */
const HEADER_LINE_CHARS = 200;

/**
 * The short lines between a report's title and its body container (date,
 * source, author): up to three siblings after the title, stopping at the
 * body, a long block or another title.
 */
function headerLines(title: Element, body: Element): Element[] {
  const out: Element[] = [];
  for (let el = title.nextElementSibling; el && out.length < 3; el = el.nextElementSibling) {
    if (el === body || el.contains(body) || el.tagName === 'H1' || (el.textContent ?? '').length > HEADER_LINE_CHARS) break;
    if (!isSkippedElement(el) && !isChrome(el)) out.push(el);
  }
  return out;
}

function insideChrome(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (isChrome(e)) return true;
  return false;
}

/**
 * The report's title and the date and source line under it, where they sit
 * outside the body container: they are damaged the same way as the body.
 */
export function reportHeader(doc: Document, body: Element): Element[] {
  const titles = [...doc.querySelectorAll('h1')].filter((h) => !body.contains(h) && !insideChrome(h));
  return titles.flatMap((h) => [h, ...headerLines(h, body)]);
}
