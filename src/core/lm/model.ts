import { decodeTables } from './codec';
import { dequantiseCount, foldChar, KEY_INIT, keyFinal, keyStep } from './hash';

export const LM_ORDER = 4;

const DEQUANT = Float64Array.from({ length: 256 }, (_, q) => dequantiseCount(q));

/** One order's counts in an open-addressing table; each slot packs (24-bit key << 8 | count byte), 0 = empty. */
class CountTable {
  private readonly slots: Uint32Array;
  private readonly shift: number;

  constructor(keys: Uint32Array, counts: Uint8Array) {
    let bits = 4;
    while (1 << bits < keys.length * 1.6) bits++;
    this.slots = new Uint32Array(1 << bits);
    this.shift = 32 - bits;
    const mask = (1 << bits) - 1;
    for (let i = 0; i < keys.length; i++) {
      let s = Math.imul(keys[i], 0x9e3779b1) >>> this.shift;
      while (this.slots[s] !== 0) s = (s + 1) & mask;
      this.slots[s] = ((keys[i] << 8) | counts[i]) >>> 0;
    }
  }

  get(key: number): number {
    const mask = this.slots.length - 1;
    let s = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const v = this.slots[s];
      if (v === 0) return 0;
      if (v >>> 8 === key) return DEQUANT[v & 0xff];
      s = (s + 1) & mask;
    }
  }

  get bytes(): number {
    return this.slots.byteLength;
  }
}

/**
 * Character n-gram model (orders 1..4) with recursive additive smoothing:
 *   p_n(c | h) = (count(h c) + BETA * p_{n-1}(c | h')) / (count(h) + BETA)
 * Higher-order singletons were pruned at build time, so the lower orders
 * carry rare contexts. Used to compare candidate restorations in context.
 */
export class CharLM {
  private readonly tables: CountTable[];
  private readonly total: number;
  private readonly vocab: number;
  /** Unigram probabilities by folded code, filled on first use (0 = not yet computed). */
  private readonly unigram = new Float32Array(65536);
  /** Unigram counts by folded code (the order-2 context count), -1 = not yet looked up. */
  private readonly single = new Float32Array(65536).fill(-1);
  static readonly BETA = 2;
  /** Highest order used when scoring (≤ LM_ORDER); lower is faster. */
  order = LM_ORDER;

  constructor(bytes: Uint8Array) {
    const decoded = decodeTables(bytes);
    this.tables = decoded.map((t) => new CountTable(t.keys, t.counts));
    let total = 0;
    for (const c of decoded[0].counts) total += dequantiseCount(c);
    this.total = total;
    this.vocab = decoded[0].keys.length + 1;
  }

  get memoryBytes(): number {
    return this.tables.reduce((n, t) => n + t.bytes, 0) + this.unigram.byteLength + this.single.byteLength;
  }

  /** ln p(codes[i] | up to 3 preceding codes, not reaching before `floor`). */
  charLogProb(codes: ArrayLike<number>, i: number, floor = 0): number {
    return Math.log(this.charProb(codes, i, floor));
  }

  /** p(codes[i] | up to 3 preceding codes); callers multiply several before one log. */
  charProb(codes: ArrayLike<number>, i: number, floor = 0): number {
    const first = codes[i];
    let p = this.unigram[first];
    if (p === 0) p = this.unigram[first] = (this.tables[0].get(keyFinal(keyStep(KEY_INIT, first), 1)) + 0.5) / (this.total + 0.5 * this.vocab);
    let joint = keyStep(KEY_INIT, first);
    let ctx = KEY_INIT;
    const maxOrder = Math.min(this.order, i - floor + 1);
    for (let n = 2; n <= maxOrder; n++) {
      const code = codes[i - n + 1];
      ctx = keyStep(ctx, code);
      let c: number;
      if (n === 2) {
        c = this.single[code];
        if (c < 0) c = this.single[code] = this.tables[0].get(keyFinal(ctx, 1));
      } else c = this.tables[n - 2].get(keyFinal(ctx, n - 1));
      if (c === 0) break; // unseen context: higher orders know nothing more
      joint = keyStep(joint, code);
      p = (this.tables[n - 1].get(keyFinal(joint, n)) + CharLM.BETA * p) / (c + CharLM.BETA);
    }
    return p;
  }

  /** Sum of ln p over characters s[from..], each conditioned on what precedes it in s. */
  logProb(s: string, from = 0): number {
    const codes = foldCodes(s);
    let sum = 0;
    for (let i = from; i < codes.length; i++) sum += this.charLogProb(codes, i);
    return sum;
  }
}

export function foldCodes(s: string): Uint16Array {
  const codes = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) codes[i] = foldChar(s.charCodeAt(i));
  return codes;
}
