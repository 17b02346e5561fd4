// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { runSteps } from '../../src/core/steps';
import { findMainRootInSteps, isChrome, isLinkList } from '../../src/page/main-content';
import { isSkippedElement } from '../../src/page/skip';
import { collectTextNodes } from '../../src/page/text-index';
import { walkInSteps } from '../../src/page/walk';
import { loadPages, readPageHtml } from '../support/pages';

/** The text nodes as a TreeWalker with a NodeFilter callback finds them (how collectTextNodes used to walk). */
function filteredWalk(root: Node): Text[] {
  const doc = root.ownerDocument!;
  const out: Text[] = [];
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
    acceptNode: (n) => {
      if (n.nodeType === Node.ELEMENT_NODE) {
        const el = n as Element;
        if (isSkippedElement(el)) return NodeFilter.FILTER_REJECT;
        if (el !== root && (isChrome(el) || (el.tagName !== 'P' && isLinkList(el)))) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_SKIP;
      }
      return (n.nodeValue ?? '').trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

describe('walking the page without a NodeFilter callback', () => {
  for (const entry of loadPages().filter((p) => !p.bench)) {
    it(`${entry.id}: the same text nodes as the filtered walk, from the body and from the report root`, () => {
      const window = new Window({ url: entry.url });
      window.document.write(readPageHtml(entry));
      const doc = window.document as unknown as Document;
      const root = runSteps(findMainRootInSteps(doc));
      for (const from of [doc.body, root]) {
        const expected = filteredWalk(from);
        expect(collectTextNodes(from)).toEqual(expected);
      }
      expect(filteredWalk(root).length).toBeGreaterThan(0);
    });
  }

  it('skips the subtree of a refused element, and stops at the end of the root', () => {
    document.body.innerHTML = '<div id="a"><p>1<b>2</b></p><nav><p>x</p></nav><p>3</p></div><p>outside</p>';
    const seen: string[] = [];
    runSteps(walkInSteps(document.getElementById('a')!, (n) => {
      if (n.nodeType === Node.TEXT_NODE) seen.push(n.nodeValue!);
      return (n as Element).tagName !== 'NAV';
    }, 2));
    expect(seen).toEqual(['1', '2', '3']);
  });
});
