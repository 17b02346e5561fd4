import { hexToRgb } from './colors';

/** WCAG 2 relative luminance of an sRGB colour. */
export function luminance(rgb: readonly number[]): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2]);
}

/** WCAG 2 contrast ratio of two colours (1 to 21). */
export function contrast(a: string | readonly number[], b: string | readonly number[]): number {
  const la = luminance(typeof a === 'string' ? hexToRgb(a) : a);
  const lb = luminance(typeof b === 'string' ? hexToRgb(b) : b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** `color` at `alpha` over `under`: what the eye sees of a translucent wash or line. */
export function over(color: string, alpha: number, under: string): number[] {
  const top = hexToRgb(color);
  const bottom = hexToRgb(under);
  return top.map((c, i) => c * alpha + bottom[i] * (1 - alpha));
}
