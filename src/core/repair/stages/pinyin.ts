import type { Stage } from '../types';

// Placeholder: owned by the repair-stage work; returns no edits until implemented.
export const pinyinStage: Stage = {
  kind: 'pinyin',
  run: () => [],
};
