import type { LayerKind, RepairMarks } from '../../shared/messages';

export type { RepairMarks };

/**
 * GovLens's one palette. Every colour the reader sees for a kind of mark is
 * defined here and nowhere else: the page's highlights (src/page/highlights.ts),
 * the tooltip borders (src/ui/page/styles.ts), the popup's key, the side
 * panel's key and table, the welcome page. tests/unit/ui-palette.test.ts
 * checks WCAG AA contrast on white and on a dark page.
 *
 * Each layer has an `ink` (a solid colour for keys, borders and stripes, one
 * for light and one for dark surfaces) and a `paint` (how the page text is
 * marked: a translucent wash under the text and/or a line under it). Washes
 * are translucent so that the page's own text colour shows through on light
 * and dark pages alike.
 */

export interface Ink {
  light: string;
  dark: string;
}

export interface Paint {
  /** Background under the text, `#rrggbb` plus its opacity. */
  wash?: { color: string; alpha: number };
  /** A line under the text, in the layer's ink at the given opacity. */
  line?: { style: 'solid' | 'double' | 'dotted' | 'wavy'; thickness: number; alpha: number; offset: number };
}

export interface LayerColor {
  ink: Ink;
  paint: Paint;
}

/**
 * Achieved figures green, targets blue (the split that matters most, and one
 * that red-green colour blindness keeps), terms orange, pledges purple,
 * repairs teal dotted, suggested repairs red wavy (like a spelling checker),
 * dates a faint grey line. The reader's own highlights use HIGHLIGHT_COLORS.
 */
export const PALETTE: Record<LayerKind, LayerColor> = {
  'figure-achieved': { ink: { light: '#1a7f37', dark: '#3fb950' }, paint: { wash: { color: '#2da44e', alpha: 0.22 } } },
  'figure-target': { ink: { light: '#0969da', dark: '#4493f8' }, paint: { wash: { color: '#218bff', alpha: 0.2 } } },
  'figure-date': { ink: { light: '#6e7781', dark: '#8b949e' }, paint: { line: { style: 'solid', thickness: 1, alpha: 0.45, offset: 3 } } },
  term: {
    ink: { light: '#bc4c00', dark: '#f0883e' },
    paint: { wash: { color: '#fb8f44', alpha: 0.15 }, line: { style: 'solid', thickness: 1, alpha: 1, offset: 3 } },
  },
  pledge: { ink: { light: '#8250df', dark: '#a371f7' }, paint: { line: { style: 'double', thickness: 1, alpha: 1, offset: 4 } } },
  fix: { ink: { light: '#1b7c83', dark: '#39c5cf' }, paint: { line: { style: 'dotted', thickness: 2, alpha: 1, offset: 3 } } },
  suggestion: {
    ink: { light: '#cf222e', dark: '#ff7b72' },
    paint: { wash: { color: '#ff8182', alpha: 0.12 }, line: { style: 'wavy', thickness: 1, alpha: 1, offset: 3 } },
  },
  user: { ink: { light: '#9a6700', dark: '#e3b341' }, paint: { wash: { color: '#ffd33d', alpha: 0.42 } } },
  // A read-only source's notes (a teacher's folder): a colour of their own, apart from the reader's highlights.
  shared: { ink: { light: '#bf3989', dark: '#f778ba' }, paint: { wash: { color: '#f778ba', alpha: 0.14 }, line: { style: 'solid', thickness: 2, alpha: 1, offset: 4 } } },
};

/**
 * Repair marks when the reader has not asked for them in full: a spun page
 * can have hundreds of repairs, and hundreds of strong underlines make the
 * text hard to read. A thin faint line still shows where GovLens changed a word.
 */
export const QUIET_FIX: Paint = { line: { style: 'dotted', thickness: 1, alpha: 0.45, offset: 3 } };

/** Layers in the order keys list them. */
export const LAYER_ORDER: LayerKind[] = ['figure-achieved', 'figure-target', 'figure-date', 'term', 'pledge', 'user', 'fix', 'suggestion', 'shared'];

/**
 * Colours offered for the reader's own highlights, stored by name in
 * AnnotationRecord.color. Each is painted on the page in its own colour.
 */
export const HIGHLIGHT_COLORS: Record<string, { color: string; alpha: number }> = {
  yellow: { color: '#ffd33d', alpha: 0.42 },
  green: { color: '#4ac26b', alpha: 0.35 },
  blue: { color: '#54aeff', alpha: 0.35 },
  pink: { color: '#ff80c8', alpha: 0.35 },
  purple: { color: '#c297ff', alpha: 0.35 },
};

