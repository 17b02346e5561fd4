import { Stepwise, type Steps } from '../../steps';

/**
 * Reverse tables for the two common mis-decodings of UTF-8 bytes: as GBK
 * (GB18030 in TextDecoder) and as Windows-1252. Built only from TextDecoder,
 * so the same code runs in browsers and Node.
 */

/** Lead bytes decoded per step: 126 leads × 190 trails in one go made a task of 5–20 ms on a slow machine. */
const LEADS_PER_STEP = 16;

/**
 * char → GBK bytes (1 byte as b, 2 bytes as (lead << 8) | trail). Every Chinese page needs it (clean runs are
 * checked for stretches that read as UTF-8), so the page builds it in steps before its first repair
 * (loadGbkTableInSteps, via repair's warmUp); other callers build it on first use.
 */
const gbkReverse = new Stepwise(function* () {
  const table = new Map<string, number>();
  const decoder = new TextDecoder('gbk');
  for (let from = 0x81; from <= 0xfe; from += LEADS_PER_STEP) {
    // Decode every pair of these leads in one call, each followed by a space so the output splits back into pairs.
    const codes: number[] = [];
    for (let lead = from; lead < from + LEADS_PER_STEP && lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) codes.push((lead << 8) | trail);
    const buf = new Uint8Array(codes.length * 3);
    codes.forEach((code, i) => {
      buf[i * 3] = code >> 8;
      buf[i * 3 + 1] = code & 0xff;
      buf[i * 3 + 2] = 0x20;
    });
    const chars = decoder.decode(buf).split(' ');
    codes.forEach((code, i) => {
      const ch = chars[i];
      const single = ch.length === 1 || (ch.length === 2 && ch.codePointAt(0)! > 0xffff);
      if (single && ch !== '\ufffd' && !table.has(ch)) table.set(ch, code);
    });
    yield;
  }
  // A lone 0x80 decodes as €; UTF-8 continuation bytes make that the likely source.
  table.set('\u20ac', 0x80);
  return table;
});

export function gbkTable(): Map<string, number> {
  return gbkReverse.get();
}

/** Builds gbkTable in short steps (see src/core/steps.ts). */
export function loadGbkTableInSteps(): Steps<Map<string, number>> {
  return gbkReverse.steps();
}

/** GBK byte sequence for one character, or null when GBK cannot encode it. */
export function gbkBytes(ch: string, out: number[]): boolean {
  const v = gbkTable().get(ch);
  if (v === undefined) return false;
  if (v > 0xff) out.push(v >> 8, v & 0xff);
  else out.push(v);
  return true;
}

/** Windows-1252's 0x80–0x9F; the five undefined bytes decode to C1 controls (WHATWG). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
let cp1252Reverse: Map<string, number> | null = null;

/** The byte a character came from under Windows-1252/Latin-1 decoding (0x80–0xFF only), or undefined. */
export function cp1252Byte(ch: string): number | undefined {
  if (!cp1252Reverse) {
    cp1252Reverse = new Map();
    for (let i = 0; i < 32; i++) cp1252Reverse.set(CP1252_HIGH[i], 0x80 + i);
    for (let b = 0x80; b <= 0x9f; b++) if (!cp1252Reverse.has(String.fromCharCode(b))) cp1252Reverse.set(String.fromCharCode(b), b);
    for (let b = 0xa0; b <= 0xff; b++) cp1252Reverse.set(String.fromCharCode(b), b);
  }
  return cp1252Reverse.get(ch);
}

/**
 * The Windows-1252 bytes a string of mojibake stands for, in order: an entity (&nbsp;, &frac14;) as the
 * one NBSP byte it replaced, a space as NBSP when `spaceIsNbsp` (an NBSP shown as a space), and
 * undefined for a character 1252 cannot hold (the run ends there).
 */
export function* cp1252BytesOf(s: string, spaceIsNbsp = false): Generator<number | undefined> {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '&') {
      const m = /^&[^;]{2,8};/.exec(s.slice(i, i + 10));
      if (m) i += m[0].length - 1;
      yield 0xa0;
    } else yield spaceIsNbsp && s[i] === ' ' ? 0xa0 : cp1252Byte(s[i]);
  }
}

/** How many continuation bytes a UTF-8 lead byte announces (0 for anything that is not a lead byte). */
export function utf8Continuations(b: number): number {
  return b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
}

const isContinuation = (b: number) => b >= 0x80 && b <= 0xbf;

/**
 * Whether the Windows-1252 bytes of `s` end inside a UTF-8 character (a
 * continuation byte is due). A space and an HTML entity count as a byte of
 * 0xA0–0xFF (a no-break space shown as a space, &nbsp;, &frac14; …).
 */
export function endsMidSequence(s: string): boolean {
  let need = 0;
  for (const b of cp1252BytesOf(s, true)) {
    if (b === undefined) return false;
    need = isContinuation(b) ? Math.max(0, need - 1) : utf8Continuations(b);
  }
  return need > 0;
}

/** Whether the bytes hold at least one whole multi-byte UTF-8 character. */
export function holdsUtf8Character(s: string): boolean {
  let need = 0;
  for (const b of cp1252BytesOf(s)) {
    if (b === undefined) return false;
    const cont = isContinuation(b);
    if (need > 0 && cont && --need === 0) return true;
    if (!cont) need = utf8Continuations(b);
  }
  return false;
}
