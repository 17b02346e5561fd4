/**
 * Every occurrence of a set of spellings in a text, found by their first characters.
 *
 * Spellings are grouped by their first two (folded) UTF-16 code units, and the longer ones again by their
 * third; a scan looks up each position's pair, then its third character, and compares the few spellings
 * left. Building it is one pass over the spellings: a page compiles the built-in glossary (some 11,000
 * spellings) before its first marks, and an Aho–Corasick automaton over them (44,000 trie nodes with
 * fail links) cost 20–50 ms of that on a slow machine, against a few ms here. Glossary spellings are
 * short, so the scan does about as much work as the automaton's.
 */

import type { Steps } from '../steps';

/** Folds full-width ASCII to ASCII and ASCII letters to lower case. */
export function fold(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  if (code >= 65 && code <= 90) code += 32;
  return code;
}

const FOLDABLE = /[A-Z\uff01-\uff5e]/;

/** `s` with every code unit folded (the same string when nothing folds: most spellings and texts are Chinese). */
export function foldString(s: string): string {
  if (!FOLDABLE.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(fold(s.charCodeAt(i)));
  return out;
}

/**
 * Non-zero int32 keys to small indices, by open addressing: the keys (two code units in one int32) are
 * beyond the small integers a Map hashes quickly, and most lookups are misses that end at an empty slot.
 */
class IntTable {
  keys = new Int32Array(1 << 12);
  values = new Int32Array(1 << 12);
  /** 32 − log2(size): a key's home slot is the top bits of its hash. */
  private shift = 20;
  private count = 0;

  /** The slot holding `key`, or the empty slot where it would go. */
  slot(key: number): number {
    const { keys } = this;
    const mask = keys.length - 1;
    let s = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (keys[s] !== key && keys[s] !== 0) s = (s + 1) & mask;
    return s;
  }

  get(key: number): number {
    const s = this.slot(key);
    return this.keys[s] === key ? this.values[s] : -1;
  }

  set(key: number, value: number): void {
    if (2 * (this.count + 1) > this.keys.length) this.grow();
    const s = this.slot(key);
    if (this.keys[s] !== key) this.count++;
    this.keys[s] = key;
    this.values[s] = value;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    this.shift--;
    this.count = 0;
    for (let s = 0; s < keys.length; s++) if (keys[s] !== 0) this.set(keys[s], values[s]);
  }
}

/** Per code unit in `starts`: a spelling of two or more characters starts with it, and/or one is it alone. */
const STARTS_LONGER = 1;
const SINGLE = 2;

/** Distinct first pairs an index can hold: (pair index + 1) must fit the 16 high bits of a group's key. */
const MAX_PAIRS = 0xffff;

/** Spellings added between pauses when building stepwise (3,000 made steps of 7 ms in cold code). */
const SPELLINGS_PER_STEP = 1000;

export class SpellingIndex {
  private starts = new Uint8Array(0x10000);
  /** Payloads of one-character spellings, by their code unit. */
  private singles = new Map<number, number[]>();
  /** First pair (c0 << 16 | c1) -> pair index. */
  private byPair = new IntTable();
  /** Payloads of the two-character spellings of each pair. */
  private pairPayloads: number[][] = [];
  /** (pair index + 1) << 16 | third code unit -> group index. */
  private byTriple = new IntTable();
  /** Each group's spellings (folded, three or more characters) and their payloads. */
  private groupSpellings: string[][] = [];
  private groupPayloads: number[][] = [];
  private pending: [string, number][] = [];
  private built = false;

  add(spelling: string, payload: number): void {
    if (this.built) throw new Error('SpellingIndex: add after build');
    if (spelling) this.pending.push([foldString(spelling), payload]);
  }

  build(): this {
    for (const _ of this.buildInSteps());
    return this;
  }

  *buildInSteps(): Steps<void> {
    if (this.built) return;
    const { starts, singles, byPair, byTriple, pairPayloads, groupSpellings, groupPayloads } = this;
    for (let i = 0; i < this.pending.length; i++) {
      if (i % SPELLINGS_PER_STEP === SPELLINGS_PER_STEP - 1) yield;
      const [s, payload] = this.pending[i];
      const c0 = s.charCodeAt(0);
      starts[c0] |= s.length === 1 ? SINGLE : STARTS_LONGER;
      if (s.length === 1) {
        const list = singles.get(c0);
        if (list) list.push(payload);
        else singles.set(c0, [payload]);
        continue;
      }
      const pairKey = (c0 << 16) | s.charCodeAt(1);
      let pair = byPair.get(pairKey);
      if (pair < 0) {
        // A group's key holds the pair index in 16 bits (the built-in glossary has about 3,900 pairs).
        if (pairPayloads.length >= MAX_PAIRS) throw new Error('SpellingIndex: too many distinct first pairs');
        byPair.set(pairKey, (pair = pairPayloads.push([]) - 1));
      }
      if (s.length === 2) {
        pairPayloads[pair].push(payload);
        continue;
      }
      const tripleKey = ((pair + 1) << 16) | s.charCodeAt(2);
      let group = byTriple.get(tripleKey);
      if (group < 0) {
        byTriple.set(tripleKey, (group = groupSpellings.length));
        groupSpellings.push([]);
        groupPayloads.push([]);
      }
      groupSpellings[group].push(s);
      groupPayloads[group].push(payload);
    }
    this.pending = [];
    this.built = true;
  }

  /** Reports every occurrence of every spelling, overlapping ones included, by start position. */
  scan(text: string, onMatch: (start: number, end: number, payload: number) => void): void {
    if (!this.built) this.build();
    const { starts, singles, byPair, byTriple, pairPayloads, groupSpellings, groupPayloads } = this;
    const n = text.length;
    const codes = new Uint16Array(n + 2);
    for (let i = 0; i < n; i++) codes[i] = fold(text.charCodeAt(i));
    for (let i = 0; i < n; i++) {
      const c0 = codes[i];
      const flags = starts[c0];
      if (!flags) continue;
      if (flags & SINGLE) {
        const one = singles.get(c0)!;
        for (let k = 0; k < one.length; k++) onMatch(i, i + 1, one[k]);
      }
      const c1 = codes[i + 1];
      if (!(flags & STARTS_LONGER) || !c1) continue;
      const pairKey = (c0 << 16) | c1;
      const ps = byPair.slot(pairKey);
      if (byPair.keys[ps] !== pairKey) continue;
      const pair = byPair.values[ps];
      const twos = pairPayloads[pair];
      for (let k = 0; k < twos.length; k++) onMatch(i, i + 2, twos[k]);
      const c2 = codes[i + 2];
      if (!c2) continue;
      const tripleKey = ((pair + 1) << 16) | c2;
      const ts = byTriple.slot(tripleKey);
      if (byTriple.keys[ts] !== tripleKey) continue;
      const group = byTriple.values[ts];
      const spellings = groupSpellings[group];
      const payloads = groupPayloads[group];
      for (let k = 0; k < spellings.length; k++) {
        const s = spellings[k];
        let len = 3;
        while (len < s.length && codes[i + len] === s.charCodeAt(len)) len++;
        if (len === s.length) onMatch(i, i + len, payloads[k]);
      }
    }
  }
}
