import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { detectReport, type PageSample } from '../../src/core/detect';
import { loadPages, readPageHtml } from '../support/pages';

/**
 * Roughly what the content script samples: document.title, h1–h3, and the
 * first few thousand characters of body text, chrome included.
 */
function samplePage(url: string, html: string): PageSample {
  const window = new Window({ url });
  const doc = window.document;
  doc.write(html);
  const headings = [...doc.querySelectorAll('h1, h2, h3')].map((h) => (h.textContent ?? '').trim()).slice(0, 12);
  const text = (doc.body.textContent ?? '').replace(/\n\s*\n+/g, '\n').slice(0, 4000);
  return { url, title: doc.title, headings, text };
}

describe('detectReport on the rendered seed pages', () => {
  for (const p of loadPages()) {
    it(`${p.file} is ${p.expect}`, () => {
      const d = detectReport(samplePage(p.url, readPageHtml(p)));
      expect(d.isReport ? 'report' : 'not-report', `${d.score} ${d.signals.join(' ')}`).toBe(p.expect);
    });
  }
});
