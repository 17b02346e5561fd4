/**
 * Traditional→Simplified one character at a time, from OpenCC's TSCharacters
 * table (first candidate). Unlike phrase conversion it never changes the
 * length of the text, so an offset into the fold is an offset into the
 * input: search folds stored text with it, and the page reads figures and
 * anchors highlights on the folded text when it shows Traditional output.
 */

/** Traditional code point → Simplified code point, only where both are single BMP characters. */
export type CharTable = Map<number, number>;

/** One code point exactly (a BMP character, or one surrogate pair). */
function oneCodePoint(s: string): boolean {
  return s.length === 1 || (s.length === 2 && s.codePointAt(0)! > 0xffff);
}

export function parseCharTable(dict: string): CharTable {
  const map: CharTable = new Map();
  for (const entry of dict.split('|')) {
    const [trad, simp] = entry.split(' ');
    if (!trad || !simp) continue;
    const t = trad.codePointAt(0)!;
    const s = simp.codePointAt(0)!;
    // Only single code points, and only where both sides have the same UTF-16 length, so
    // folding never moves offsets (astral characters are rare in reports).
    if (trad.length === simp.length && oneCodePoint(trad) && oneCodePoint(simp) && t !== s) map.set(t, s);
  }
  return map;
}

/** `text` with every Traditional character the table knows replaced by its Simplified form. */
export function foldChars(text: string, table: CharTable): string {
  let out = '';
  let run = 0; // start of the current unchanged run, appended in one slice
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    const f = table.get(c);
    if (f === undefined) continue;
    out += text.slice(run, i) + String.fromCharCode(f);
    run = i + 1;
  }
  return run === 0 ? text : out + text.slice(run);
}
