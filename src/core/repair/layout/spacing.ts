import type { Edit } from '../types';

const HAN = '\\p{Script=Han}';
const GAP = '[ \\t\\u00a0\\u3000]';
/**
 * A letter-spaced run: single Han characters separated by horizontal
 * whitespace, not glued to other Han characters at either end. Three or more
 * characters with any gap, or two with a wide gap (a name set as "黄  颖").
 */
const SPACED_RE = new RegExp(
  `(?<!${HAN})${HAN}(?:${GAP}{1,4}${HAN}){2,}(?!${HAN})|(?<!${HAN})${HAN}(?:${GAP}{2,4}|\\u3000)${HAN}(?!${HAN})`,
  'gu',
);

/** One edit per spaced run, removing the gaps. */
export function spacedRunEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(SPACED_RE)) {
    const run = m[0];
    const collapsed = run.replace(/[ \t\u00a0\u3000]+/g, '');
    // The match starts and ends on a Han character, so trim nothing: the edit spans first to last character.
    edits.push({ start: m.index, end: m.index + run.length, after: collapsed, kind: 'layout', confidence: 0.85 });
  }
  return edits;
}
