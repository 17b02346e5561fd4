import { display, fixesFromRepair, type Display, type Fix } from '../core/fix-set';
import type { RepairResult } from '../core/repair/pipeline';
import type { Chunk } from './text-index';

/** A chunk plus its fixes and what is currently written into its nodes. */
export class ChunkView {
  fixes: Fix[] = [];
  /** The automatic repair result: the stable text that extraction and anchoring use. */
  canonical!: Display;
  /** What the nodes show now (original, repaired, or repaired with some fixes undone). */
  shown!: Display;
  /** Displayed range of each node within `shown.text`. */
  nodeRanges: Array<{ start: number; end: number }> = [];

  constructor(readonly chunk: Chunk) {
    this.canonical = display(chunk.text, [], false);
    this.layout(false);
  }

  setRepair(result: RepairResult): void {
    this.fixes = fixesFromRepair(this.chunk.text, result);
    // A fix that spans the '\n' between two blocks cannot be written to any node.
    this.fixes = this.fixes.filter((f) => !this.chunk.text.slice(f.origStart, f.origEnd).includes('\n') || this.withinOneNode(f));
    this.canonical = display(this.chunk.text, this.fixes, true);
  }

  /**
   * The page itself rewrote one of our nodes: its new text becomes that
   * node's original (so restoring never brings back stale text). The caller
   * repairs the chunk again.
   */
  adoptPageText(node: Text): boolean {
    const i = this.chunk.nodes.indexOf(node);
    if (i < 0) return false;
    const { chunk } = this;
    const separators = this.separatorBefore;
    chunk.originals[i] = node.nodeValue ?? '';
    let text = '';
    chunk.starts = chunk.originals.map((value, k) => {
      // Keep the block separators where they were.
      if (separators[k]) text += '\n';
      const start = text.length;
      text += value;
      return start;
    });
    chunk.text = text;
    this.fixes = [];
    this.canonical = display(text, [], false);
    return true;
  }

  /**
   * The page removed some of this chunk's nodes but not all (a clock replaced next to report text that
   * arrived in the same batch): the chunk keeps the others, each with its original. The caller repairs
   * the chunk again.
   */
  dropDetached(): boolean {
    const { chunk } = this;
    const connected = chunk.nodes.map((n) => n.isConnected);
    if (connected.every(Boolean) || !connected.some(Boolean)) return false;
    const separators = this.separatorBefore;
    const nodes: Text[] = [];
    const originals: string[] = [];
    const starts: number[] = [];
    let text = '';
    let breakBefore = false;
    chunk.nodes.forEach((node, k) => {
      breakBefore ||= separators[k];
      if (!connected[k]) return;
      // A block break between two kept nodes stays, whichever node it stood before.
      if (breakBefore && nodes.length) text += '\n';
      breakBefore = false;
      nodes.push(node);
      originals.push(chunk.originals[k]);
      starts.push(text.length);
      text += chunk.originals[k];
    });
    chunk.nodes.splice(0, chunk.nodes.length, ...nodes);
    chunk.originals.splice(0, chunk.originals.length, ...originals);
    chunk.starts = starts;
    chunk.text = text;
    this.fixes = [];
    this.canonical = display(text, [], false);
    return true;
  }

  /** Whether a '\n' block separator precedes node k in the joined text. */
  private get separatorBefore(): boolean[] {
    const { starts, originals } = this.chunk;
    return starts.map((s, k) => k > 0 && s > starts[k - 1] + originals[k - 1].length);
  }

  /** Canonical (repaired) position → position in what is shown now. */
  toShown(pos: number, bias: 'start' | 'end'): number {
    return this.shown.map.toRepaired(this.canonical.map.toOriginal(pos, bias), bias);
  }

  /** Shown position → canonical position. */
  toCanonical(pos: number, bias: 'start' | 'end'): number {
    return this.canonical.map.toRepaired(this.shown.map.toOriginal(pos, bias), bias);
  }

  private withinOneNode(f: Fix): boolean {
    const { starts, originals } = this.chunk;
    return starts.some((s, i) => s <= f.origStart && f.origEnd <= s + originals[i].length);
  }

