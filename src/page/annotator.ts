import { h, render } from 'preact';
import { anchor, describe } from '../core/anchoring';
import { SelectionToolbar } from '../ui/page';
import type { AnnotationRecord, SharedNote } from '../shared/messages';
import type { AnnotationPatch } from '../storage/repo';
import { toBackground, toBackgroundReliably } from '../shared/messaging';
import type { Engine } from './engine';
import type { Mark } from './marks';
import { uiHostOf } from './ui-host';

/** Annotations per message when a page loads its report's (see load). */
const LIST_PAGE = 500;

/** Rough quote length below which context must agree before trusting a match. */
const ANCHOR_MIN_SCORE = 0.6;

/**
 * The reader's highlights and notes on this page: the selection toolbar,
 * saving through the background, and re-anchoring on every visit against
 * the canonical (repaired) text, whichever view the reader selected in.
 */
export class Annotator {
  records: AnnotationRecord[] = [];
  anchored = new Map<string, { start: number; end: number }>();
  /** Notes of the reader's read-only sources (a teacher's folder) on this page, and where they anchored. */
  shared: SharedNote[] = [];
  sharedAnchored = new Map<string, { start: number; end: number }>();
  reportId: string | null = null;
  /** Told when a save, change or delete could not be made, with a way to try again. The reader must hear of it. */
  onWriteFailed?: (error: unknown, retry: () => void, note: string) => void;
  private cleanup: Array<() => void> = [];
  private anchorRuns = 0;
  private paintRuns = 0;
  /** Bumped by every write here, so a list fetched meanwhile is fetched again (it may lack the write). */
  private writes = 0;

  /** The address highlights are saved under; follows single-page navigation. */
  constructor(private engine: Engine, private mount: HTMLElement, public pageUrl: string) {}

  get orphans(): AnnotationRecord[] {
    return this.records.filter((r) => !this.anchored.has(r.id));
  }

  async load(reportId: string): Promise<void> {
    this.reportId = reportId;
    const sharedNotes = toBackground('shared:for-page', {}).catch(() => [] as SharedNote[]);
    let records: AnnotationRecord[];
    let seen: number;
    do {
      seen = this.writes;
      records = [];
      // In pages: one message of ten thousand records takes one long task to decode.
      for (;;) {
        const last = records[records.length - 1];
        const page = await toBackground('annotation:list', { reportId, limit: LIST_PAGE, ...(last ? { after: { createdAt: last.createdAt, id: last.id } } : {}) });
        records.push(...page);
        if (page.length < LIST_PAGE) break;
      }
    } while (seen !== this.writes);
    this.records = records;
    this.shared = await sharedNotes;
    await this.reanchor();
  }

  /**
   * Anchors every record in the current text; marks orphans (never deletes them). One
   * record at a time, yielding to the page whenever the task has run its budget, so ten
   * thousand notes never block the page for long; a newer run supersedes an older one.
   */
  async reanchor(): Promise<void> {
    const gen = ++this.anchorRuns;
    // Marks the start in the page's timeline (DevTools, `npm run bench`'s trace).
    performance.mark('govlens-anchor');
    const text = this.engine.page.text;
    const records = this.records;
    const slicer = this.engine.slicer;
    slicer.restart();
    const anchored = new Map<string, { start: number; end: number }>();
    const nowOrphan: string[] = [];
    const nowAnchored: string[] = [];
    for (const r of records) {
      const a = anchor(text, { quote: r.quote, position: r.position }, { minScore: ANCHOR_MIN_SCORE });
      if (a) {
        anchored.set(r.id, { start: a.start, end: a.end });
        if (r.orphan) nowAnchored.push(r.id);
      } else if (!r.orphan) nowOrphan.push(r.id);
      if (slicer.due()) {
        await slicer.yield('anchor');
        if (gen !== this.anchorRuns) return;
      }
    }
    // The read-only sources' notes, in the same slices; they are never orphan-marked (not the reader's).
    const sharedAnchored = new Map<string, { start: number; end: number }>();
    for (const n of this.shared) {
      const a = anchor(text, { quote: n.quote, position: n.position }, { minScore: ANCHOR_MIN_SCORE });
      if (a) sharedAnchored.set(n.key, { start: a.start, end: a.end });
      if (slicer.due()) {
        await slicer.yield('anchor');
        if (gen !== this.anchorRuns) return;
      }
    }
    // A phase boundary: what follows (orphan flags, ten thousand marks placed, the first
    // chunk's ranges) is a few milliseconds of its own, too many for a task's last moments.
    await slicer.yield('anchor');
    if (gen !== this.anchorRuns) return;
    // For `npm run bench`: the longest task anchoring took, next to the engine's own.
    this.engine.doc.documentElement.setAttribute('data-govlens-anchor-longest-ms', String(slicer.longest.anchor ?? 0));
    this.anchored = anchored;
    this.sharedAnchored = sharedAnchored;
    for (const r of records) r.orphan = !anchored.has(r.id);
    if (slicer.due()) {
      await slicer.yield('anchor');
      if (gen !== this.anchorRuns) return;
    }
    if (nowOrphan.length) await toBackground('annotation:mark-orphans', { ids: nowOrphan, orphan: true }).catch(() => undefined);
    if (nowAnchored.length) await toBackground('annotation:mark-orphans', { ids: nowAnchored, orphan: false }).catch(() => undefined);
    await this.paint();
  }

