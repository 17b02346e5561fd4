import type { Edit } from '../types';

/**
 * Doubled separators left by scraping or by removed annotations: ",," "，，"
 * ",、" "、、" "；；" and a doubled "。". The first mark is kept, so the page's
 * choice of ASCII or full-width punctuation is never changed. Ellipses ("……",
 * "。。。") and dashes are left alone.
 */
const DOUBLED_RE = /[,，、][,，、]+|;;+|；；+|(?<!。)。。(?!。)/g;

export function punctuationEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(DOUBLED_RE)) {
    edits.push({ start: m.index + 1, end: m.index + m[0].length, after: '', kind: 'layout', confidence: 0.8 });
  }
  return edits;
}
