/**
 * Text folding for search: both the query and the stored text are folded the same way so
 * that 經濟 finds 经济, ＡＢＣ finds abc and full-width punctuation matches half-width.
 *
 * The Traditional→Simplified step is character-level (OpenCC's TSCharacters table, first
 * candidate): unlike phrase conversion it is deterministic per character, so the fold of a
 * substring is the substring of the fold and substring search stays correct. The table
 * (~29 KB) is imported lazily the first time search is used.
 */

import { parseCharTable } from './traditional-chars';

export type Fold = (text: string) => string;

let tableLoad: Promise<Map<number, number>> | undefined;

function loadTable(): Promise<Map<number, number>> {
  // @ts-ignore -- opencc-js ships no type declarations for its dictionary modules.
  tableLoad ??= import('opencc-js/dict/TSCharacters').then((m: { default: string }) => parseCharTable(m.default));
  return tableLoad;
}

/** Full-width ASCII and the ideographic space to half-width; ASCII letters to lower case. */
function foldWidthAndCase(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  else if (code === 0x3000) code = 0x20;
  if (code >= 0x41 && code <= 0x5a) code += 0x20;
  return code;
}

function makeFold(table: Map<number, number>): Fold {
  return (text: string) => {
    let out = '';
    let run = 0; // start of the current unchanged run, appended in one slice
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let f = foldWidthAndCase(c);
      if (f === c && c >= 0x3400) f = table.get(c) ?? c;
      else if (f === c && c >= 0x80 && c < 0x3400) {
        const lower = String.fromCharCode(c).toLowerCase();
        if (lower.length === 1) f = lower.charCodeAt(0);
      }
      if (f !== c) {
        out += text.slice(run, i) + String.fromCharCode(f);
        run = i + 1;
      }
    }
    return run === 0 ? text : out + text.slice(run);
  };
}

let foldPromise: Promise<Fold> | undefined;

/** The search fold, once its Traditional→Simplified table has loaded. */
export function loadSearchFold(): Promise<Fold> {
  foldPromise ??= loadTable().then(makeFold);
  return foldPromise;
}

/** Whitespace (half- or full-width) separates query terms; terms are ANDed. */
export function splitQuery(query: string, fold: Fold): string[] {
  const terms = fold(query)
    .split(/[\s\u3000]+/)
    .filter((t) => t.length > 0);
  return [...new Set(terms)];
}

/** Non-overlapping occurrences of `term` in `text`. */
export function countOccurrences(text: string, term: string): number {
  let n = 0;
  for (let i = text.indexOf(term); i !== -1; i = text.indexOf(term, i + term.length)) n++;
  return n;
}
