import type { Stage } from '../types';

// Placeholder: owned by the repair-stage work; returns no edits until implemented.
export const unicodeStage: Stage = {
  kind: 'unicode',
  run: () => [],
};
