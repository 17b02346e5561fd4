import type { Figure } from './types';
export type { Figure, FigureKind } from './types';

// Placeholder until the figure extractor lands.
export function extractFigures(_text: string): Figure[] {
  return [];
}
