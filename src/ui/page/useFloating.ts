import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { placeBox, type Anchor, type Placement } from './position';

/**
 * Measures the floating element after each render and places it with
 * `placeBox`. Until measured it renders invisibly at the anchor so the first
 * paint never shows the box off screen.
 */
export function useFloating<T extends HTMLElement>(anchor: Anchor) {
  const ref = useRef<T>(null);
  const [placement, setPlacement] = useState<Placement | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const rect = el.getBoundingClientRect();
    const view = { width: window.innerWidth || 1024, height: window.innerHeight || 768 };
    const next = placeBox(anchor, { width: rect.width, height: rect.height }, view);
    setPlacement((prev) => (prev && prev.left === next.left && prev.top === next.top && prev.side === next.side ? prev : next));
  });
  const style = placement
    ? { left: `${placement.left}px`, top: `${placement.top}px` }
    : { left: `${anchor.x}px`, top: `${anchor.y}px`, visibility: 'hidden' as const };
  return { ref, style, side: placement?.side ?? 'below' };
}

/** Calls `onEscape` when Escape is pressed anywhere while mounted. */
export function useEscape(onEscape: () => void) {
  const cb = useRef(onEscape);
  cb.current = onEscape;
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        cb.current();
      }
    };
    // Capture phase: the page's own handlers must not swallow it first.
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, []);
}
