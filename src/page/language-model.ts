import { provideLMData } from '../core/lm';
import { toBackground } from '../shared/messaging';

declare global {
  // Set by lm.js in the extension's isolated world, which this script shares.
  var __govlensLMData: string | undefined;
}

/**
 * The character model is 1 MB of data that only spun pages need, so it is
 * not part of engine.js: the background injects lm.js into this frame on
 * request. Resolves false when the model could not be had.
 */
export async function loadLanguageModel(): Promise<boolean> {
  if (!globalThis.__govlensLMData) await toBackground('page:inject-lm', {}).catch(() => undefined);
  if (!globalThis.__govlensLMData) return false;
  provideLMData(() => globalThis.__govlensLMData);
  return true;
}
