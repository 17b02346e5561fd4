import type { LayerKind } from '../../shared/messages';

/**
 * Colours of the page layers, shared by the popup legend and the in-page
 * styles so what the legend promises is what the page shows. Chosen to stay
 * readable as translucent backgrounds on white and to differ for the common
 * forms of colour blindness (blue/orange carry the achieved/target split).
 */
export const LAYER_COLORS: Record<LayerKind, string> = {
  'figure-achieved': '#2b7bb9',
  'figure-target': '#e08a00',
  'figure-date': '#7a8793',
  term: '#8a4fbf',
  user: '#f2c200',
  pledge: '#c2410c',
  fix: '#1c9b76',
  suggestion: '#d14d72',
  shared: '#0f9aa8',
};

/** Layers in the order the popup lists them. */
export const LAYER_ORDER: LayerKind[] = ['figure-achieved', 'figure-target', 'figure-date', 'term', 'user', 'pledge', 'fix', 'suggestion', 'shared'];

/** Highlight colours offered for the user's own highlights. Stored by name in AnnotationRecord.color. */
export const HIGHLIGHT_COLORS: Record<string, string> = {
  yellow: '#ffe066',
  green: '#a7e3a1',
  blue: '#a5d0f5',
  pink: '#f7b4cf',
  purple: '#d3bdf2',
};

export const DEFAULT_HIGHLIGHT = 'yellow';

/** CSS colour for a stored colour value: a known name, else the value itself if it looks like a hex colour. */
export function highlightCss(color: string): string {
  if (HIGHLIGHT_COLORS[color]) return HIGHLIGHT_COLORS[color];
  return /^#[0-9a-f]{3,8}$/i.test(color) ? color : HIGHLIGHT_COLORS[DEFAULT_HIGHLIGHT];
}
