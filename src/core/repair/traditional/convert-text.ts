import { isTraditionalRun, scriptStats } from './detect';
import { simplifiedToTraditional, traditionalToSimplified } from './script';

export type Script = 'simplified' | 'traditional';

/**
 * A short piece of page text (a link, a heading, the title) in the reader's
 * script, converted the way the report body is: to Simplified only where the
 * piece reads as Traditional (on a Traditional page any Traditional character
 * counts), to Traditional unless it is Japanese or Korean. Unchanged when
 * there is nothing to convert or the Simplified→Traditional tables are not loaded.
 */
export function convertScript(text: string, to: Script, pageIsTraditional: boolean): string {
  const stats = scriptStats(text);
  if (!stats.han || stats.foreign) return text;
  if (to === 'traditional') return simplifiedToTraditional(text) ?? text;
  return isTraditionalRun(stats, pageIsTraditional) ? traditionalToSimplified(text) : text;
}
