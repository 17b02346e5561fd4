import { COMMON_HANZI } from './common-hanzi';
import { CliError } from './errors';

export type InputEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030' | 'Big5';

export interface Decoded {
  text: string;
  encoding: InputEncoding;
  /** Set when the input was not clean UTF-8: a note for stderr. */
  note?: string;
}

/** How much of the input the binary check looks at; enough to see a file's nature. */
const SNIFF_BYTES = 64 * 1024;
/** Share of control bytes above which input is treated as binary, not text. */
const MAX_CONTROL_SHARE = 0.1;
/** Lossy UTF-8 is accepted only when nearly all of it decoded. */
const MAX_LOSSY_UTF8_SHARE = 0.005;
/** Below this share of common characters a legacy decoding is flagged as doubtful. */
const LOW_PLAUSIBILITY = 0.3;

/**
 * Turns raw input bytes into text. UTF-8 (strict) first; failing that, the two
 * legacy Chinese encodings, choosing whichever reads as more plausible
 * Chinese, since GBK bytes often decode as valid Big5 and vice versa.
 */
export function decodeInput(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { text: '', encoding: 'UTF-8' };
  const bom = decodeWithBom(bytes);
  if (bom) return bom;
  if (looksBinary(bytes)) throw new CliError('input looks like binary data, not text');

  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'UTF-8' };

  interface Candidate { text: string; encoding: InputEncoding; score: number; note: string }
  const candidates: Candidate[] = [];
  for (const [label, encoding] of [['gb18030', 'GB18030'], ['big5', 'Big5']] as const) {
    const text = tryDecode(label, bytes);
    if (text === null || !decodedEveryByte(bytes, text, encoding)) continue;
    const score = plausibility(text);
    const doubt = score < LOW_PLAUSIBILITY ? ' (low confidence: few common Chinese characters)' : '';
    candidates.push({ text, encoding, score, note: `input decoded as ${encoding}${doubt}` });
  }
  // Stable sort keeps GB18030 ahead of Big5 on a tie (mainland reports are the common case).
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0];
  // A UTF-8 file with a stray bad byte (a truncated download, a pasted Latin-1
  // character) is still UTF-8: keep it, replacing the few bad sequences, unless
  // a legacy decoding reads as clearly better Chinese.
  const lossy = new TextDecoder('utf-8').decode(bytes);
  const bad = countChar(lossy, '\uFFFD');
  if (bad <= Math.max(1, lossy.length * MAX_LOSSY_UTF8_SHARE)) {
    if (!best || best.score < Math.max(LOW_PLAUSIBILITY, plausibility(lossy))) {
      const s = bad === 1 ? '' : 's';
      return { text: lossy, encoding: 'UTF-8', note: `input is not valid UTF-8; ${bad} invalid byte sequence${s} replaced with U+FFFD` };
    }
  }
  if (!best) throw new CliError('input is not valid UTF-8, GB18030 or Big5 text');
  return { text: best.text, encoding: best.encoding, note: best.note };
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeWithBom(bytes: Uint8Array): Decoded | null {
  const [a, b, c] = bytes;
  let label: string | null = null;
  let encoding: InputEncoding = 'UTF-8';
  if (a === 0xef && b === 0xbb && c === 0xbf) label = 'utf-8';
  else if (a === 0xff && b === 0xfe) [label, encoding] = ['utf-16le', 'UTF-16LE'];
  else if (a === 0xfe && b === 0xff) [label, encoding] = ['utf-16be', 'UTF-16BE'];
  if (!label) return null;
  // TextDecoder strips the BOM itself.
  const text = tryDecode(label, bytes);
  if (text === null) throw new CliError(`input starts with a ${encoding} byte-order mark but is not valid ${encoding}`);
  return encoding === 'UTF-8' ? { text, encoding } : { text, encoding, note: `input decoded as ${encoding}` };
}

/** NUL bytes, or many control bytes other than whitespace and ESC, mean binary. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) !== -1) return true;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const x = bytes[i];
    if ((x < 0x20 && x !== 0x09 && x !== 0x0a && x !== 0x0b && x !== 0x0c && x !== 0x0d && x !== 0x1b) || x === 0x7f) control++;
  }
  return control > n * MAX_CONTROL_SHARE;
}

/**
 * ICU's Big5 decoder drops some bytes (0x80, 0xFF, unmapped pairs) without
 * raising even in fatal mode, so check that every byte became a character:
 * one per ASCII byte, one per lead+trail pair (GB18030 may also use four bytes).
 */
function decodedEveryByte(bytes: Uint8Array, text: string, encoding: InputEncoding): boolean {
  let expected = 0;
  for (let i = 0; i < bytes.length; expected++) {
    const x = bytes[i];
    if (x < 0x80 || (encoding === 'GB18030' && (x === 0x80 || x === 0xff))) i += 1;
    else if (encoding === 'GB18030' && i + 1 < bytes.length && bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39) i += 4;
    else i += 2;
  }
  let codePoints = 0;
  for (const _ of text) codePoints++;
  return codePoints === expected && !text.includes('\uFFFD');
}

/** Share of non-ASCII characters that are common Chinese characters. */
export function plausibility(text: string): number {
  let nonAscii = 0;
  let common = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (COMMON_HANZI.has(ch)) common++;
  }
  return nonAscii ? common / nonAscii : 0;
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}
