/**
 * A list that renders only the rows near the viewport once it is long (a library of
 * 100,000 notes must not become 100,000 DOM nodes), and every row as usual below that.
 * Rows may differ in height: each is measured when shown, the rest are estimated from
 * the ones measured, and the space above and below the shown rows is kept as padding,
 * so the scroll bar spans the whole list and every row can be scrolled to. The page
 * (window) is the scroller, as in the side panel and the popup.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

export interface VirtualListProps<T> {
  items: readonly T[];
  keyOf: (item: T) => string | number;
  /** One row: must render a single <li> (it is measured). */
  row: (item: T, index: number) => ComponentChildren;
  class?: string;
  /** Lists up to this long render in full. */
  threshold?: number;
  /** Height guessed for a row not yet measured (px), until some are. */
  estimate?: number;
  /** Vertical gap between rows in the list's CSS (px). */
  gap?: number;
}

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, threshold = 200 } = props;
  if (items.length <= threshold) {
    return <ul class={props.class}>{items.map((item, i) => <Keyed key={props.keyOf(item)}>{props.row(item, i)}</Keyed>)}</ul>;
  }
  return <WindowedList {...props} />;
}

const Keyed = ({ children }: { children: ComponentChildren }) => <>{children}</>;

/** Rows drawn beyond the viewport on each side, so a fast scroll does not show blank space. */
const OVERSCAN_PX = 600;

function WindowedList<T>({ items, keyOf, row, class: cls, estimate = 90, gap = 8 }: VirtualListProps<T>) {
  const list = useRef<HTMLUListElement>(null);
  // Measured heights by key (rows keep theirs when the list is filtered or reordered).
  const measured = useRef(new Map<string | number, number>());
  const [version, setVersion] = useState(0);
  const [view, setView] = useState({ top: 0, bottom: typeof innerHeight === 'number' ? innerHeight : 800 });

  const offsets = useMemo(() => {
    const m = measured.current;
    const avg = m.size ? [...m.values()].reduce((a, b) => a + b, 0) / m.size : estimate + gap;
    const out = new Float64Array(items.length + 1);
    for (let i = 0; i < items.length; i++) out[i + 1] = out[i] + (m.get(keyOf(items[i])) ?? avg);
    return out;
  }, [items, version]);

  const total = offsets[items.length];
  const start = Math.max(0, lastAtOrBefore(offsets, view.top - OVERSCAN_PX));
  const end = Math.min(items.length, lastAtOrBefore(offsets, view.bottom + OVERSCAN_PX) + 1);

  // Follow the viewport: where the list's top is relative to it, and how tall it is.
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const el = list.current;
      if (!el) return;
      const top = -el.getBoundingClientRect().top;
      setView((v) => (v.top === top && v.bottom === top + innerHeight ? v : { top, bottom: top + innerHeight }));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    addEventListener('scroll', schedule, { passive: true });
    addEventListener('resize', schedule, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      removeEventListener('scroll', schedule);
      removeEventListener('resize', schedule);
    };
  }, []);

  // Measure the rows now shown; a row whose height differs from its guess moves the ones below.
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    let changed = false;
    Array.from(el.children).forEach((child, i) => {
      const key = keyOf(items[start + i]);
      const h = (child as HTMLElement).getBoundingClientRect().height + gap;
      if (h > gap && Math.abs((measured.current.get(key) ?? -1) - h) > 0.5) {
        measured.current.set(key, h);
        changed = true;
      }
    });
    if (changed) setVersion((v) => v + 1);
  });

  return (
    <ul
      ref={list}
      class={cls}
      data-virtual={`${start}-${end}/${items.length}`}
      style={{ paddingTop: `${offsets[start]}px`, paddingBottom: `${Math.max(0, total - offsets[end])}px` }}
    >
      {items.slice(start, end).map((item, i) => (
        <Keyed key={keyOf(item)}>{row(item, start + i)}</Keyed>
      ))}
    </ul>
  );
}

/** Index of the last row starting at or before `y` (offsets[i] is row i's top). */
function lastAtOrBefore(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