export const DEFAULT_HIGHLIGHT = 'yellow';

/** `#rrggbb` (or `#rgb`) and an opacity as a CSS rgba() colour. */
export function rgba(hex: string, alpha: number): string {
  const [r, g, b] = hexToRgb(hex);
  return alpha >= 1 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

export function hexToRgb(hex: string): [number, number, number] {
  let h = hex.replace('#', '');
  if (h.length === 3 || h.length === 4) h = [...h.slice(0, 3)].map((c) => c + c).join('');
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** A stored colour value as a wash: a known name, else a hex colour at the default opacity, else the default. */
export function highlightWash(color: string): { color: string; alpha: number } {
  if (HIGHLIGHT_COLORS[color]) return HIGHLIGHT_COLORS[color];
  if (/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(color)) return { color, alpha: 0.4 };
  return HIGHLIGHT_COLORS[DEFAULT_HIGHLIGHT];
}

/** CSS colour of a stored highlight colour as the page paints it (for borders and swatches). */
export function highlightCss(color: string): string {
  const w = highlightWash(color);
  return rgba(w.color, w.alpha);
}

/** `color` at `alpha` laid over `under`, as an opaque `#rrggbb`. */
export function blend(color: string, alpha: number, under = '#ffffff'): string {
  const top = hexToRgb(color);
  const bottom = hexToRgb(under);
  return `#${top.map((c, i) => Math.round(c * alpha + bottom[i] * (1 - alpha)).toString(16).padStart(2, '0')).join('')}`;
}

/** A reader's colour as it looks on a white page: the fill of its swatch, the border of its cards. */
export function highlightSwatch(color: string): string {
  const w = highlightWash(color);
  return blend(w.color, w.alpha);
}

/**
 * The highlight variant a stored colour is painted under: its name when it is
 * a palette colour, else `c` + the hex digits. Safe in a CSS identifier.
 */
export function highlightVariant(color: string): string {
  if (HIGHLIGHT_COLORS[color]) return color;
  if (/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(color)) return `c${color.slice(1).toLowerCase()}`;
  return DEFAULT_HIGHLIGHT;
}

/** CSS declarations that paint a mark: the same text for ::highlight() rules and for the samples in keys. */
export function paintCss(paint: Paint, ink: string): string {
  const out: string[] = [];
  if (paint.wash) out.push(`background-color: ${rgba(paint.wash.color, paint.wash.alpha)};`);
  if (paint.line) {
    const l = paint.line;
    out.push(`text-decoration: underline ${l.style} ${rgba(ink, l.alpha)} ${l.thickness}px;`, `text-underline-offset: ${l.offset}px;`);
  }
  return out.join(' ');
}

/**
 * The paint of a layer. On the page the light ink is used whatever the
 * browser's theme (report sites are light even in dark mode); keys on a dark
 * surface ask for the dark ink.
 */
export function layerPaintCss(layer: LayerKind, options: { repairMarks?: RepairMarks; dark?: boolean } = {}): string {
  const { ink, paint } = PALETTE[layer];
  const p = layer === 'fix' && options.repairMarks !== 'full' ? QUIET_FIX : paint;
  return paintCss(p, options.dark ? ink.dark : ink.light);
}

/**
 * CSS for extension pages (popup, side panel, welcome, options) and the
 * in-page cards: `--gl-ink-<layer>` variables for each theme, and
 * `.gl-sample-<layer>` classes that paint a key's sample exactly as the page
 * paints the mark.
 */
export function paletteCss(scope = ':root'): string {
  const vars = (dark: boolean) => LAYER_ORDER.map((l) => `--gl-ink-${l}: ${dark ? PALETTE[l].ink.dark : PALETTE[l].ink.light};`).join(' ');
  const samples = (dark: boolean) =>
    [
      ...LAYER_ORDER.map((l) => `.gl-sample-${l} { ${layerPaintCss(l, { dark, repairMarks: 'full' })} }`),
      `.gl-sample-fix.gl-quiet { ${layerPaintCss('fix', { dark })} }`,
    ].join('\n');
  return `${scope} { ${vars(false)} }\n${samples(false)}\n@media (prefers-color-scheme: dark) {\n${scope} { ${vars(true)} }\n${samples(true)}\n}`;
}
