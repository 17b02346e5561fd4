import type { BuiltinExplanations, BuiltinGlossaryData } from '../core/glossary/builtin';
import { GLOSSARY_PARTS, GLOSSARY_TEXT_PARTS, joinGlossaryParts } from '../core/glossary/parts';

declare global {
  /** The glossary parts that have arrived (glossary-1.js …), until all have and are joined into __govlensGlossary. */
  var __govlensGlossaryParts: (BuiltinGlossaryData | undefined)[] | undefined;
  /** The same for the explanations (glossary-text-1.js …), joined into __govlensGlossaryText. */
  var __govlensGlossaryTextParts: (readonly string[] | undefined)[] | undefined;
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

/** Run by each glossary-text script (entrypoints/glossary-text-N.ts): as provideGlossaryPart, for the explanations. */
export function provideGlossaryTextPart(index: number, chunks: readonly string[]): void {
  const parts = (globalThis.__govlensGlossaryTextParts ??= []);
  parts[index - 1] = chunks;
  for (let i = 0; i < GLOSSARY_TEXT_PARTS; i++) if (!parts[i]) return;
  const joined: BuiltinExplanations = parts.flatMap((p) => p ?? []);
  globalThis.__govlensGlossaryText = joined;
  globalThis.__govlensGlossaryTextParts = undefined;
  globalThis.__govlensOnData?.('glossary-text');
}
