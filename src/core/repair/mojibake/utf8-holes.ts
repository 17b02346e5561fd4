import { charCost } from './score';

/** A hole: a byte known to be lost (it showed as U+FFFD). */
export const HOLE = -1;

export interface DecodedChar {
  text: string;
  /** Byte span [byteStart, byteEnd) in the input array. */
  byteStart: number;
  byteEnd: number;
  /** True when a lost byte had to be guessed to produce this character. */
  guessed: boolean;
  /** For a guess: every plausible character, most frequent first (text is the first). */
  candidates?: string[];
}

const isCont = (b: number) => b >= 0x80 && b <= 0xbf;
const seqLen = (b: number) => (b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0);
/**
 * Decodes one complete UTF-8 sequence (strictly: no overlongs, surrogates or
 * values past U+10FFFF), or null. Written out rather than via TextDecoder
 * because guessing a lost byte tries up to 128 sequences per hole.
 */
function decodeOne(seq: number[]): string | null {
  const [b0, b1, b2, b3] = seq;
  switch (seq.length) {
    case 1:
      return b0 < 0x80 ? String.fromCharCode(b0) : null;
    case 2:
      return b0 >= 0xc2 && b0 <= 0xdf && isCont(b1) ? String.fromCharCode(((b0 & 0x1f) << 6) | (b1 & 0x3f)) : null;
    case 3: {
      if (b0 < 0xe0 || b0 > 0xef || !isCont(b1) || !isCont(b2)) return null;
      if ((b0 === 0xe0 && b1 < 0xa0) || (b0 === 0xed && b1 > 0x9f)) return null;
      return String.fromCharCode(((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f));
    }
    case 4: {
      if (b0 < 0xf0 || b0 > 0xf4 || !isCont(b1) || !isCont(b2) || !isCont(b3)) return null;
      if ((b0 === 0xf0 && b1 < 0x90) || (b0 === 0xf4 && b1 > 0x8f)) return null;
      return String.fromCodePoint(((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f));
    }
    default:
      return null;
  }
}

/** Only a Han character or CJK/general punctuation is an acceptable guess for a lost byte. */
const plausibleGuess = (ch: string) => /^[\p{Script=Han}\u2010-\u2027\u3000-\u303f\uff01-\uff5e]$/u.test(ch);

/**
 * Every plausible character for the ways of filling one unknown byte, most frequent first.
 * `likely`: bytes known to get lost on this path (Windows-1252's C1 controls); when
 * any of them fits, only those are candidates.
 */
function fillCandidates(variants: number[][], likely?: readonly number[]): string[] {
  const found = new Set<string>();
  const preferred = new Set<string>();
  for (const seq of variants) {
    const i = seq.indexOf(HOLE);
    for (let v = 0x80; v <= 0xff; v++) {
      seq[i] = v;
      const ch = decodeOne(seq);
      if (ch !== null && plausibleGuess(ch)) {
        found.add(ch);
        if (likely?.includes(v)) preferred.add(ch);
      }
    }
    seq[i] = HOLE;
  }
  // The likeliest few are enough for the context step; the long tail is rare characters.
  return [...(preferred.size ? preferred : found)]
    .map((c) => [c, charCost(c)] as const)
    .sort((a, b) => a[1] - b[1])
    .slice(0, MAX_CANDIDATES)
    .map(([c]) => c);
}

const MAX_CANDIDATES = 16;

/** A character whose bytes were lost beyond guessing: shown as unknown, with nothing to suggest. */
const UNKNOWN_CHAR = '\ufffd';

/**
 * Decodes UTF-8 where some bytes are lost: explicit holes (U+FFFD in the
 * mis-decoded text) or bytes missing without trace (a lead byte followed by one
 * continuation byte too few). At most one byte per character is guessed;
 * each guess lists its candidates, most frequent first. Where more is lost
 * (two bytes of one character, a lead byte and its neighbour's last byte, as
 * when a GBK private-use character is dropped), the decoder resynchronises at
 * the next lead byte: the bytes in between are one unknown character, and the
 * character before stray continuation bytes, which may have swallowed one of
 * them, becomes uncertain too. Returns null only when nothing is UTF-8-like.
 * `guess`: false to skip guessing lost characters (they stay unknown), when only the certain ones matter.
 */
export function decodeUtf8WithHoles(bytes: number[], likelyLost?: readonly number[], guess = true): DecodedChar[] | null {
  const out: DecodedChar[] = [];
  const unknown = (from: number, to: number) => {
    const prev = out[out.length - 1];
    // Stray continuation bytes: the character before may have taken one that was not its own.
    if (prev && !prev.guessed && prev.byteEnd === from && prev.byteEnd - prev.byteStart > 1 && isCont(bytes[from] ?? 0)) {
      prev.guessed = true;
      prev.candidates = [prev.text];
    }
    out.push({ text: UNKNOWN_CHAR, byteStart: from, byteEnd: to, guessed: true });
  };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b >= 0 && b < 0x80) {
      out.push({ text: String.fromCharCode(b), byteStart: i, byteEnd: i + 1, guessed: false });
      i++;
      continue;
    }
    const n = b === HOLE ? 0 : seqLen(b);
    if (n) {
      // Lead byte: gather continuation bytes and holes.
      let j = i + 1;
      let holes = 0;
      while (j < bytes.length && j - i < n && (isCont(bytes[j]) || bytes[j] === HOLE)) {
        if (bytes[j] === HOLE) holes++;
        j++;
      }
      const seq = bytes.slice(i, j);
      const ch = j - i === n && holes === 0 ? decodeOne(seq) : null;
      if (ch !== null) {
        out.push({ text: ch, byteStart: i, byteEnd: j, guessed: false });
      } else {
        let candidates: string[] = [];
        if (!guess) candidates = [];
        else if (j - i === n && holes === 1) candidates = fillCandidates([seq]);
        else if (j - i === n - 1 && holes === 0 && n >= 3) {
          // One byte vanished without a trace: it may have been any of the continuations.
          const variants: number[][] = [];
          for (let k = 1; k < n; k++) variants.push([...seq.slice(0, k), HOLE, ...seq.slice(k)]);
          candidates = fillCandidates(variants, likelyLost);
        }
        if (candidates.length) out.push({ text: candidates[0], byteStart: i, byteEnd: j, guessed: true, candidates });
        else unknown(i, j);
      }
      i = j;
      continue;
    }
    // A lost lead byte: a hole or nothing, then exactly two continuation bytes (a 3-byte character).
    const start = i;
    const k = b === HOLE ? i + 1 : i;
    if (guess && k + 1 < bytes.length + 1 && isCont(bytes[k]) && isCont(bytes[k + 1]) && !isCont(bytes[k + 2] ?? 0) && bytes[k + 2] !== HOLE) {
      const candidates = fillCandidates([[HOLE, bytes[k], bytes[k + 1]]]);
      if (candidates.length) {
        out.push({ text: candidates[0], byteStart: start, byteEnd: k + 2, guessed: true, candidates });
        i = k + 2;
        continue;
      }
    }
    // Resynchronise: everything up to the next lead byte or ASCII is one lost character.
    let j = i + 1;
    while (j < bytes.length && (isCont(bytes[j]) || bytes[j] === HOLE)) j++;
    if (bytes[i] !== HOLE && !isCont(bytes[i])) return null; // a byte UTF-8 never uses (0xC0, 0xF5–0xFF)
    unknown(i, j);
    i = j;
  }
  // Mostly unreadable is not UTF-8 that lost bytes: more characters lost beyond guessing than read.
  let lost = 0;
  let read = 0;
  for (const d of out) {
    if (d.text === UNKNOWN_CHAR && !d.candidates) lost++;
    else if (!d.guessed && d.byteEnd - d.byteStart > 1) read++;
  }
  return lost > read ? null : out;
}
