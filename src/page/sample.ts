import type { PageSample } from '../core/detect/types';

// The detector reads this many characters; sampling more is wasted work.
import { SAMPLE_CHARS } from '../core/detect/sample';

/** Elements whose text is not page prose. Their text sits in body.textContent verbatim, in document order. */
const NOT_PROSE = 'script, style, noscript, select, textarea';

/**
 * A cheap sample of the page for detection: title, headings and the first
 * few thousand characters of body text.
 *
 * The body text comes from one `textContent` read, not a walk over text
 * nodes: in a content script's isolated world every node touched needs a
 * wrapper of its own, and a walk over a hundred nodes costs more (~1 ms) than
 * the whole detection. No layout is read either.
 */
export function samplePage(doc: Document = document): PageSample {
  const headings: string[] = [];
  // Not [class*="title"]: matching it on every element cost about 0.1 ms a
  // page, and gov sites put the article title in document.title anyway.
  for (const h of doc.querySelectorAll('h1, h2, h3, .title')) {
    const t = (h.textContent ?? '').trim();
    if (t && t.length < 120) headings.push(t);
    if (headings.length >= 12) break;
  }
  return { url: doc.location?.href ?? '', title: doc.title, headings, text: doc.body ? bodySample(doc.body) : '' };
}

function bodySample(body: HTMLElement): string {
  const all = body.textContent ?? '';
  // Cut the script and style texts out of the stretch the sample comes from.
  // Enough raw text is kept that blank lines and indentation cannot starve it.
  const want = SAMPLE_CHARS * 3;
  let prose = '';
  let cursor = 0;
  for (const el of body.querySelectorAll(NOT_PROSE)) {
    if (prose.length >= want) break;
    const t = el.textContent ?? '';
    const at = t ? all.indexOf(t, cursor) : -1;
    if (at < 0) continue;
    prose += all.slice(cursor, Math.min(at, cursor + want)) + '\n';
    cursor = at + t.length;
  }
  if (prose.length < want) prose += all.slice(cursor, cursor + want - prose.length);
  // One line per run of text, as the page shows it (HTML indentation dropped).
  let text = '';
  for (const line of prose.split('\n')) {
    const t = line.trim();
    if (t) text += t + '\n';
    if (text.length >= SAMPLE_CHARS) break;
  }
  return text.slice(0, SAMPLE_CHARS);
}
