import type { Edit } from '../types';
import { cp1252Byte, gbkBytes, gbkTable } from './codecs';
import { charCost, isSeenUnit, meanCost, isHan, simplifiedForm } from './score';
import { CHAR_COST_UNSEEN } from '../../data/charfreq';
import { resolveGuesses } from './context';
import { HOLE, decodeUtf8WithHoles, type DecodedChar } from './utf8-holes';

export type Codec = 'gbk' | 'cp1252';

/** Confidence of a span whose bytes all survived. */
export const CONFIDENT = 0.95;
/**
 * A span with a lost byte: its surviving characters are certain, the lost one
 * is shown as U+FFFD (unknown) at MARKED; the guess for it is only a
 * suggestion (GUESSED, below the pipeline's threshold), never applied.
 */
export const MARKED = 0.9;
export const GUESSED = 0.3;
export const UNKNOWN = '\ufffd';

/** An edit of a run; where a byte was lost, `after` marks the character unknown and `guess` holds the guessed reading. */
export interface RunEdit extends Edit {
  guess?: string;
}
/** The decoded text must be at least this many bits per character cheaper (more report-like). */
const MIN_GAIN_BITS = 2.5;

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const CJK_PUNCT = /^[\u00a0-\u00bf\u00d7\u00f7\u2010-\u2027\u3000-\u303f\uff01-\uff5e]$/;
/** What a run may decode to without any Han: punctuation, symbols and (accented) Latin letters. */
const NON_HAN_OK = /^[\u00a0-\u024f\u0370-\u03ff\u1e00-\u1eff\u2010-\u2027\u3000-\u303f\uff01-\uff5e]$/;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * Tries to undo one mis-decoding of a run of characters (text.slice(start, end)):
 * re-encode with `codec`, decode as UTF-8, and keep the result only if it
 * reads clearly more like Chinese. Returns edits in text coordinates, one per
 * aligned stretch, with guessed characters split off at low confidence.
 */
export function repairRun(text: string, start: number, end: number, codec: Codec, allowAllGuessed = false, traditionalPage = false): RunEdit[] {
  const bytes: number[] = [];
  // GBK mojibake shows its lost bytes (U+FFFD); Windows-1252 pages drop them silently, often.
  const check = new Utf8Plausibility(codec === 'gbk');
  const charStart: number[] = []; // byte offset where each source UTF-16 position's character begins
  const charPos: number[] = []; // text offset of each source character
  for (let i = start; i < end; ) {
    const cp = text.codePointAt(i)!;
    let ch = String.fromCodePoint(cp);
    let width = ch.length;
    charPos.push(i);
    charStart.push(bytes.length);
    // An HTML entity inside Windows-1252 mojibake (æ&frac14;) stands for its byte: decoded with the run or not at all.
    const entity = codec === 'cp1252' && ch === '&' ? entityAt(text, i, end) : null;
    if (entity) [ch, width] = entity;
    if (ch === '\ufffd') bytes.push(HOLE);
    else if (codec === 'gbk') {
      if (!gbkBytes(ch, bytes)) return [];
    } else if (ch === ' ' && check.midSequence()) {
      // A no-break space (byte 0xA0, always a continuation byte) that the page showed as a plain space.
      bytes.push(0xa0);
    } else {
      const b = cp1252Byte(ch) ?? (ch === ' ' ? 0x20 : undefined);
      if (b === undefined) return [];
      bytes.push(b);
    }
    // Clean text (also valid GBK) stops being UTF-8-like within a few characters.
    if (!check.feed(bytes, charStart[charStart.length - 1])) return [];
    i += width;
  }
  charPos.push(end);
  charStart.push(bytes.length);

  const decoded = decodeUtf8WithHoles(bytes, codec === 'cp1252' ? CP1252_LOST : undefined);
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
  // Mostly guesses means the bytes were not really UTF-8. Every certain multi-byte
  // character is strong evidence, so a run may have one lost byte per certain character.
  if (allowAllGuessed ? guessed * 2 > decoded.length + 1 : guessed * 2 > decoded.length || (guessed > 0 && decoded.length - guessed < 2)) return false;
  return meanCost(out) + MIN_GAIN_BITS <= meanCost(source);
}

/**
 * Cuts where a source character boundary meets a decoded character boundary; one edit per stretch.
 * A stretch holding a guessed character is shown with that character unknown (U+FFFD); the guess goes in `guess`.
 */
function alignedEdits(text: string, charPos: number[], charStart: number[], decoded: DecodedChar[]): RunEdit[] {
  interface Seg { start: number; end: number; after: string; marked: string; guessed: boolean }
  const segs: Seg[] = [];
  let si = 0;
  let from = 0;
  let after = '';
  let marked = '';
  let guessed = false;
  for (const d of decoded) {
    const t = d.text.replace(INVISIBLE, '');
    after += t;
    marked += d.guessed ? UNKNOWN : t;
    guessed ||= d.guessed;
    while (si < charStart.length && charStart[si] < d.byteEnd) si++;
    if (si < charStart.length && charStart[si] === d.byteEnd && si > from) {
      segs.push({ start: charPos[from], end: charPos[si], after, marked, guessed });
      from = si;
      after = '';
      marked = '';
      guessed = false;
    }
  }
  if (from !== charPos.length - 1) return []; // bytes did not line up to the end: leave the run alone
  // Merge neighbouring certain stretches; a stretch with a lost byte stays its own edit.
  const edits: RunEdit[] = [];
  for (const g of segs) {
    const last = edits[edits.length - 1];
    if (!g.guessed && last && last.confidence === CONFIDENT && last.end === g.start) {
      last.end = g.end;
      last.after += g.after;
    } else if (g.guessed) {
      edits.push({ start: g.start, end: g.end, after: g.marked, kind: 'mojibake', confidence: MARKED, guess: g.after });
    } else {
      edits.push({ start: g.start, end: g.end, after: g.after, kind: 'mojibake', confidence: CONFIDENT });
    }
  }
  return edits.filter((e) => text.slice(e.start, e.end) !== e.after);
}