  /** Recomputes the displayed text and node ranges for the given mode. */
  layout(repaired: boolean): void {
    this.shown = display(this.chunk.text, this.fixes, repaired);
    const { starts, originals } = this.chunk;
    this.nodeRanges = starts.map((s, i) => ({
      // 'end' bias on both sides: a fix crossing a node boundary belongs wholly to the node where it starts.
      start: s === 0 ? 0 : this.shown.map.toRepaired(s, 'end'),
      end: this.shown.map.toRepaired(s + originals[i].length, 'end'),
    }));
  }

  /** Writes the current layout into the DOM. Returns the number of nodes changed. */
  write(): number {
    let changed = 0;
    this.chunk.nodes.forEach((node, i) => {
      const r = this.nodeRanges[i];
      const value = this.shown.text.slice(r.start, r.end);
      if (node.nodeValue !== value) {
        node.nodeValue = value;
        changed++;
      }
    });
    return changed;
  }

  /** Node and offset for a position in the displayed chunk text (end-exclusive positions map to the earlier node). */
  locate(pos: number, preferEnd = false): { node: Text; offset: number } | null {
    const ranges = this.nodeRanges;
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = ranges[mid];
      if (pos < r.start) hi = mid - 1;
      else if (pos > r.end || (pos === r.end && !preferEnd && mid + 1 < ranges.length && ranges[mid + 1].start === pos)) lo = mid + 1;
      else return { node: this.chunk.nodes[mid], offset: pos - r.start };
    }
    return null;
  }
}

/** The whole page text as the concatenation of its chunks, for extraction and anchoring. */
export class PageText {
  /** The canonical (repaired) text of every chunk, one per line, folded by `fold` if set. */
  text = '';
  offsets: number[] = [];
  /**
   * A length-preserving fold of the text: with Traditional output it maps the
   * characters back to Simplified, so figures, terms and highlights are read
   * and anchored the same whichever script the page shows.
   */
  fold: ((text: string) => string) | undefined;

  constructor(
    readonly views: ChunkView[],
    fold?: (text: string) => string,
  ) {
    this.fold = fold;
    this.refresh();
  }

  refresh(): void {
    const parts: string[] = [];
    this.offsets = [];
    let pos = 0;
    for (const v of this.views) {
      this.offsets.push(pos);
      parts.push(v.canonical.text);
      pos += v.canonical.text.length + 1;
    }
    const text = parts.join('\n');
    this.text = this.fold ? this.fold(text) : text;
    this.reindex();
  }

  /**
   * A DOM Range for [start, end) of the page text, or null if it cannot be located. It may
   * span chunks (a highlight over two paragraphs): it starts in one chunk's nodes and ends
   * in another's, and the separator between them is not on the page.
   */
  range(doc: Document, start: number, end: number): Range | null {
    const ci = this.chunkAt(start);
    const cj = end > start ? this.chunkAt(end - 1) : ci;
    if (ci < 0 || cj < ci) return null;
    const view = this.views[ci];
    const last = this.views[cj];
    // An end on the separator after a chunk (a quote taken to the end of its line) is that chunk's end.
    const endInChunk = Math.min(end - this.offsets[cj], last.canonical.text.length);
    const a = view.locate(view.toShown(start - this.offsets[ci], 'start'));
    const b = last.locate(last.toShown(endInChunk, 'end'), true);
    if (!a || !b) return null;
    const r = doc.createRange();
    try {
      r.setStart(a.node, Math.min(a.offset, a.node.length));
      r.setEnd(b.node, Math.min(b.offset, b.node.length));
    } catch {
      return null;
    }
    // An end before the start (chunks out of document order) collapses the range: nothing to show.
    return r.collapsed && end > start ? null : r;
  }

  chunkAt(pos: number): number {
    let lo = 0;
    let hi = this.offsets.length - 1;
    let idx = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.offsets[mid] <= pos) {
        idx = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return idx;
  }

  /** Page-text (canonical) position of a DOM point, if the node is one of ours. */
  positionOf(node: Node, offset: number): number | null {
    const at = this.nodeIndex.get(node as Text);
    if (!at) return null;
    const v = this.views[at.ci];
    return this.offsets[at.ci] + v.toCanonical(v.nodeRanges[at.ni].start + offset, 'start');
  }

  private nodeIndex = new Map<Text, { ci: number; ni: number }>();

  private reindex(): void {
    this.nodeIndex.clear();
    this.views.forEach((v, ci) => v.chunk.nodes.forEach((n, ni) => this.nodeIndex.set(n, { ci, ni })));
  }

  has(node: Node): boolean {
    return this.nodeIndex.has(node as Text);
  }
}
