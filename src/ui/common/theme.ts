import { paletteCss } from './colors';

/** Adds the palette's variables and key samples to an extension page (popup, side panel, welcome, options). */
export function applyPalette(doc: Document = document): void {
  if (doc.getElementById('gl-palette')) return;
  const style = doc.createElement('style');
  style.id = 'gl-palette';
  style.textContent = paletteCss();
  doc.head.appendChild(style);
}
