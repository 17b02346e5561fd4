import type { Chunk } from './text-index';

/**
 * Which chunks the reader sees first: those in the viewport or within a
 * screen below it ("near"), then the rest by their distance from that band.
 * The engine repairs and marks the near chunks before anything else.
 */
export interface ReadingOrder {
  near: number[];
  rest: number[];
}

/** Screens below the viewport that count as near: the eyes get there within seconds. */
const SCREENS_BELOW = 1;
/** Longest wait for the browser to say where the chunks are (a hidden tab may never render). */
const WAIT_MS = 200;
/** Without positions, the opening characters stand in for the viewport and the screen below. */
const OPENING_CHARS = 6_000;

/** The order a page read from the top gets: near is its opening, the rest follows in document order. */
export function documentOrder(chunks: readonly Chunk[]): ReadingOrder {
  const near: number[] = [];
  let chars = 0;
  for (let i = 0; i < chunks.length && (chars < OPENING_CHARS || !near.length); i++) {
    near.push(i);
    chars += chunks[i].text.length;
  }
  return { near, rest: chunks.map((_, i) => i).slice(near.length) };
}

/** Vertical extent of a chunk in viewport coordinates, null when it is not laid out (hidden). */
export type Extent = { top: number; bottom: number } | null;

/**
 * Orders chunks by their extents: a chunk overlapping [0, band) is near, the
 * others follow by distance from the band (below it, or above the viewport
 * when the page was opened scrolled down), hidden ones last, each group in
 * document order when distances tie.
 */
export function orderByDistance(extents: readonly Extent[], band: number): ReadingOrder {
  const distance = extents.map((e) => (!e ? Infinity : e.bottom <= 0 ? -e.bottom : e.top >= band ? e.top - band : 0));
  const indices = extents.map((_, i) => i);
  const near = indices.filter((i) => distance[i] === 0);
  const rest = indices.filter((i) => distance[i] > 0).sort((a, b) => distance[a] - distance[b] || a - b);
  return near.length ? { near, rest } : { near: rest.slice(0, 1), rest: rest.slice(1) };
}

/** The element a text node is laid out in (its block, for an observer to report). */
function boxOf(node: Text): Element | null {
  return node.parentElement;
}

/**
 * Where the chunks sit, from an IntersectionObserver: its first report gives
 * every target's box, computed in the browser's own rendering step, so no
 * layout is forced from a GovLens task. Each chunk is represented by the
 * boxes of its first and last text nodes.
 */
export function readingOrder(doc: Document, chunks: readonly Chunk[]): Promise<ReadingOrder> {
  const view = doc.defaultView;
  if (!view || typeof IntersectionObserver === 'undefined' || doc.visibilityState === 'hidden' || chunks.length < 2) {
    return Promise.resolve(documentOrder(chunks));
  }
  const band = view.innerHeight * (1 + SCREENS_BELOW);
  const targets = new Map<Element, number[]>();
  chunks.forEach((c, i) => {
    for (const node of [c.nodes[0], c.nodes[c.nodes.length - 1]]) {
      const box = node && boxOf(node);
      if (box) targets.set(box, [...(targets.get(box) ?? []), i]);
    }
  });
  return new Promise((resolve) => {
    const extents: Extent[] = chunks.map(() => null);
    const seen = new Set<Element>();
    const finish = (order: ReadingOrder) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(order);
    };
    const observer = new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (seen.has(e.target)) continue;
        seen.add(e.target);
        const r = e.boundingClientRect;
        if (!r.width && !r.height) continue;
        for (const i of targets.get(e.target) ?? []) {
          const x = extents[i];
          extents[i] = x ? { top: Math.min(x.top, r.top), bottom: Math.max(x.bottom, r.bottom) } : { top: r.top, bottom: r.bottom };
        }
      }
      if (seen.size === targets.size) finish(orderByDistance(extents, band));
    });
    const timer = setTimeout(() => finish(documentOrder(chunks)), WAIT_MS);
    for (const el of targets.keys()) observer.observe(el);
  });
}
