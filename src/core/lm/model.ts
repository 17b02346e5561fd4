import { runSteps, type Steps } from '../steps';
import { decodeTablesInSteps, KEYS_PER_STEP, type OrderTable } from './codec';
import * as hash from './hash';
import { dequantiseCount, foldChar, KEY_INIT } from './hash';

// Module-local bindings: some loaders (tsx, vite-node) turn every call of an
// imported function into a property getter, which costs in the scoring loop.
const keyStep = hash.keyStep;
const keyFinal = hash.keyFinal;

export const LM_ORDER = 4;

const DEQUANT = Float64Array.from({ length: 256 }, (_, q) => dequantiseCount(q));

/**
 * Smoothing weight of a context seen c times: BETA_A · c^BETA_B. A constant
 * weight (plain additive smoothing) trusts frequent contexts far too much: after
 * 新 (6,600 times) an unseen next character got p ≈ 2/6600 of its lower-order
 * probability. Frequent contexts have many distinct continuations (Heaps' law),
 * so the weight grows with c, as in Witten-Bell smoothing but without storing
 * type counts. Fitted on held-out national 2019/2023 text: with the count checks
 * in charProb, 3.72 → 2.77 nats/char.
 */
const BETA_A = 2;
const BETA_B = 0.72;
const BETA_OF = Float64Array.from(DEQUANT, (c) => BETA_A * Math.pow(c, BETA_B));

/** One order's counts in an open-addressing table; each slot packs (24-bit key << 8 | count byte), 0 = empty. */
class CountTable {
  private readonly slots: Uint32Array;
  private readonly shift: number;

  private constructor(slots: Uint32Array, shift: number) {
    this.slots = slots;
    this.shift = shift;
  }

  /** Fills the table in steps of KEYS_PER_STEP keys. */
  static *build(keys: Uint32Array, counts: Uint8Array): Steps<CountTable> {
    let bits = 4;
    while (1 << bits < keys.length * 1.6) bits++;
    const slots = new Uint32Array(1 << bits);
    const shift = 32 - bits;
    const mask = (1 << bits) - 1;
    for (let i = 0; i < keys.length; i++) {
      let s = Math.imul(keys[i], 0x9e3779b1) >>> shift;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = ((keys[i] << 8) | counts[i]) >>> 0;
      if (i % KEYS_PER_STEP === KEYS_PER_STEP - 1) yield;
    }
    return new CountTable(slots, shift);
  }

  /** Quantised count byte of a key (0 = absent); bytes order like the counts they stand for. */
  getQ(key: number): number {
    const mask = this.slots.length - 1;
    let s = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const v = this.slots[s];
      if (v === 0) return 0;
      if (v >>> 8 === key) return v & 0xff;
      s = (s + 1) & mask;
    }
  }

  get(key: number): number {
    return DEQUANT[this.getQ(key)];
  }

  get bytes(): number {
    return this.slots.byteLength;
  }
}

/**
 * Character n-gram model (orders 1..4) with recursive smoothing:
 *   p_n(c | h) = (count(h c) + β(h) · p_{n-1}(c | h')) / (count(h) + β(h)),  β(h) = BETA_A · count(h)^BETA_B
 * Higher-order singletons were pruned at build time, so the lower orders
 * carry rare contexts. Used to compare candidate restorations in context.
 */
export class CharLM {
  private readonly tables: CountTable[];
  private readonly total: number;
  private readonly vocab: number;
  /** Unigram probabilities by folded code, filled on first use (0 = not yet computed). */
  private readonly unigram = new Float32Array(65536);
  /** Unigram count bytes by folded code, -1 = not yet looked up. */
  private readonly single = new Int16Array(65536).fill(-1);
  /** Highest order used when scoring (≤ LM_ORDER); lower is faster. */
  order = LM_ORDER;

  private constructor(tables: CountTable[], total: number, vocab: number) {
    this.tables = tables;
    this.total = total;
    this.vocab = vocab;
  }

  /** The model from its serialised tables (see codec.ts). */
  static fromBytes(bytes: Uint8Array): CharLM {
    return runSteps(CharLM.load(bytes));
  }

  /**
   * fromBytes as a generator that pauses every KEYS_PER_STEP keys of decoding
   * and table filling, so a page can load the model across many short tasks.
   */
  static *load(bytes: Uint8Array): Steps<CharLM> {
    const decoded: OrderTable[] = yield* decodeTablesInSteps(bytes);
    const tables: CountTable[] = [];
    for (const t of decoded) tables.push(yield* CountTable.build(t.keys, t.counts));
    let total = 0;
    for (const c of decoded[0].counts) total += dequantiseCount(c);
    return new CharLM(tables, total, decoded[0].keys.length + 1);
  }

  get memoryBytes(): number {
    return this.tables.reduce((n, t) => n + t.bytes, 0) + this.unigram.byteLength + this.single.byteLength;
  }

  /** ln p(codes[i] | up to 3 preceding codes, not reaching before `floor`). */
  charLogProb(codes: ArrayLike<number>, i: number, floor = 0): number {
    return Math.log(this.charProb(codes, i, floor));
  }

  private singleQ(code: number): number {
    let q = this.single[code];
    if (q < 0) q = this.single[code] = this.tables[0].getQ(keyFinal(keyStep(KEY_INIT, code), 1));
    return q;
  }

