import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

/**
 * A fresh element in document.body for each test of a file, unmounted and
 * removed after it. Call at the top level; read `root()` inside tests.
 */
export function preactRoot(): () => HTMLElement {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.appendChild(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  return () => root;
}
