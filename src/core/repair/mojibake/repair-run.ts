import type { Edit } from '../types';
import { cp1252Byte, gbkBytes } from './codecs';
import { charCost, meanCost, isHan, simplifiedForm } from './score';
import { CHAR_COST_UNSEEN } from '../../data/charfreq';
import { resolveGuesses } from './context';
import { HOLE, decodeUtf8WithHoles, type DecodedChar } from './utf8-holes';

export type Codec = 'gbk' | 'cp1252';

/** Confidence of a span whose bytes all survived, and of a span where a lost byte was guessed. */
export const CONFIDENT = 0.95;
export const GUESSED = 0.55;
/** The decoded text must be at least this many bits per character cheaper (more report-like). */
const MIN_GAIN_BITS = 2.5;

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const CJK_PUNCT = /^[\u00a0-\u00bf\u00d7\u00f7\u2010-\u2027\u3000-\u303f\uff01-\uff5e]$/;
/** What a run may decode to without any Han: punctuation, symbols and (accented) Latin letters. */
const NON_HAN_OK = /^[\u00a0-\u024f\u1e00-\u1eff\u2010-\u2027\u3000-\u303f\uff01-\uff5e]$/;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * Tries to undo one mis-decoding of a run of characters (text.slice(start, end)):
 * re-encode with `codec`, decode as UTF-8, and keep the result only if it
 * reads clearly more like Chinese. Returns edits in text coordinates, one per
 * aligned stretch, with guessed characters split off at low confidence.
 */
export function repairRun(text: string, start: number, end: number, codec: Codec, allowAllGuessed = false, traditionalPage = false): Edit[] {
  const bytes: number[] = [];
  const check = new Utf8Plausibility();
  const charStart: number[] = []; // byte offset where each source UTF-16 position's character begins
  const charPos: number[] = []; // text offset of each source character
  for (let i = start; i < end; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    charPos.push(i);
    charStart.push(bytes.length);
    if (ch === '\ufffd') bytes.push(HOLE);
    else if (codec === 'gbk') {
      if (!gbkBytes(ch, bytes)) return [];
    } else {
      const b = cp1252Byte(ch);
      if (b === undefined) return [];
      bytes.push(b);
    }
    // Clean text (also valid GBK) stops being UTF-8-like within a few characters.
    if (!check.feed(bytes, charStart[charStart.length - 1])) return [];
    i += ch.length;
  }
  charPos.push(end);
  charStart.push(bytes.length);

  const decoded = decodeUtf8WithHoles(bytes);
  if (decoded) {
    const traditional = traditionalPage || decoded.some((d) => !d.guessed && isTraditional(d.text));
    const next = end < text.length ? String.fromCodePoint(text.codePointAt(end)!) : '';
    resolveGuesses(decoded, charBefore(text, start), next, traditional);
  }
  if (!decoded || !accept(text.slice(start, end), decoded, allowAllGuessed)) return [];
  return alignedEdits(text, charPos, charStart, decoded);
}

/**
 * `allowAllGuessed`: a short run whose only character needed a guess (年 cut to
 * "骞�" by a following digit) is accepted only once the page has shown
 * certain mojibake elsewhere.
 */
function accept(source: string, decoded: DecodedChar[], allowAllGuessed: boolean): boolean {
  const out = decoded.map((d) => d.text).join('');
  if (CONTROL.test(out)) return false;
  let han = 0;
  let guessed = 0;
  for (const d of decoded) {
    if (isHan(d.text)) han++;
    if (d.guessed) guessed++;
  }
  // Punctuation or Latin letters alone ("ã€\u0081" → 、, "Ã²" → ò in a pinyin annotation) only count
  // on a page already shown to be mojibake, and only when several characters fold into fewer.
  if (han === 0) {
    if (!allowAllGuessed || !decoded.every((d) => NON_HAN_OK.test(d.text))) return false;
    if (decoded.every((d) => CJK_PUNCT.test(d.text))) return true;
    return [...source].length > decoded.length && decoded.every((d) => !d.guessed);
  }
  // Mostly guesses means the bytes were not really UTF-8.
  if (allowAllGuessed ? guessed * 2 > decoded.length + 1 : guessed * 3 > decoded.length) return false;
  return meanCost(out) + MIN_GAIN_BITS <= meanCost(source);
}

/** Cuts where a source character boundary meets a decoded character boundary; one edit per stretch. */
function alignedEdits(text: string, charPos: number[], charStart: number[], decoded: DecodedChar[]): Edit[] {
  interface Seg { start: number; end: number; after: string; guessed: boolean }
  const segs: Seg[] = [];
  let si = 0;
  let from = 0;
  let after = '';
  let guessed = false;
  for (const d of decoded) {
    after += d.text.replace(INVISIBLE, '');
    guessed ||= d.guessed;
    while (si < charStart.length && charStart[si] < d.byteEnd) si++;
    if (si < charStart.length && charStart[si] === d.byteEnd && si > from) {
      segs.push({ start: charPos[from], end: charPos[si], after, guessed });
      from = si;
      after = '';
      guessed = false;
    }
  }
  if (from !== charPos.length - 1) return []; // bytes did not line up to the end: leave the run alone
  // Merge neighbouring certain stretches; a guessed stretch stays its own low-confidence edit.
  const edits: Edit[] = [];
  for (const g of segs) {
    const last = edits[edits.length - 1];
    if (!g.guessed && last && last.confidence === CONFIDENT && last.end === g.start) {
      last.end = g.end;
      last.after += g.after;
    } else {
      edits.push({ start: g.start, end: g.end, after: g.after, kind: 'mojibake', confidence: g.guessed ? GUESSED : CONFIDENT });
    }
  }
  return edits.filter((e) => text.slice(e.start, e.end) !== e.after);
}

/**
 * Streaming check that bytes are UTF-8 apart from a few lost bytes, so a run
 * of clean Chinese (which re-encodes fine as GBK) is given up early instead
 * of being decoded in full.
 */
class Utf8Plausibility {
  private need = 0;
  private bytes = 0;
  private anomalies = 0;

  feed(bytes: number[], from: number): boolean {
    for (let i = from; i < bytes.length; i++) {
      const b = bytes[i];
      this.bytes++;
      if (b === HOLE) {
        this.need = Math.max(0, this.need - 1);
        continue;
      }
      const cont = b >= 0x80 && b <= 0xbf;
      if (this.need > 0) {
        if (cont) {
          this.need--;
          continue;
        }
        this.anomalies++; // a sequence cut short: maybe a lost byte
        this.need = 0;
      } else if (cont) {
        this.anomalies++;
        continue;
      }
      this.need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
      if (this.need < 0) return false;
    }
    // One lost byte in a short run; a few more in a long one.
    return this.anomalies <= 1 + this.bytes / 24;
  }
}

function charBefore(text: string, pos: number): string {
  if (pos <= 0) return '';
  const c = text.charCodeAt(pos - 1);
  return c >= 0xdc00 && c <= 0xdfff && pos >= 2 ? text.slice(pos - 2, pos) : text[pos - 1];
}

/** A Traditional-only character: it has a Simplified form and never occurs in Simplified reports. */
export function isTraditional(ch: string): boolean {
  return simplifiedForm(ch) !== undefined && simplifiedForm(ch) !== ch && charCost(ch) >= CHAR_COST_UNSEEN;
}
