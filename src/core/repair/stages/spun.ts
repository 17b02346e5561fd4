import { getLM } from '../../lm';
import { choicePoints } from '../spun/candidates';
import { decide } from '../spun/decide';
import { findMatches, loadMatchIndexInSteps, type Match } from '../spun/dictionary';
import { spinnerGate } from '../spun/gate';
import type { Edit, Stage } from '../types';
import { loadCharTableInSteps, traditionalCharsToSimplified } from '../traditional/script';

/**
 * Reverses synonym spinning (伪原创). Finds dictionary forms left to right,
 * longest first, in the stage's input; only if the page carries enough spinner
 * signatures does it load the character LM and pick, for each form, the
 * original (or the form itself) that reads best in context. Edits are in input
 * coordinates and never overlap, so swaps such as 出产→消费 / 消费→生产 are safe.
 */
export const spunStage: Stage = {
  kind: 'spun',
  /** Page-level verdict, so that every chunk of a long spun page is repaired (and none of a clean one). */
  detector() {
    // Dictionary forms never hold a line break or a full stop, so windows cut there lose no match.
    const matches: Match[] = [];
    let length = 0;
    return {
      *prepare() {
        yield* loadMatchIndexInSteps();
        yield* loadCharTableInSteps();
      },
      add(window) {
        // Folded to Simplified character by character (cheap, same length): a spun page shown in Traditional is spun too.
        matches.push(...findMatches(traditionalCharsToSimplified(window)));
        length += window.length;
      },
      verdict: () => ({ spun: spinnerGate(length, matches).open }),
    };
  },
  run(text, options) {
    // The page's verdict says no spinner: nothing to look up (the dictionary index is not even needed).
    if (options.page?.spun === false) return [];
    const matches = findMatches(text);
    const open = options.page?.spun ?? spinnerGate(text.length, matches).open;
    if (!open) return [];
    const pts = choicePoints(text, matches);
    decide(text, pts, getLM());
    const edits: Edit[] = [];
    for (const p of pts) {
      if (p.choice === 0) continue;
      edits.push({ start: p.start, end: p.end, after: p.cands[p.choice], kind: 'spun', confidence: p.confidence });
    }
    return edits;
  },
};
