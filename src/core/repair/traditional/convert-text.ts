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
  // A site's own script switch ("简体 | 繁體") names each script in that script, for its readers: keep it as written.
  if (SCRIPT_NAMES.test(text)) return text.split(SCRIPT_NAMES).map((part, i) => (i % 2 ? part : convertPart(part, to, pageIsTraditional))).join('');
  return convertPart(text, to, pageIsTraditional);
}

/** Names of the scripts as sites write them on their switch links. Capturing, so split() keeps them. */
const SCRIPT_NAMES = /(繁體中文|繁體|正體中文|正體|簡體中文|簡體|简体中文|简体|繁体中文|繁体)/;

function convertPart(text: string, to: Script, pageIsTraditional: boolean): string {
  const stats = scriptStats(text);
  if (!stats.han || stats.foreign) return text;
  if (to === 'traditional') return simplifiedToTraditional(text) ?? text;
  return isTraditionalRun(stats, pageIsTraditional) ? traditionalToSimplified(text) : text;
}
