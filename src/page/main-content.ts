import type { Steps } from '../core/steps';
import { isSkippedElement } from './skip';
import { walkInSteps } from './walk';

/** Page chrome that never holds the report body. */
const CHROME_SELECTOR = 'nav, header, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"]';
const CHROME_NAME = /(^|[-_\s])(nav|menu|breadcrumb|crumb|footer|foot|sidebar|side|share|copyright|toolbar|topbar|related|links?)([-_\s]|$)/i;

const NOT_HAN = /[^\u3400-\u9fff]+/g;

/** Han characters (U+3400–U+9FFF) in `s`, counted by the regex engine's native code (cold page code runs a loop slowly). */
function hanCount(s: string): number {
  return s.replace(NOT_HAN, '').length;
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

/** Work per step of findMainRootInSteps (nodes visited): a few ms on a large page. */
const NODES_PER_STEP = 500;

/**
 * Finds the element that holds the report's main text: starting at body,
 * descend into the child holding most of the Han characters (outside page
 * chrome) while it still holds at least 60% of them. Pauses every
 * NODES_PER_STEP nodes (see src/core/steps.ts).
 */
export function* findMainRootInSteps(doc: Document): Steps<Element> {
  const body = doc.body;
  if (!body) return doc.documentElement;
  // Each element's own Han characters first (its text nodes'), summed into its ancestors once at the end.
  const counts = new Map<Element, number>();
  const elements: Element[] = [];
  let total = 0;
  const visit = (n: Node): boolean => {
    if (n.nodeType === Node.ELEMENT_NODE) {
      const el = n as Element;
      if (isSkippedElement(el) || isChrome(el)) return false;
      elements.push(el);
      return true;
    }
    if (n.nodeType !== Node.TEXT_NODE) return true;
    const text = n.nodeValue ?? '';
    const c = hanCount(text);
    const parent = n.parentElement;
    if (c && parent && parent !== body) counts.set(parent, (counts.get(parent) ?? 0) + c);
    total += c;
    return true;
  };
  for (const walk = walkInSteps(body, visit, NODES_PER_STEP); !walk.next().done; ) yield;
  // Document order puts every element before its descendants: backwards, children are summed before their parents.
  for (let i = elements.length - 1; i >= 0; i--) {
    const el = elements[i];
    const c = counts.get(el);
    const parent = el.parentElement;
    if (c && parent && parent !== body) counts.set(parent, (counts.get(parent) ?? 0) + c);
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
