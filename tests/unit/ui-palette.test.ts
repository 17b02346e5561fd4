import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HIGHLIGHT_COLORS, LAYER_ORDER, PALETTE, QUIET_FIX, layerPaintCss, paletteCss, highlightVariant } from '../../src/ui/common/colors';
import { contrast, over } from '../../src/ui/common/contrast';
import { highlightCss, highlightName } from '../../src/page/highlights';
import { PAGE_UI_CSS } from '../../src/ui/page/styles';

/** The surfaces GovLens draws on: a white report page, a dark page, and the extension's own dark panel and card. */
const WHITE = '#ffffff';
const DARK_PAGE = '#0d1117';
const DARK_PANEL = '#161b22';
const DARK_CARD = '#1c2128';
const TEXT_ON_LIGHT = '#1f2328';
const TEXT_ON_DARK = '#e6edf3';
const AA_TEXT = 4.5;
const AA_NON_TEXT = 3;

const washes = [
  ...LAYER_ORDER.filter((l) => PALETTE[l].paint.wash).map((l) => [l, PALETTE[l].paint.wash!] as const),
  ...Object.entries(HIGHLIGHT_COLORS).map(([name, w]) => [`user:${name}`, w] as const),
];

describe('palette contrast (WCAG AA)', () => {
  it('keeps page text readable under every wash, on a white page and on a dark one', () => {
    const rows = washes.map(([name, w]) => ({
      name,
      light: contrast(TEXT_ON_LIGHT, over(w.color, w.alpha, WHITE)),
      dark: contrast(TEXT_ON_DARK, over(w.color, w.alpha, DARK_PAGE)),
    }));
    console.table(rows.map((r) => ({ wash: r.name, 'text on white': r.light.toFixed(2), 'text on dark': r.dark.toFixed(2) })));
    for (const r of rows) {
      expect(r.light, `${r.name} on white`).toBeGreaterThanOrEqual(AA_TEXT);
      expect(r.dark, `${r.name} on dark`).toBeGreaterThanOrEqual(AA_TEXT);
    }
  });

  it('draws each ink (keys, card borders, table stripes) at text contrast on white and on the dark panel and card', () => {
    const rows = LAYER_ORDER.map((l) => ({
      layer: l,
      white: contrast(PALETTE[l].ink.light, WHITE),
      panel: contrast(PALETTE[l].ink.dark, DARK_PANEL),
      card: contrast(PALETTE[l].ink.dark, DARK_CARD),
    }));
    console.table(rows.map((r) => ({ layer: r.layer, 'light ink on white': r.white.toFixed(2), 'dark ink on panel': r.panel.toFixed(2), 'dark ink on card': r.card.toFixed(2) })));
    for (const r of rows) {
      expect(r.white, `${r.layer} on white`).toBeGreaterThanOrEqual(AA_TEXT);
      expect(r.panel, `${r.layer} on dark panel`).toBeGreaterThanOrEqual(AA_TEXT);
      expect(r.card, `${r.layer} on dark card`).toBeGreaterThanOrEqual(AA_TEXT);
    }
  });

  it('draws full-strength lines under text at 3:1 on white and dark pages (faint repair marks and dates are faint on purpose)', () => {
    for (const l of LAYER_ORDER) {
      const line = PALETTE[l].paint.line;
      if (!line || l === 'figure-date') continue;
      const ink = PALETTE[l].ink.light;
      expect(contrast(over(ink, line.alpha, WHITE), WHITE), `${l} line on white`).toBeGreaterThanOrEqual(AA_NON_TEXT);
      expect(contrast(over(ink, line.alpha, DARK_PAGE), DARK_PAGE), `${l} line on dark`).toBeGreaterThanOrEqual(AA_NON_TEXT);
    }
    // Faint is still fainter than full, and still there.
    expect(QUIET_FIX.line!.alpha).toBeLessThan(PALETTE.fix.paint.line!.alpha);
    expect(QUIET_FIX.line!.alpha).toBeGreaterThan(0);
  });
});

describe('one palette, used everywhere', () => {
  it('paints every page layer with the palette, and each reader colour in its own colour', () => {
    const css = highlightCss('full', Object.keys(HIGHLIGHT_COLORS).map((c) => [highlightVariant(c), c]));
    for (const l of LAYER_ORDER.filter((l) => l !== 'user')) expect(css).toContain(`::highlight(${highlightName(l)}) { ${layerPaintCss(l, { repairMarks: 'full' })} }`);
    for (const [name, w] of Object.entries(HIGHLIGHT_COLORS)) {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(w.color.slice(i, i + 2), 16));
      expect(css).toContain(`::highlight(${highlightName('user', name)}) { background-color: rgba(${r}, ${g}, ${b}, ${w.alpha}); }`);
    }
    // Faint repair marks by default.
    expect(highlightCss('quiet', [])).toContain(`::highlight(govlens-fix) { ${layerPaintCss('fix', { repairMarks: 'quiet' })} }`);
    expect(layerPaintCss('fix', { repairMarks: 'quiet' })).not.toBe(layerPaintCss('fix', { repairMarks: 'full' }));
  });

  it('gives the keys (popup, side panel, welcome) the very declarations the page uses', () => {
    const css = paletteCss();
    for (const l of LAYER_ORDER) expect(css).toContain(`.gl-sample-${l} { ${layerPaintCss(l, { repairMarks: 'full' })} }`);
    expect(css).toContain(`.gl-sample-fix.gl-quiet { ${layerPaintCss('fix')} }`);
  });

  it('borders each tooltip with its layer\'s ink, light and dark', () => {
    for (const l of ['figure-achieved', 'figure-target', 'term', 'fix', 'suggestion', 'pledge'] as const) {
      expect(PAGE_UI_CSS).toContain(PALETTE[l].ink.light);
      expect(PAGE_UI_CSS).toContain(PALETTE[l].ink.dark);
    }
  });

  it('has no colour of its own in the files that draw marks and keys', () => {
    const files = ['src/page/highlights.ts', 'src/ui/popup/PopupView.tsx', 'src/ui/common/LayerKey.tsx', 'src/ui/sidepanel/FiguresTable.tsx', 'src/ui/sidepanel/sidepanel.css', 'src/ui/sidepanel/AnnotationCard.tsx'];
    for (const f of files) {
      const text = readFileSync(resolve(f), 'utf8');
      const layerish = text.split('\n').filter((line) => /(target|achieved|term|pledge|fix|suggestion|highlight)/i.test(line) && /#[0-9a-f]{6}\b|rgba?\(/i.test(line));
      expect(layerish, f).toEqual([]);
    }
  });
});
