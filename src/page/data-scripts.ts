import { provideBuiltinGlossary } from '../core/glossary';
import type { BuiltinGlossaryData } from '../core/glossary/builtin';
import { provideLMData } from '../core/lm';
import { provideSimplifiedToTraditional, type SimplifiedToTraditionalTables } from '../core/repair/traditional/script';
import type { DataScript } from '../shared/messages';
import { toBackground } from '../shared/messaging';

declare global {
  // Set by lm.js, s2t.js and glossary.js in the extension's isolated world, which engine.js shares.
  var __govlensLMData: string | undefined;
  var __govlensS2T: SimplifiedToTraditionalTables | undefined;
  var __govlensGlossary: BuiltinGlossaryData | undefined;
}

/**
 * Heavy data only some pages need is not part of engine.js: the background
 * injects it into this frame on request, as a script of its own. `present`
 * says whether it has arrived.
 */
async function inject(name: DataScript, present: () => boolean): Promise<boolean> {
  if (!present()) await toBackground('page:inject-data', { name }).catch(() => undefined);
  return present();
}

/** The character model (1 MB), for spun pages. Resolves false when it could not be had. */
export async function loadLanguageModel(): Promise<boolean> {
  if (!(await inject('lm', () => Boolean(globalThis.__govlensLMData)))) return false;
  provideLMData(() => globalThis.__govlensLMData);
  return true;
}

/** Hands the core a source for the Simplified→Traditional tables (1 MB): injected on first use. */
export function provideInjectedSimplifiedToTraditional(): void {
  provideSimplifiedToTraditional(async () => {
    if (!(await inject('s2t', () => Boolean(globalThis.__govlensS2T)))) throw new Error('GovLens: Traditional tables unavailable');
    return globalThis.__govlensS2T!;
  });
}

/**
 * The built-in glossary (glossary.js), asked for when the engine starts on a report page and used once
 * the text is repaired, so its evaluation is off the repair's path. Resolves false when it could not be
 * had: terms then come from the report's own 名词解释, the reader's entries and coined quotes only.
 */
export async function loadBuiltinGlossary(): Promise<boolean> {
  if (!(await inject('glossary', () => Boolean(globalThis.__govlensGlossary)))) return false;
  provideBuiltinGlossary(() => globalThis.__govlensGlossary);
  return true;
}
