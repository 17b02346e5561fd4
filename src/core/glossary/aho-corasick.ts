/**
 * A compact Aho–Corasick automaton over UTF-16 code units.
 *
 * Patterns are added with an integer payload; `scan` reports every (start, end, payload) occurrence
 * in one pass. Characters are folded first (see `fold`) so that full-width ASCII and letter case
 * do not need separate patterns.
 *
 * All edges of the trie live in one map keyed by node and character, with first-child/next-sibling
 * arrays to walk them: the built-in glossary's ~6,000 spellings make ~22,000 nodes, and a map per node
 * cost several times more to build and to collect.
 */

import { runSteps, type Steps } from '../steps';

/** Folds full-width ASCII to ASCII and ASCII letters to lower case. */
export function fold(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  if (code >= 65 && code <= 90) code += 32;
  return code;
}

export interface Occurrence {
  start: number;
  end: number;
  payload: number;
}

export class AhoCorasick {
  /** Every edge of the trie in one map, keyed node × 65536 + character: no map per node. */
  private readonly edgeMap = new Map<number, number>();
  /** Each node's first child and next sibling, to walk children breadth-first; its character. */
  private firstChild: number[] = [-1];
  private nextSibling: number[] = [-1];
  private nodeChar: number[] = [0];
  private fail: Int32Array = new Int32Array(1);
  /** Payloads ending at each node (own patterns only). */
  private readonly outputs: (number[] | undefined)[] = [undefined];
  /** Length (in code units) of the pattern for each payload. */
  private readonly lengths: number[] = [];
  /**
   * Root transitions as a dense table: the scan sits at the root for most characters of a report,
   * so this avoids a lookup there (0 = stay at root).
   */
  private rootNext: Uint16Array | Int32Array = new Uint16Array(0);
  /** Nearest node on the fail chain that has outputs (dictionary suffix link), -1 if none. */
  private dictLink: Int32Array = new Int32Array(1);
  private built = false;

  add(pattern: string, payload: number): void {
    if (this.built) throw new Error('AhoCorasick: add after build');
    if (!pattern) return;
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = fold(pattern.charCodeAt(i));
      const key = node * 0x10000 + c;
      let next = this.edgeMap.get(key);
      if (next === undefined) {
        next = this.nodeChar.length;
        this.edgeMap.set(key, next);
        this.nodeChar.push(c);
        this.firstChild.push(-1);
        this.nextSibling.push(this.firstChild[node]);
        this.firstChild[node] = next;
        this.outputs.push(undefined);
      }
      node = next;
    }
    (this.outputs[node] ??= []).push(payload);
    this.lengths[payload] = pattern.length;
  }

  build(): this {
    runSteps(this.buildInSteps());
    return this;
  }

  /** Sets the fail and dictionary links breadth-first, pausing every few thousand nodes. */
  *buildInSteps(nodesPerStep = 8000): Steps<void> {
    if (this.built) return;
    const n = this.nodeChar.length;
    const { edgeMap, firstChild, nextSibling, nodeChar, outputs } = this;
    // 128 KB while node ids fit in 16 bits, else 256 KB.
    const rootNext = n <= 0xffff ? new Uint16Array(0x10000) : new Int32Array(0x10000);
    for (let k = firstChild[0]; k >= 0; k = nextSibling[k]) rootNext[nodeChar[k]] = k;
    const fail = new Int32Array(n);
    const dictLink = new Int32Array(n).fill(-1);
    const queue = new Int32Array(n);
    let tail = 0;
    for (let k = firstChild[0]; k >= 0; k = nextSibling[k]) queue[tail++] = k;
    for (let head = 0; head < tail; head++) {
      if (head % nodesPerStep === nodesPerStep - 1) yield;
      const node = queue[head];
      for (let child = firstChild[node]; child >= 0; child = nextSibling[child]) {
        const c = nodeChar[child];
        let f = fail[node];
        let target = f === 0 ? rootNext[c] || -1 : (edgeMap.get(f * 0x10000 + c) ?? -1);
        while (target < 0 && f !== 0) {
          f = fail[f];
          target = f === 0 ? rootNext[c] || -1 : (edgeMap.get(f * 0x10000 + c) ?? -1);
        }
        fail[child] = target >= 0 && target !== child ? target : 0;
        const fc = fail[child];
        dictLink[child] = outputs[fc] ? fc : dictLink[fc];
        queue[tail++] = child;
      }
    }
    this.fail = fail;
    this.dictLink = dictLink;
    this.rootNext = rootNext;
    this.built = true;
  }

  scan(text: string, onMatch: (start: number, end: number, payload: number) => void): void {
    if (!this.built) this.build();
    const { fail, outputs, dictLink, lengths, rootNext, edgeMap } = this;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = fold(text.charCodeAt(i));
      while (node !== 0) {
        const next = edgeMap.get(node * 0x10000 + c);
        if (next !== undefined) {
          node = next;
          break;
        }
        node = fail[node];
      }
      if (node === 0) {
        node = rootNext[c];
        if (node === 0) continue;
      }
      for (let o = outputs[node] ? node : dictLink[node]; o > 0; o = dictLink[o]) {
        for (const payload of outputs[o]!) onMatch(i + 1 - lengths[payload], i + 1, payload);
      }
    }
  }

  get size(): number {
    return this.nodeChar.length;
  }
}
