import { isSkippedElement, UI_HOST_ATTR } from './skip';
import { walkInSteps } from './walk';
import { runSteps } from '../core/steps';

/**
 * The page around the report (its title, navigation, side links, headings
 * outside the body) in the reader's script, as TongWenTang does for a whole
 * page. Only script changes here, never repairs or marks: those stay on the
 * report body. Every node written keeps its original value and is restored
 * exactly; a node the page rewrote since is left as the page wrote it.
 * Script, style, form fields and editable regions are never touched (skip.ts).
 */
export class PageChrome {
  private written = new Map<Text, { original: string; shown: string }>();
  private title: { original: string; shown: string } | null = null;

  /** `isBody` tells the report body's nodes (the engine's own) from the page around it. */
  constructor(
    private doc: Document,
    private isBody: (node: Text) => boolean,
  ) {}

  /** Rewrites the page around the body with `convert`; returns how many pieces changed. Undoes an earlier apply first. */
  apply(convert: (text: string) => string): number {
    this.restore();
    let changed = 0;
    const title = this.doc.title;
    const newTitle = title ? convert(title) : title;
    if (newTitle !== title) {
      this.doc.title = newTitle;
      this.title = { original: title, shown: this.doc.title };
      changed++;
    }
    const body = this.doc.body;
    if (!body) return changed;
    // walkInSteps run to the end: a TreeWalker without a NodeFilter callback (Chromium calls one across its
    // bindings for every node, which is what made filtered walks of long pages slow).
    const visit = (n: Node): boolean | void => {
      if (n.nodeType === Node.ELEMENT_NODE) {
        const el = n as HTMLElement;
        return !(isSkippedElement(el) || el.hasAttribute(UI_HOST_ATTR) || el.isContentEditable);
      }
      const text = n as Text;
      if (this.isBody(text)) return;
      const original = text.nodeValue ?? '';
      if (!/[\u3400-\u9fff]/.test(original)) return;
      const shown = convert(original);
      if (shown === original) return;
      text.nodeValue = shown;
      this.written.set(text, { original, shown });
      changed++;
    };
    runSteps(walkInSteps(body, visit));
    return changed;
  }

  /** Puts back every original value this wrote, unless the page has written the node since. */
  restore(): void {
    for (const [node, { original, shown }] of this.written) if (node.nodeValue === shown) node.nodeValue = original;
    this.written.clear();
    if (this.title && this.doc.title === this.title.shown) this.doc.title = this.title.original;
    this.title = null;
  }

  /** How many pieces of the page around the body are shown converted. */
  get size(): number {
    return this.written.size + (this.title ? 1 : 0);
  }
}