  /**
   * p(codes[i] | up to 3 preceding codes); callers multiply several before one log.
   *
   * Keys are 24-bit hashes, so about 1% of lookups of absent n-grams hit some
   * other n-gram's slot, and n-grams that share a key had their counts summed at
   * build time. True counts nest: count(h c) ≤ count(h' c) (its suffix) and
   * ≤ count(h), and count(h) ≤ count(h'), so each count is clamped to those
   * bounds. An absent n-gram's suffix is usually absent too, so most false hits
   * come out as 0; merged counts (希望 read as 55 while 希 has 15) come out at
   * their bound. Every p is then ≤ 1 (false hits used to give p > 1).
   */
  charProb(codes: ArrayLike<number>, i: number, floor = 0): number {
    return this.computeProb(codes, i, floor);
  }

  /**
   * Product of p(codes[k] | up to 3 preceding codes) for k in [from, to), the
   * values of charProb (a carried context is also clamped by its prefix's count,
   * which differs only around hash-merged counts). Walking left to right, the n-grams ending at k are
   * the contexts of k + 1, so each position needs only its three joint lookups
   * (the slow part: random reads in megabyte tables) instead of six. Every
   * factor is ≤ 1, so once the product falls below `stopBelow` it returns early.
   */
  spanProb(codes: ArrayLike<number>, from: number, to: number, floor = 0, stopBelow = 0): number {
    const t1 = this.tables[1];
    const t2 = this.tables[2];
    const t3 = this.tables[3];
    const maxOrder = this.order;
    // Context count bytes of orders 2..4 for position `from` (0 = unseen or unavailable).
    let c1 = 0;
    let c2 = 0;
    let c3 = 0;
    const avail = from - floor;
    if (avail >= 1 && maxOrder >= 2) {
      c1 = this.singleQ(codes[from - 1]);
      let h = keyStep(KEY_INIT, codes[from - 1]);
      if (c1 && avail >= 2 && maxOrder >= 3) {
        h = keyStep(h, codes[from - 2]);
        c2 = this.tables[1].getQ(keyFinal(h, 2));
        if (c2 > c1) c2 = c1;
        if (c2 && avail >= 3 && maxOrder >= 4) {
          c3 = t2.getQ(keyFinal(keyStep(h, codes[from - 3]), 3));
          if (c3 > c2) c3 = c2;
        }
      }
    }
    let prod = 1;
    for (let k = from; k < to; k++) {
      const first = codes[k];
      let p = this.unigram[first];
      const j1 = this.singleQ(first);
      // Read back what the Float32Array kept: the first use must give what every later one does.
      if (p === 0) p = this.unigram[first] = Math.fround((DEQUANT[j1] + 0.5) / (this.total + 0.5 * this.vocab));
      let j2 = 0;
      let j3 = 0;
      let j4 = 0;
      if (c1) {
        let h = keyStep(keyStep(KEY_INIT, first), codes[k - 1]);
        j2 = j1 ? t1.getQ(keyFinal(h, 2)) : 0;
        if (j2 > j1) j2 = j1;
        if (j2 > c1) j2 = c1;
        p = (DEQUANT[j2] + BETA_OF[c1] * p) / (DEQUANT[c1] + BETA_OF[c1]);
        if (c2) {
          h = keyStep(h, codes[k - 2]);
          j3 = j2 ? t2.getQ(keyFinal(h, 3)) : 0;
          if (j3 > j2) j3 = j2;
          if (j3 > c2) j3 = c2;
          p = (DEQUANT[j3] + BETA_OF[c2] * p) / (DEQUANT[c2] + BETA_OF[c2]);
          if (c3) {
            j4 = j3 ? t3.getQ(keyFinal(keyStep(h, codes[k - 3]), 4)) : 0;
            if (j4 > j3) j4 = j3;
            if (j4 > c3) j4 = c3;
            p = (DEQUANT[j4] + BETA_OF[c3] * p) / (DEQUANT[c3] + BETA_OF[c3]);
          }
        }
      }
      prod *= p;
      if (prod < stopBelow) return prod; // the caller only needs to know it is below
      // The n-grams ending here are the next position's contexts (within the order and floor limits).
      c1 = maxOrder >= 2 ? j1 : 0;
      c2 = maxOrder >= 3 && k - floor >= 1 && c1 ? j2 : 0;
      c3 = maxOrder >= 4 && k - floor >= 2 && c2 ? j3 : 0;
    }
    return prod;
  }

  private computeProb(codes: ArrayLike<number>, i: number, floor: number): number {
    const first = codes[i];
    let p = this.unigram[first];
    if (p === 0) p = this.unigram[first] = Math.fround((DEQUANT[this.singleQ(first)] + 0.5) / (this.total + 0.5 * this.vocab));
    let joint = keyStep(KEY_INIT, first);
    let ctx = KEY_INIT;
    let prevJoint = this.singleQ(first); // count byte of the shorter n-gram ending in codes[i]
    let prevCtx = 256;
    const maxOrder = Math.min(this.order, i - floor + 1);
    for (let n = 2; n <= maxOrder; n++) {
      const code = codes[i - n + 1];
      ctx = keyStep(ctx, code);
      let qc = n === 2 ? this.singleQ(code) : this.tables[n - 2].getQ(keyFinal(ctx, n - 1));
      if (qc === 0) break; // unseen context: higher orders know nothing more
      if (qc > prevCtx) qc = prevCtx;
      prevCtx = qc;
      joint = keyStep(joint, code);
      let qj = prevJoint === 0 ? 0 : this.tables[n - 1].getQ(keyFinal(joint, n));
      if (qj > prevJoint) qj = prevJoint;
      if (qj > qc) qj = qc;
      prevJoint = qj;
      const b = BETA_OF[qc];
      p = (DEQUANT[qj] + b * p) / (DEQUANT[qc] + b);
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
