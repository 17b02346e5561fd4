import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { detectReport, type PageSample } from '../../src/core/detect';
import { samplePage } from '../../src/page/sample';
import { loadPages, readPageHtml } from '../support/pages';

/** The content script's own sampler, on the page as happy-dom parses it. */
function sampleOf(url: string, html: string): PageSample {
  const window = new Window({ url });
  window.document.write(html);
  return samplePage(window.document as unknown as Document);
}

describe('detectReport on the rendered seed pages', () => {
  for (const p of loadPages()) {
    it(`${p.file} is ${p.expect}`, () => {
      const d = detectReport(sampleOf(p.url, readPageHtml(p)));
      expect(d.isReport ? 'report' : 'not-report', `${d.score} ${d.signals.join(' ')}`).toBe(p.expect);
    });
  }
});
