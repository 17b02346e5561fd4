/**
 * Where to put a floating box next to an anchor so it stays on screen.
 * Pure, so the flip and clamp rules are testable without layout.
 */
export interface Anchor {
  /** Horizontal centre of the anchor, viewport px. */
  x: number;
  /** Bottom of the anchor: the box goes below this by default. */
  y: number;
  /** Top of the anchor, for flipping above; defaults to `y`. */
  top?: number;
}
export interface Size {
  width: number;
  height: number;
}
export interface Placement {
  left: number;
  top: number;
  side: 'below' | 'above';
}

export function placeBox(anchor: Anchor, box: Size, viewport: Size, margin = 8, gap = 6): Placement {
  const anchorTop = anchor.top ?? anchor.y;
  const belowTop = anchor.y + gap;
  const aboveTop = anchorTop - gap - box.height;
  const fitsBelow = belowTop + box.height <= viewport.height - margin;
  const fitsAbove = aboveTop >= margin;
  // Below is the reading direction; go above only when that fits better.
  let side: Placement['side'] = 'below';
  if (!fitsBelow && (fitsAbove || anchorTop > viewport.height - anchor.y)) side = 'above';
  let top = side === 'below' ? belowTop : aboveTop;
  // A box taller than the room on either side is pinned inside the viewport.
  top = Math.max(margin, Math.min(top, viewport.height - margin - box.height));
  const maxLeft = viewport.width - margin - box.width;
  const left = Math.max(margin, Math.min(anchor.x - box.width / 2, maxLeft));
  return { left, top, side };
}
