import type { Stage } from '../types';

// Placeholder: owned by the repair-stage work; returns no edits until implemented.
export const traditionalStage: Stage = {
  kind: 'traditional',
  run: () => [],
};
