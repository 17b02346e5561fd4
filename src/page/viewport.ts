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

/** The element a text node is laid out in (its block, whose box stands for the node's). */
function boxOf(node: Text): Element | null {
  return node.parentElement;
}

/**
 * Where the chunks sit, read from the boxes of each chunk's first and last text nodes. Read before GovLens
 * changes anything on the page, at document_idle, when the browser has laid the page out: the reads cost
 * 1–3 ms on the seeds and 6–10 ms on the 1 MB page (first read) on a slow machine. An IntersectionObserver
 * avoided forcing layout but waited two or three frames (25–45 ms) for its first report before any chunk
 * could be repaired.
 */
export function readingOrder(doc: Document, chunks: readonly Chunk[]): ReadingOrder {
  const view = doc.defaultView;
  if (!view || doc.visibilityState === 'hidden' || chunks.length < 2) return documentOrder(chunks);
  const band = view.innerHeight * (1 + SCREENS_BELOW);
  const extents = chunks.map((c): Extent => {
    let extent: Extent = null;
    for (const node of [c.nodes[0], c.nodes[c.nodes.length - 1]]) {
      const r = node && boxOf(node)?.getBoundingClientRect();
      if (!r || (!r.width && !r.height)) continue;
      extent = extent ? { top: Math.min(extent.top, r.top), bottom: Math.max(extent.bottom, r.bottom) } : { top: r.top, bottom: r.bottom };
    }
    return extent;
  });
  // Nothing laid out (a page that renders later): the opening stands in for the viewport.
  return extents.some(Boolean) ? orderByDistance(extents, band) : documentOrder(chunks);
}
