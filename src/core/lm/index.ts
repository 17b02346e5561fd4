import { LM_DATA } from '../data/lm-data';
import { base64ToBytes } from './codec';
import { CharLM } from './model';
import { Stepwise, type Steps } from '../steps';

export { CharLM, foldCodes } from './model';

const shipped = new Stepwise(() => CharLM.load(base64ToBytes(LM_DATA)));

/** Loads the shipped model one short step at a time (see src/core/steps.ts); interleaves safely with getLM(). */
export function loadLMInSteps(): Steps<CharLM> {
  return shipped.steps();
}

/** The shipped character model, decoded on first use (a few tens of ms at once) and kept. */
export function getLM(): CharLM {
  return shipped.get();
}
