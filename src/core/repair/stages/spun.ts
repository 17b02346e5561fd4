import { getLM } from '../../lm';
import { choicePoints } from '../spun/candidates';
import { decideInSteps } from '../spun/decide';
import { findMatches } from '../spun/dictionary';
import { findSignatures, gateOf, spinnerGate, type SignatureHits } from '../spun/gate';
import { runSteps, type Steps } from '../../steps';
import type { Edit, RepairOptions, Stage } from '../types';
import { loadCharTableInSteps, traditionalCharsToSimplified } from '../traditional/script';

/**
 * Reverses synonym spinning (伪原创). Only if the page carries enough spinner
 * signatures (gate.ts: a scan of those alone) does it load the dictionary and
 * the character LM, find dictionary forms left to right, longest first, in the
 * stage's input, and pick for each form the original (or the form itself) that
 * reads best in context. Edits are in input coordinates and never overlap, so
 * swaps such as 出产→消费 / 消费→生产 are safe.
 */
export const spunStage: Stage = {
  kind: 'spun',
  /** Page-level verdict, so that every chunk of a long spun page is repaired (and none of a clean one). */
  detector() {
    // Signatures never hold a line break or a full stop, so windows cut there lose no hit.
    const found: SignatureHits = { hits: 0, forms: new Set() };
    let length = 0;
    return {
      *prepare() {
        yield* loadCharTableInSteps();
      },
      add(window) {
        // Folded to Simplified character by character (cheap, same length): a spun page shown in Traditional is spun too.
        findSignatures(traditionalCharsToSimplified(window), found);
        length += window.length;
      },
      verdict: () => ({ spun: gateOf(length, found).open }),
    };
  },
  run: (text, options) => runSteps(repairSpun(text, options)),
  runInSteps: repairSpun,
};

/** The stage's repair of one chunk, pausing between short steps (the decision over a long chunk is long). */
function* repairSpun(text: string, options: RepairOptions): Steps<Edit[]> {
  // The page's verdict says no spinner: nothing to look up (the dictionary is not even loaded).
  if (options.page?.spun === false) return [];
  if (!(options.page?.spun ?? spinnerGate(text).open)) return [];
  const pts = choicePoints(text, findMatches(text));
  yield;
  yield* decideInSteps(text, pts, getLM());
  const edits: Edit[] = [];
  for (const p of pts) {
    if (p.choice === 0) continue;
    edits.push({ start: p.start, end: p.end, after: p.cands[p.choice], kind: 'spun', confidence: p.confidence });
  }
  return edits;
}
