import type { Detection, PageSample } from './types';
export type { Detection, PageSample } from './types';

// Placeholder until the detector lands.
export function detectReport(_sample: PageSample): Detection {
  return { isReport: false, score: 0, signals: [] };
}
