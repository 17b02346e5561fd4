import type { Stage } from '../types';
import { punctuationEdits } from '../layout/punctuation';
import { spacedRunEdits } from '../layout/spacing';
import { joinTouchingDeletions } from '../layout/touching';

/**
 * Collapses letter-spaced Han runs (政 府 工 作 报 告) and tidies doubled
 * punctuation. Punctuation width is never changed.
 */
export const layoutStage: Stage = {
  kind: 'layout',
  run(text) {
    // The two kinds never overlap: spaced runs contain only Han and whitespace.
    return joinTouchingDeletions([...spacedRunEdits(text), ...punctuationEdits(text)].sort((a, b) => a.start - b.start));
  },
};
