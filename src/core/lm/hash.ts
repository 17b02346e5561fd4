/**
 * N-gram hashing shared by the build script and the runtime model, so both
 * agree bit for bit. Keys are 24-bit: enough to keep false hits for absent
 * n-grams under 1% at the table sizes we ship, and small to store.
 */

export const KEY_BITS = 24;
export const KEY_MASK = (1 << KEY_BITS) - 1;

/** Characters are folded before counting: all digits are one symbol, all whitespace another. */
export function foldChar(code: number): number {
  if (code >= 48 && code <= 57) return 48; // 0-9
  if (code >= 0xff10 && code <= 0xff19) return 48; // full-width digits
  if (code === 32 || code === 9 || code === 10 || code === 13 || code === 0x3000 || code === 0xa0) return 32;
  return code;
}

export const KEY_INIT = 0x811c9dc5;

/** Extends a key state one character to the left (keys are built right to left so n-grams extend cheaply). */
export function keyStep(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

/** Finishes a key state for an n-gram of order n. */
export function keyFinal(h: number, n: number): number {
  // fmix32 (MurmurHash3 finaliser) so that the low bits are well mixed.
  h ^= n;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) & KEY_MASK;
}

/** Key of the folded code units codes[from, to) (order = to - from). */
export function ngramKey(codes: ArrayLike<number>, from: number, to: number): number {
  let h = KEY_INIT;
  for (let i = to - 1; i >= from; i--) h = keyStep(h, codes[i]);
  return keyFinal(h, to - from);
}

/** Counts are stored as one byte: exact up to 32, then logarithmic (about 4% steps). */
export function quantiseCount(c: number): number {
  if (c <= 32) return c;
  return Math.min(255, 32 + Math.round(Math.log(c / 32) * 24));
}

export function dequantiseCount(q: number): number {
  if (q <= 32) return q;
  return 32 * Math.exp((q - 32) / 24);
}
