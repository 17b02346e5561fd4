import type { BuiltinGlossaryData } from '../core/glossary/builtin';
import { GLOSSARY_PARTS, joinGlossaryParts } from '../core/glossary/parts';

declare global {
  /** The glossary parts that have arrived (glossary-1.js …), until all have and are joined into __govlensGlossary. */
  var __govlensGlossaryParts: (BuiltinGlossaryData | undefined)[] | undefined;
}

/**
 * Run by each glossary data script (entrypoints/glossary-N.ts) in the extension's isolated world: keeps its part
 * and, once every part is here, publishes the joined glossary and tells the engine (data-scripts.ts). Parts may
 * arrive in any order, and a part injected again (the engine asked after a timeout) replaces itself.
 */
export function provideGlossaryPart(index: number, part: BuiltinGlossaryData): void {
  const parts = (globalThis.__govlensGlossaryParts ??= []);
  parts[index - 1] = part;
  for (let i = 0; i < GLOSSARY_PARTS; i++) if (!parts[i]) return;
  globalThis.__govlensGlossary = joinGlossaryParts(parts as BuiltinGlossaryData[]);
  globalThis.__govlensGlossaryParts = undefined;
  globalThis.__govlensOnData?.('glossary');
}
