import type { LayerKind } from '../shared/messages';
import { LAYER_COLORS } from '../ui/common/colors';
import { UI_HOST_ATTR } from './skip';

/** Calm colours that keep the text readable; the popup legend uses the same table. */
export const LAYER_STYLES: Record<LayerKind, string> = {
  fix: 'text-decoration: underline dotted #2f7d6d 2px; text-underline-offset: 3px;',
  suggestion: 'text-decoration: underline wavy #c77d1a 1px; text-underline-offset: 3px; background-color: rgba(255, 196, 92, 0.18);',
  'figure-achieved': 'background-color: rgba(64, 160, 120, 0.20);',
  'figure-target': 'background-color: rgba(80, 130, 220, 0.22);',
  'figure-date': 'color: inherit; text-decoration: underline solid rgba(120,120,120,0.35) 1px;',
  term: 'background-color: rgba(200, 150, 40, 0.22); text-decoration: underline solid rgba(170, 120, 20, 0.6) 1px;',
  user: 'background-color: rgba(255, 230, 0, 0.45);',
  // The pledge colour of the popup's legend (an underline: pledges are long and hold figures and terms).
  pledge: `text-decoration: underline double ${LAYER_COLORS.pledge} 1px; text-underline-offset: 4px;`,
};

/** Later layers paint over earlier ones. */
const PRIORITY: Record<LayerKind, number> = {
  'figure-date': 0, pledge: 1, term: 2, 'figure-achieved': 3, 'figure-target': 3, fix: 4, suggestion: 5, user: 6,
};

const name = (layer: LayerKind) => `govlens-${layer}`;

export function highlightApiAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/**
 * Page highlights through the CSS Custom Highlight API: no wrapper elements,
 * so the page's DOM, listeners and layout stay as they were.
 */
export class HighlightLayers {
  private highlights = new Map<LayerKind, Highlight>();
  private ranges = new Map<LayerKind, Range[]>();
  private visible = new Set<LayerKind>(Object.keys(LAYER_STYLES) as LayerKind[]);
  private style: HTMLStyleElement | null = null;

  constructor(private doc: Document) {}

  install(): void {
    if (this.style || !highlightApiAvailable()) return;
    const css = (Object.keys(LAYER_STYLES) as LayerKind[]).map((l) => `::highlight(${name(l)}) { ${LAYER_STYLES[l]} }`).join('\n');
    this.style = this.doc.createElement('style');
    this.style.setAttribute(UI_HOST_ATTR, 'highlights');
    this.style.textContent = css;
    (this.doc.head ?? this.doc.documentElement).appendChild(this.style);
  }

  /** Starts a repaint: empties the given layers, or all (they fill again through add()). */
  reset(only?: LayerKind[]): void {
    for (const layer of only ?? (Object.keys(LAYER_STYLES) as LayerKind[])) {
      this.ranges.set(layer, []);
      this.highlight(layer)?.clear();
    }
  }

  /** Adds one range; the browser paints it with the next frame, so long pages fill in progressively. */
  add(layer: LayerKind, range: Range): void {
    this.ranges.get(layer)?.push(range) ?? this.ranges.set(layer, [range]);
    this.highlight(layer)?.add(range);
  }

  set(layer: LayerKind, ranges: Range[]): void {
    this.ranges.set(layer, [...ranges]);
    const h = this.highlight(layer);
    if (!h) return;
    h.clear();
    for (const r of ranges) h.add(r);
  }

  get(layer: LayerKind): Range[] {
    return this.ranges.get(layer) ?? [];
  }

  isVisible(layer: LayerKind): boolean {
    return this.visible.has(layer);
  }

  setVisible(layer: LayerKind, on: boolean): void {
    if (on) this.visible.add(layer);
    else this.visible.delete(layer);
    if (!highlightApiAvailable()) return;
    const h = this.highlight(layer);
    if (on && h) CSS.highlights.set(name(layer), h);
    else CSS.highlights.delete(name(layer));
  }

  visibility(): Record<LayerKind, boolean> {
    const out = {} as Record<LayerKind, boolean>;
    for (const l of Object.keys(LAYER_STYLES) as LayerKind[]) out[l] = this.visible.has(l);
    return out;
  }

  /** The registered Highlight of a layer, created on first use. */
  private highlight(layer: LayerKind): Highlight | null {
    if (!highlightApiAvailable()) return null;
    let h = this.highlights.get(layer);
    if (!h) {
      h = new Highlight();
      h.priority = PRIORITY[layer];
      this.highlights.set(layer, h);
      if (this.visible.has(layer)) CSS.highlights.set(name(layer), h);
    }
    return h;
  }

  dispose(): void {
    if (highlightApiAvailable()) for (const l of this.highlights.keys()) CSS.highlights.delete(name(l));
    this.highlights.clear();
    this.ranges.clear();
    this.style?.remove();
    this.style = null;
  }
}
