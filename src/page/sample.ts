import type { PageSample } from '../core/detect/types';
import { isSkippedElement } from './skip';

const SAMPLE_CHARS = 4000;

/**
 * A cheap sample of the page for detection: title, headings and the first
 * few thousand characters of visible-ish text. Reads textContent only (no
 * layout), and stops early, so it costs little on any page.
 */
export function samplePage(doc: Document = document): PageSample {
  const headings: string[] = [];
  for (const h of doc.querySelectorAll('h1, h2, h3, .title, [class*="title"]')) {
    const t = (h.textContent ?? '').trim();
    if (t && t.length < 120) headings.push(t);
    if (headings.length >= 12) break;
  }
  let text = '';
  const body = doc.body;
  if (body) {
    const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
      acceptNode: (n) =>
        n.nodeType === Node.ELEMENT_NODE
          ? isSkippedElement(n as Element)
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_SKIP
          : NodeFilter.FILTER_ACCEPT,
    });
    for (let n = walker.nextNode(); n && text.length < SAMPLE_CHARS; n = walker.nextNode()) {
      const t = n.nodeValue ?? '';
      if (t.trim()) text += t + '\n';
    }
  }
  return { url: doc.location?.href ?? '', title: doc.title, headings, text: text.slice(0, SAMPLE_CHARS) };
}
