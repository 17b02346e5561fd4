/**
 * The extension's icon, drawn once as assets/icon.svg and rendered to the PNG
 * sizes the manifests ask for (toolbar 16/32, extensions page 48, store and
 * install 128) at build time by wxt.config.ts, with resvg.
 */
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

export function renderIcon(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/** Writes icon/<size>.png for every size into `outDir`; returns [relative path, absolute path] pairs. */
export function renderIcons(svgPath: string, outDir: string): Array<[string, string]> {
  const svg = readFileSync(svgPath, 'utf8');
  mkdirSync(join(outDir, 'icon'), { recursive: true });
  return ICON_SIZES.map((size) => {
    const rel = `icon/${size}.png`;
    const abs = join(outDir, rel);
    writeFileSync(abs, renderIcon(svg, size));
    return [rel, abs];
  });
}
