import type { PageSample } from '../core/detect/types';

// The detector reads this many characters; sampling more is wasted work.
import { SAMPLE_CHARS } from '../core/detect';
const SAMPLE_SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'OPTION', 'TEMPLATE']);

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
    // No filter callback: a JS callback per node costs more than the whole sample.
    // Checking the parent alone is enough for a detection sample.
    const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n && text.length < SAMPLE_CHARS; n = walker.nextNode()) {
      const parent = n.parentNode as Element | null;
      if (parent && SAMPLE_SKIP.has(parent.nodeName)) continue;
      const t = n.nodeValue ?? '';
      if (t.trim()) text += t + '\n';
    }
  }
  return { url: doc.location?.href ?? '', title: doc.title, headings, text: text.slice(0, SAMPLE_CHARS) };
}
