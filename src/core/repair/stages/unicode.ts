import type { Edit, Stage } from '../types';
import { ENTITY_RE, decodeEntity } from '../unicode/entities';
import { cp1252Byte, endsMidSequence } from '../mojibake/codecs';

/**
 * Invisible characters that only break search and copying: zero-width space,
 * non-joiner, joiner, word joiner, BOM / zero-width no-break space, soft hyphen.
 */
const INVISIBLE_RE = /[\u200b-\u200d\u2060\ufeff\u00ad]+/g;

/**
 * Characters after which NFC could change something (combining marks, Hangul
 * jamo). CJK compatibility ideographs are left alone: GBK mojibake can contain
 * them and the mojibake stage must see them unchanged. Checking this
 * first keeps the common case (plain Chinese) free of any normalisation work.
 */
const NFC_CANDIDATE_RE = /[^\u0000-\u02ff\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]+/g;
const COMBINING_START_RE = /^\p{M}/u;

/**
 * Strips invisible characters, decodes literal HTML entities and applies NFC
 * where it changes something. Never NFKC: that would turn full-width Chinese
 * punctuation into ASCII.
 */
export const unicodeStage: Stage = {
  kind: 'unicode',
  run(text) {
    const edits: Edit[] = [];
    for (const m of text.matchAll(INVISIBLE_RE)) {
      if (m[0] === '\u00ad' && isMojibakeByte(text[m.index - 1])) continue;
      edits.push({ start: m.index, end: m.index + m[0].length, after: '', kind: 'unicode', confidence: 0.99 });
    }
    if (text.includes('&')) {
      ENTITY_RE.lastIndex = 0;
      for (let m; (m = ENTITY_RE.exec(text)); ) {
        const v = decodeEntity(m);
        // A byte inside Windows-1252 mojibake (10Î&frac14;s is 10μs): the mojibake stage decodes it with its run, or leaves both.
        if (v !== null && continuesMojibake(text, m.index, v)) continue;
        if (v !== null) edits.push({ start: m.index, end: m.index + m[0].length, after: v, kind: 'entity', confidence: 0.95 });
      }
    }
    for (const m of text.matchAll(NFC_CANDIDATE_RE)) {
      // A leading combining mark composes with the character before it, so
      // that character joins the span; never a compatibility ideograph (NFC
      // would change it too, and only because a mark happened to follow).
      const prev = text[m.index - 1];
      const joinPrev = m.index > 0 && COMBINING_START_RE.test(m[0]) && !/[\u200b-\u200d\u2060\ufeff\u00ad\uf900-\ufaff]/.test(prev);
      const start = joinPrev ? m.index - 1 : m.index;
      const span = text.slice(start, m.index + m[0].length);
      const nfc = span.normalize('NFC');
      if (nfc !== span) edits.push(...minimalDiff(span, nfc, start));
    }
    return dropOverlaps(edits);
  },
};

/**
 * A soft hyphen between Latin-1 characters is most likely byte 0xAD of UTF-8
 * text shown as Windows-1252 (中 → "ä¸\u00ad"); the mojibake stage needs it.
 */
function isMojibakeByte(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= '\u0080' && ch <= '\u00ff') || '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.includes(ch));
}

/** Whether an entity standing for a UTF-8 continuation byte (0x80–0xBF) follows Windows-1252 mojibake that is mid-character. */
function continuesMojibake(text: string, at: number, value: string): boolean {
  const b = value.length === 1 ? cp1252Byte(value) : undefined;
  if (b === undefined || b > 0xbf) return false;
  let from = at;
  while (from > 0 && at - from < 4 && text[from - 1] !== ' ' && cp1252Byte(text[from - 1]) !== undefined) from--;
  return from < at && endsMidSequence(text.slice(from, at));
}

/** One edit covering only the part of `before` that differs from `after` (common prefix/suffix trimmed). */
function minimalDiff(before: string, after: string, offset: number): Edit[] {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  // Do not split a surrogate pair.
  if (p > 0 && /[\ud800-\udbff]/.test(before[p - 1])) p--;
  return [{ start: offset + p, end: offset + before.length - s, after: after.slice(p, after.length - s), kind: 'unicode', confidence: 0.9 }];
}

/**
 * Keeps the earliest of any overlapping edits (entity and NFC spans can meet)
 * and joins edits that touch ("\u200b&#20013;" is one damaged token, and a
 * deletion abutting another edit would be ambiguous in the offset map).
 */
function dropOverlaps(edits: Edit[]): Edit[] {
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Edit[] = [];
  for (const e of edits) {
    const last = out[out.length - 1];
    if (last && e.start < last.end) continue;
    if (last && e.start === last.end) {
      last.end = e.end;
      last.after += e.after;
      last.confidence = Math.min(last.confidence, e.confidence);
      if (e.kind === 'entity') last.kind = 'entity';
      continue;
    }
    out.push({ ...e });
  }
  return out;
}
