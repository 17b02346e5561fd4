import { h, render } from 'preact';
import { Tooltip, type TooltipSubject } from '../ui/page';
import type { Engine } from './engine';
import { termFields } from './items';
import { caretAt, pointInRange } from './hit-test';
import { marksAt, type Mark } from './marks';
import { uiHostOf } from './ui-host';

export interface TooltipActions {
  saveDefinition(term: string, definition: string): void;
  savePledge(index: number): void;
  /** Whether the reader saved this page pledge already (the card then says so instead of offering Save). */
  isPledgeSaved(index: number): boolean;
  saveAnnotation(id: string, changes: { note: string; tags: string[]; color: string }): void;
  deleteAnnotation(id: string): void;
  copyShared(key: string): void;
}

const HIDE_DELAY_MS = 350;

/**
 * Shows a tooltip for the mark under the pointer or the one reached by the
 * keyboard. Highlights are not elements, so hovering is a hit test: caret
 * position under the pointer → page position → marks there.
 */
export class Tooltips {
  private current: Mark | null = null;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private cursor = -1;
  /** Opened from the keyboard: stays until Escape or another mark, whatever the pointer (or a scroll) does. */
  private pinned = false;
  private cleanup: Array<() => void> = [];

  constructor(private engine: Engine, private mount: HTMLElement, private actions: TooltipActions) {}

  /** The latest pointer move, handled once per frame. */
  private lastMove = { x: 0, y: 0, overTooltip: false };

  install(): void {
    const doc = this.engine.doc;
    const onMove = (e: MouseEvent) => {
      // composedPath() is empty once the event has been dispatched: read it now, not in the frame callback
      // (else the pointer on the card counted as off it, and the page text under the card took over).
      this.lastMove = { x: e.clientX, y: e.clientY, overTooltip: e.composedPath().includes(uiHostOf(this.mount)) };
      if (this.frame) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        const { x, y, overTooltip } = this.lastMove;
        this.hover(x, y, overTooltip);
      });
    };
    doc.addEventListener('mousemove', onMove, { passive: true });
    const onScroll = () => this.current && this.show(this.current, false, this.pinned);
    window.addEventListener('scroll', onScroll, { passive: true });
    this.cleanup.push(() => doc.removeEventListener('mousemove', onMove), () => window.removeEventListener('scroll', onScroll));
  }

  private hover(x: number, y: number, overTooltip: boolean): void {
    if (overTooltip) {
      clearTimeout(this.hideTimer);
      return;
    }
    const mark = this.markAt(x, y);
    if (mark && mark === this.current) {
      clearTimeout(this.hideTimer);
      return;
    }
    if (mark) {
      clearTimeout(this.hideTimer);
      this.show(mark, false);
    } else if (this.current && !this.pinned) {
      clearTimeout(this.hideTimer);
      this.hideTimer = setTimeout(() => this.hide(), HIDE_DELAY_MS);
    }
  }

  markAt(x: number, y: number): Mark | null {
    const caret = caretAt(this.engine.doc, x, y);
    if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
    const pos = this.engine.page.positionOf(caret.node, caret.offset);
    if (pos === null) return null;
    // The caret sits between two characters: find the one actually under the pointer.
    for (const c of [pos, pos - 1]) {
      const r = this.engine.page.range(this.engine.doc, c, c + 1);
      if (!r || !pointInRange(r, x, y)) continue;
      return marksAt(this.engine.marks, c, (l) => this.engine.layers.isVisible(l)).find((m) => this.engine.isPainted(m)) ?? null;
    }
    return null;
  }

  /** Moves keyboard focus to the next (or with -1 the previous) figure, term, repair or highlight and opens its tooltip. */
  next(step: 1 | -1 = 1): void {
    const marks = this.engine.marks
      .filter((m) => this.engine.layers.isVisible(m.layer) && m.layer !== 'figure-date' && this.engine.isPainted(m))
      .sort((a, b) => a.start - b.start);
    if (!marks.length) return;
    // From nothing, "previous" starts at the last mark.
    this.cursor = this.cursor < 0 && step < 0 ? marks.length - 1 : (this.cursor + step + marks.length) % marks.length;
    const mark = marks[this.cursor];
    const r = this.engine.page.range(this.engine.doc, mark.start, mark.end);
    const el = r?.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center' });
    this.show(mark, true);
  }

  show(mark: Mark, focus: boolean, pin = focus): void {
    const range = this.engine.page.range(this.engine.doc, mark.start, mark.end);
    if (!range) return;
    const rect = range.getBoundingClientRect();
    this.current = mark;
    this.pinned = pin;
    const subject = this.subject(mark);
    if (!subject) return;
    render(
      h(Tooltip, {
        subject,
        autoFocus: focus,
        x: rect.left + rect.width / 2,
        y: rect.bottom,
        anchorTop: rect.top,
        onClose: () => this.hide(),
        onSaveDefinition: (term: string, text: string) => this.actions.saveDefinition(term, text),
        onUndo: () => this.fixState(mark, 'undone'),
        onAccept: () => this.fixState(mark, 'accepted'),
        onDismiss: () => this.hide(),
        onSaveAnnotation: (id: string, changes: { note: string; tags: string[]; color: string }) => this.actions.saveAnnotation(id, changes),
        onDeleteAnnotation: (id: string) => {
          this.actions.deleteAnnotation(id);
          this.hide();
        },
        onSavePledge: () => mark.type === 'pledge' && this.actions.savePledge(mark.index),
        onCopyShared: (key: string) => {
          this.actions.copyShared(key);
          this.hide();
        },
      }),
      this.mount,
    );
  }

  private fixState(mark: Mark, state: 'undone' | 'accepted'): void {
    if (mark.type !== 'fix') return;
    this.engine.setFixState(mark.view, mark.fix, state);
    this.hide();
  }

  private subject(m: Mark): TooltipSubject | null {
    switch (m.type) {
      case 'figure':
        return { kind: 'figure', figure: m.figure };
      case 'term':
        return { kind: 'term', term: termFields(m.term) };
      case 'fix': {
        const f = this.engine.views[m.view].fixes[m.fix];
        const repair = { before: f.before, after: f.after, kind: f.kind, confidence: f.confidence };
        return f.state === 'suggested' ? { kind: 'suggestion', repair } : { kind: 'repair', repair };
      }
      case 'pledge': {
        const p = m.pledge;
        const figure = p.figure && { text: p.figure.text, value: p.figure.value, unit: p.figure.unit, kind: p.figure.kind };
        return { kind: 'pledge', pledge: { text: p.text, kind: p.kind, area: p.area, dueYear: p.dueYear, direction: p.direction, figure, savedId: this.actions.isPledgeSaved(m.index) ? 'saved' : undefined } };
      }
      case 'annotation':
        return { kind: 'user', annotation: m.record };
      case 'shared':
        return { kind: 'shared', note: m.note };
    }
  }

  /** Draws the open card again (its subject changed: a pledge was just saved). */
  refresh(): void {
    if (this.current) this.show(this.current, false, this.pinned);
  }

  hide(): void {
    clearTimeout(this.hideTimer);
    this.current = null;
    this.pinned = false;
    render(null, this.mount);
  }

  dispose(): void {
    this.hide();
    for (const c of this.cleanup) c();
  }
}
