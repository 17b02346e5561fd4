import { LM_DATA } from '../data/lm-data';
import { base64ToBytes } from './codec';
import { CharLM } from './model';

export { CharLM, foldCodes } from './model';

let cached: CharLM | undefined;

/** The shipped character model, decoded on first use (a few tens of ms) and kept. */
export function getLM(): CharLM {
  cached ??= new CharLM(base64ToBytes(LM_DATA));
  return cached;
}
