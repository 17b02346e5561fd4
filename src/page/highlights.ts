import type { LayerKind } from '../shared/messages';
import { highlightVariant, highlightWash, LAYER_ORDER, layerPaintCss, paintCss, PALETTE, type RepairMarks } from '../ui/common/colors';
import { UI_HOST_ATTR } from './skip';

/** Later layers paint over earlier ones. */
const PRIORITY: Record<LayerKind, number> = {
  'figure-date': 0, pledge: 1, term: 2, 'figure-achieved': 3, 'figure-target': 3, fix: 4, suggestion: 5, shared: 6, user: 7,
};

/**
 * The registered name of a layer's highlight. The reader's layer has one
 * highlight per colour (`govlens-user-blue`), so each colour is painted as
 * itself; the other layers have one each (`govlens-term`).
 */
export function highlightName(layer: LayerKind, variant?: string): string {
  return variant ? `govlens-${layer}-${variant}` : `govlens-${layer}`;
}

export function highlightApiAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/** The ::highlight() rules of every layer, with the colours of src/ui/common/colors.ts. */
export function highlightCss(repairMarks: RepairMarks, userVariants: Iterable<[string, string]>): string {
  const rules = LAYER_ORDER.filter((l) => l !== 'user').map((l) => `::highlight(${highlightName(l)}) { ${layerPaintCss(l, { repairMarks })} }`);
  for (const [variant, color] of userVariants) rules.push(`::highlight(${highlightName('user', variant)}) { ${paintCss({ wash: highlightWash(color) }, PALETTE.user.ink.light)} }`);
  return rules.join('\n');
}

/**
 * Page highlights through the CSS Custom Highlight API: no wrapper elements,
 * so the page's DOM, listeners and layout stay as they were.
 */
export class HighlightLayers {
  /** One Highlight per layer and variant, keyed by its registered name. */
  private highlights = new Map<string, { layer: LayerKind; highlight: Highlight }>();
  private ranges = new Map<LayerKind, Range[]>();
  private visible = new Set<LayerKind>(LAYER_ORDER);
  private style: HTMLStyleElement | null = null;
  /** Colours of the reader's layer seen so far: variant → stored colour. */
  private userVariants = new Map<string, string>();
  repairMarks: RepairMarks = 'quiet';

  constructor(private doc: Document) {}

  install(): void {
    if (this.style || !highlightApiAvailable()) return;
    this.style = this.doc.createElement('style');
    this.style.setAttribute(UI_HOST_ATTR, 'highlights');
    this.writeCss();
    (this.doc.head ?? this.doc.documentElement).appendChild(this.style);
  }

  private writeCss(): void {
    if (this.style) this.style.textContent = highlightCss(this.repairMarks, this.userVariants);
  }

  /** Repair marks faint (the default) or in full. */
  setRepairMarks(marks: RepairMarks): void {
    this.repairMarks = marks;
    this.writeCss();
  }

  /** Starts a repaint: empties the given layers, or all (they fill again through add()). */
  reset(only?: LayerKind[]): void {
    const layers = only ?? LAYER_ORDER;
    for (const layer of layers) this.ranges.set(layer, []);
    for (const { layer, highlight } of this.highlights.values()) if (layers.includes(layer)) highlight.clear();
  }

  /**
   * Adds one range; the browser paints it with the next frame, so long pages
   * fill in progressively. `color` is the stored colour of a reader's highlight.
   */
  add(layer: LayerKind, range: Range, color?: string): void {
    this.ranges.get(layer)?.push(range) ?? this.ranges.set(layer, [range]);
    this.highlight(layer, layer === 'user' ? this.userVariant(color ?? '') : undefined)?.add(range);
  }

  set(layer: LayerKind, ranges: Range[]): void {
    this.reset([layer]);
    for (const r of ranges) this.add(layer, r);
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
    for (const [name, h] of this.highlights) {
      if (h.layer !== layer) continue;
      if (on) CSS.highlights.set(name, h.highlight);
      else CSS.highlights.delete(name);
    }
  }

  visibility(): Record<LayerKind, boolean> {
    const out = {} as Record<LayerKind, boolean>;
    for (const l of LAYER_ORDER) out[l] = this.visible.has(l);
    return out;
  }

  /** The variant a reader's colour is painted under; a colour not seen before gets its CSS rule now. */
  private userVariant(color: string): string {
    const variant = highlightVariant(color);
    if (!this.userVariants.has(variant)) {
      this.userVariants.set(variant, color);
      this.writeCss();
    }
    return variant;
  }

  /** The registered Highlight of a layer (and variant), created on first use. */
  private highlight(layer: LayerKind, variant?: string): Highlight | null {
    if (!highlightApiAvailable()) return null;
    const name = highlightName(layer, variant);
    let h = this.highlights.get(name);
    if (!h) {
      h = { layer, highlight: new Highlight() };
      h.highlight.priority = PRIORITY[layer];
      this.highlights.set(name, h);
      if (this.visible.has(layer)) CSS.highlights.set(name, h.highlight);
    }
    return h.highlight;
  }

  dispose(): void {
    if (highlightApiAvailable()) for (const name of this.highlights.keys()) CSS.highlights.delete(name);
    this.highlights.clear();
    this.ranges.clear();
    this.style?.remove();
    this.style = null;
  }
}