  /** Repaints the reader's highlights; the counts on <html> change once they are painted. */
  async paint(): Promise<void> {
    const marks: Mark[] = [];
    const slicer = this.engine.slicer;
    // Ten thousand marks are made over several tasks on a slow machine; a paint that started later (a
    // note added meanwhile) holds newer records, so this older one must not set its marks after it.
    const run = ++this.paintRuns;
    const { records, anchored } = this;
    for (const r of records) {
      const a = anchored.get(r.id);
      if (a) marks.push({ type: 'annotation', layer: 'user', start: a.start, end: a.end, record: r });
      if (slicer.due()) {
        await slicer.yield('anchor');
        if (run !== this.paintRuns) return;
      }
    }
    for (const n of this.shared) {
      const a = this.sharedAnchored.get(n.key);
      if (a) marks.push({ type: 'shared', layer: 'shared', start: a.start, end: a.end, note: n });
    }
    await this.engine.setAnnotationMarks(marks);
    const html = this.engine.doc.documentElement;
    html.setAttribute('data-govlens-annotations', String(this.anchored.size));
    html.setAttribute('data-govlens-orphans', String(this.records.length - this.anchored.size));
    html.setAttribute('data-govlens-shared', String(this.sharedAnchored.size));
  }

  install(): void {
    const doc = this.engine.doc;
    const onUp = (e: MouseEvent) => {
      // A click in our own UI: its shadow root is closed, so a document listener sees only the host.
      if (e.composedPath().includes(uiHostOf(this.mount))) return;
      setTimeout(() => this.offerToolbar(), 0);
    };
    doc.addEventListener('mouseup', onUp);
    this.cleanup.push(() => doc.removeEventListener('mouseup', onUp));
  }

  /** The current selection as canonical page positions, if it lies in the report text. */
  selectionRange(): { start: number; end: number; rect: DOMRect; text: string } | null {
    const sel = this.engine.doc.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
    const range = sel.getRangeAt(0);
    const start = this.pointPosition(range.startContainer, range.startOffset, 'start');
    const end = this.pointPosition(range.endContainer, range.endOffset, 'end');
    if (start === null || end === null || end <= start) return null;
    return { start, end, rect: range.getBoundingClientRect(), text: range.toString() };
  }

  /** Resolves element-level boundaries (triple-click selects whole paragraphs) to our text nodes. */
  private pointPosition(node: Node, offset: number, side: 'start' | 'end'): number | null {
    if (node.nodeType === Node.TEXT_NODE) return this.engine.page.positionOf(node, offset);
    const doc = this.engine.doc;
    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    const child = node.childNodes[offset] ?? null;
    walker.currentNode = child ?? node;
    if (side === 'start') {
      for (let n: Node | null = child ?? walker.nextNode(); n; n = walker.nextNode()) if (n.nodeType === Node.TEXT_NODE && this.engine.page.has(n)) return this.engine.page.positionOf(n, 0);
    } else {
      for (let n: Node | null = walker.previousNode(); n; n = walker.previousNode()) if (this.engine.page.has(n)) return this.engine.page.positionOf(n, (n as Text).length);
    }
    return null;
  }

