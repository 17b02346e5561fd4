import { base64ToBytesInSteps } from './codec';
import { CharLM } from './model';
import { Stepwise, type Steps } from '../steps';

export { CharLM, foldCodes } from './model';

let dataSource: (() => string | undefined) | undefined;

/**
 * Where the serialised model (1 MB) comes from. Node callers import
 * ./shipped, which provides the bundled data; the extension injects it as a
 * script of its own only into pages that need it (src/page/data-scripts.ts).
 */
export function provideLMData(source: () => string | undefined): void {
  dataSource = source;
}

const shipped = new Stepwise(function* () {
  const data = dataSource?.();
  if (!data) throw new Error('GovLens: no language model data provided (see provideLMData)');
  return yield* CharLM.load(yield* base64ToBytesInSteps(data));
});

/** Loads the shipped model one short step at a time (see src/core/steps.ts); interleaves safely with getLM(). */
export function loadLMInSteps(): Steps<CharLM> {
  return shipped.steps();
}

/** The shipped character model, decoded on first use (a few tens of ms at once) and kept. */
export function getLM(): CharLM {
  return shipped.get();
}