/** Bytes a page drops from Windows-1252 mojibake without a trace: C1 controls and the soft hyphen; tried first for a lost byte. */
const CP1252_LOST = [0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xad];

/** The character an HTML entity at text[i] stands for, and the entity's length; null when there is none. */
function entityAt(text: string, i: number, end: number): [string, number] | null {
  const m = /^&(?:#(\d{2,4})|#x([0-9a-f]{2,4})|([a-z]{2,8}\d{0,2}));/i.exec(text.slice(i, Math.min(end, i + 12)));
  if (!m) return null;
  const v = m[1] ? Number(m[1]) : m[2] ? parseInt(m[2], 16) : LATIN1_ENTITIES[m[3]];
  if (v === undefined || v < 0xa0 || v > 0xff) return null;
  return [String.fromCharCode(v), m[0].length];
}

/** Named entities of the Latin-1 range, the only ones a byte of Windows-1252 mojibake can come out as. */
const LATIN1_ENTITIES: Record<string, number> = Object.fromEntries(
  ('nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
    'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
    'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml')
    .split(' ')
    .map((n, k) => [n, 0xa0 + k]),
);

/**
 * Whether `span` is GBK mojibake: its bytes decode as UTF-8 (lost bytes aside) to
 * Chinese that reads clearly better, even if too little survived to repair it.
 */
export function decodesAsGbkMojibake(span: string): boolean {
  const bytes: number[] = [];
  for (const ch of span) {
    if (ch === '\ufffd') bytes.push(HOLE);
    else if (!gbkBytes(ch, bytes)) return false;
  }
  const decoded = decodeUtf8WithHoles(bytes, undefined, false);
  const certain = decoded?.filter((d) => !d.guessed && isHan(d.text)).map((d) => d.text).join('') ?? '';
  return certain.length >= 1 && meanCost(certain) + MIN_GAIN_BITS <= meanCost(span);
}

/**
 * How many characters of `run` from `from` on, re-encoded as GBK, read as UTF-8
 * apart from a few lost bytes: the length of a stretch of GBK mojibake there,
 * repaired or not. Clean text, Traditional included, fails within a few characters.
 */
export function gbkMojibakeLength(run: string, from = 0): number {
  // Allocation- and closure-free: it runs from every rare character of Traditional pages.
  const table = gbkTable();
  let need = 0;
  let nbytes = 0;
  let anomalies = 0;
  let i = from;
  scan: for (; i < run.length; i++) {
    const ch = run[i];
    if (ch === '\ufffd') {
      nbytes++;
      need = need > 0 ? need - 1 : 0;
      continue;
    }
    const v = table.get(ch);
    if (v === undefined) break;
    // The stretch ends cleanly here (whole UTF-8 characters, nothing lost) and a character clean reports use comes
    // next whose first byte cannot start one (的 is B5 C4): clean text follows, so the lost-byte allowance is not
    // spent on it (鏀垮簻的東京 is 政府 + 的東京, not 政 + lost bytes).
    if (i > from && need === 0 && anomalies === 0 && isSeenUnit(ch.charCodeAt(0))) {
      const first = v > 0xff ? v >> 8 : v;
      if (first >= 0x80 && first <= 0xbf) break;
    }
    for (let k = v > 0xff ? 0 : 1; k < 2; k++) {
      const b = k === 0 ? v >> 8 : v & 0xff;
      nbytes++;
      const cont = b >= 0x80 && b <= 0xbf;
      if (need > 0 && cont) {
        need--;
        continue;
      }
      if (need > 0 || cont) anomalies++;
      if (cont) need = 0;
      else need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
      if (need < 0 || anomalies > 1 + nbytes / 24) break scan;
    }
  }
  return i - from;
}

/**
 * Streaming check that bytes are UTF-8 apart from a few lost bytes, so a run
 * of clean Chinese (which re-encodes fine as GBK) is given up early instead
 * of being decoded in full.
 */
class Utf8Plausibility {
  private need = 0;

  /** `strict`: the old allowance (one lost byte in a short run), for scanning text that is mostly not mojibake. */
  constructor(private readonly strict = false) {}

  /** Whether the bytes so far end inside a multi-byte character (a continuation byte is due). */
  midSequence(): boolean {
    return this.need > 0;
  }

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
    // A lost byte or two in a short run; more in a long one (pages that drop C1 controls
    // can lose one in three characters). Clean text fails on bytes UTF-8 never uses;
    // what passes here must still decode and read as Chinese (accept()).
    return this.anomalies <= (this.strict ? 1 + this.bytes / 24 : 2 + this.bytes / 6);
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