  offerToolbar(initialMode: 'buttons' | 'note' = 'buttons'): void {
    const sel = this.selectionRange();
    if (!sel) {
      if (initialMode === 'buttons') render(null, this.mount);
      return;
    }
    const close = () => render(null, this.mount);
    render(
      h(SelectionToolbar, {
        x: sel.rect.left + sel.rect.width / 2,
        y: sel.rect.bottom,
        anchorTop: sel.rect.top,
        quote: sel.text,
        initialMode,
        onHighlight: (color: string) => {
          void this.create(sel.start, sel.end, { note: '', tags: [], color });
          close();
        },
        onSaveNote: (v: { note: string; tags: string[]; color: string }) => {
          void this.create(sel.start, sel.end, v);
          close();
        },
        onClose: close,
      }),
      this.mount,
    );
  }

  async create(start: number, end: number, v: { note: string; tags: string[]; color: string }): Promise<AnnotationRecord | null> {
    if (!this.reportId) return null;
    const { quote, position } = describe(this.engine.page.text, start, end);
    const input = { id: pageUuid(), reportId: this.reportId, url: this.pageUrl, quote, position, note: v.note, tags: v.tags, color: v.color, origin: 'user' as const };
    const done = await this.write(() => toBackgroundReliably('annotation:add', input), () => void this.create(start, end, v), v.note);
    if (!done) return null;
    const saved = done.value;
    if (!this.records.some((r) => r.id === saved.id)) this.records.push(saved);
    this.anchored.set(saved.id, { start, end });
    this.engine.doc.getSelection()?.removeAllRanges();
    await this.paint();
    return saved;
  }

  async update(id: string, changes: AnnotationPatch): Promise<void> {
    const done = await this.write(() => toBackgroundReliably('annotation:update', { id, changes }), () => void this.update(id, changes), changes.note ?? '');
    if (!done) return;
    const updated = done.value;
    const i = this.records.findIndex((x) => x.id === id);
    if (i >= 0) this.records[i] = updated;
    await this.paint();
  }

  async remove(id: string): Promise<void> {
    if (!(await this.write(() => toBackgroundReliably('annotation:delete', { id }), () => void this.remove(id), ''))) return;
    this.records = this.records.filter((r) => r.id !== id);
    this.anchored.delete(id);
    await this.paint();
  }

  /** Copies a shared note into the reader's own notes, at the same place. */
  async copyShared(key: string): Promise<void> {
    const at = this.sharedAnchored.get(key);
    const done = await this.write(() => toBackground('shared:copy', { key }), () => void this.copyShared(key), '');
    if (!done) return;
    const saved = done.value;
    this.records.push(saved);
    if (at) this.anchored.set(saved.id, at);
    await this.paint();
  }

  /**
   * Runs one write through the background. A failure is never silent: the reader is told, keeps what
   * they typed (`note`), and can `retry`. Null when it failed; a successful write counts in `writes`
   * (a list load running meanwhile starts again).
   */
  private async write<T>(run: () => Promise<T>, retry: () => void, note: string): Promise<{ value: T } | null> {
    let value: T;
    try {
      value = await run();
    } catch (err) {
      this.onWriteFailed?.(err, retry, note);
      return null;
    }
    this.writes++;
    return { value };
  }

  /** Re-attaches an orphan to the current selection. */
  async reattach(id: string): Promise<boolean> {
    const sel = this.selectionRange();
    const r = this.records.find((x) => x.id === id);
    if (!sel || !r) return false;
    const { quote, position } = describe(this.engine.page.text, sel.start, sel.end);
    this.anchored.set(id, { start: sel.start, end: sel.end });
    await this.update(id, { quote, position, orphan: false });
    return true;
  }

  dispose(): void {
    for (const c of this.cleanup) c();
  }
}

/**
 * A random (v4) UUID. Not crypto.randomUUID(): it exists only in secure contexts, and
 * GovLens also runs on plain-http government sites.
 */
export function pageUuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
