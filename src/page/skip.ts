/** Elements whose text GovLens never reads or writes. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CODE', 'PRE', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'CANVAS', 'BUTTON']);

/** Marks the host element of GovLens's own on-page UI. */
export const UI_HOST_ATTR = 'data-govlens-ui';

export function isSkippedElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute(UI_HOST_ATTR)) return true;
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}

/** True if the node or any ancestor up to `root` is skipped. */
export function insideSkipped(node: Node, root: Node): boolean {
  for (let el = node.parentElement; el && el !== root.parentElement; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
    if (el === root) break;
  }
  return false;
}
