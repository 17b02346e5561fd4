/**
 * A compact Aho–Corasick automaton over UTF-16 code units.
 *
 * Patterns are added with an integer payload; `scan` reports every (start, end, payload) occurrence
 * in one pass. Characters are folded first (see `fold`) so that full-width ASCII and letter case
 * do not need separate patterns.
 *
 * The trie is flat arrays (first child, next sibling, character per node) with a dense table for the
 * root's children: the built-in glossary's ~6,000 spellings make ~22,000 nodes, and a map per node (or
 * one map keyed by node and character, whose keys outgrow small integers) cost more to build and scan.
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
  /** The root's children by character (0 = none): most characters of a text start nothing. */
  private rootNext = new Int32Array(0x10000);
  /** Each node's first child and next sibling, and its character. */
  private firstChild: number[] | Int32Array = [-1];
  private nextSibling: number[] | Int32Array = [-1];
  private nodeChar: number[] | Uint16Array = [0];
  private fail: Int32Array = new Int32Array(1);
  /** Built: node i's children as runChar/runNode[runStart[i] .. runStart[i + 1]), characters ascending. */
  private runStart: Int32Array = new Int32Array(2);
  private runChar: Uint16Array = new Uint16Array(0);
  private runNode: Int32Array = new Int32Array(0);
  /** Payloads ending at each node (own patterns only). */
  private readonly outputs: (number[] | undefined)[] = [undefined];
  /** Length (in code units) of the pattern for each payload. */
  private readonly lengths: number[] = [];
  /** Nearest node on the fail chain that has outputs (dictionary suffix link), -1 if none. */
  private dictLink: Int32Array = new Int32Array(1);
  private built = false;

  /** The child of `node` on `c`, or -1: the dense table at the root, a walk over siblings below it. */
  private child(node: number, c: number): number {
    if (node === 0) return this.rootNext[c] || -1;
    const { firstChild, nextSibling, nodeChar } = this;
    for (let k = firstChild[node]; k >= 0; k = nextSibling[k]) if (nodeChar[k] === c) return k;
    return -1;
  }

  add(pattern: string, payload: number): void {
    if (this.built) throw new Error('AhoCorasick: add after build');
    if (!pattern) return;
    const firstChild = this.firstChild as number[];
    const nextSibling = this.nextSibling as number[];
    const nodeChar = this.nodeChar as number[];
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = fold(pattern.charCodeAt(i));
      let next = this.child(node, c);
      if (next < 0) {
        next = nodeChar.length;
        nodeChar.push(c);
        firstChild.push(-1);
        nextSibling.push(firstChild[node]);
        firstChild[node] = next;
        if (node === 0) this.rootNext[c] = next;
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

  /**
   * Sets the fail and dictionary links breadth-first, pausing every two thousand nodes (8,000 made steps of up to
   * 10 ms in a page on a slow machine, and a step runs whole however small the slicer's budget).
   */
  *buildInSteps(nodesPerStep = 2000): Steps<void> {
    if (this.built) return;
    const firstChild = Int32Array.from(this.firstChild);
    const nextSibling = Int32Array.from(this.nextSibling);
    const nodeChar = Uint16Array.from(this.nodeChar);
    this.firstChild = firstChild;
    this.nextSibling = nextSibling;
    this.nodeChar = nodeChar;
    const n = nodeChar.length;
    const outputs = this.outputs;
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
        let target = this.child(f, c);
        while (target < 0 && f !== 0) {
          f = fail[f];
          target = this.child(f, c);
        }
        fail[child] = target >= 0 && target !== child ? target : 0;
        const fc = fail[child];
        dictLink[child] = outputs[fc] ? fc : dictLink[fc];
        queue[tail++] = child;
      }
    }
    this.fail = fail;
    this.dictLink = dictLink;
    // For scanning: each node's children as one sorted run (binary search), not a sibling walk, since
    // nodes near the root have hundreds of children (国…, 发…).
    const start = new Int32Array(n + 1);
    for (let node = 0; node < n; node++) {
      if (node % (4 * nodesPerStep) === 4 * nodesPerStep - 1) yield;
      let count = 0;
      for (let k = firstChild[node]; k >= 0; k = nextSibling[k]) count++;
      start[node + 1] = start[node] + count;
    }
    const runChar = new Uint16Array(start[n]);
    const runNode = new Int32Array(start[n]);
    const kids: number[] = [];
    for (let node = 0; node < n; node++) {
      if (node % nodesPerStep === nodesPerStep - 1) yield;
      kids.length = 0;
      for (let k = firstChild[node]; k >= 0; k = nextSibling[k]) kids.push(k);
      kids.sort((a, b) => nodeChar[a] - nodeChar[b]);
      for (let j = 0; j < kids.length; j++) {
        runChar[start[node] + j] = nodeChar[kids[j]];
        runNode[start[node] + j] = kids[j];
      }
    }
    this.runStart = start;
    this.runChar = runChar;
    this.runNode = runNode;
    this.built = true;
  }

  scan(text: string, onMatch: (start: number, end: number, payload: number) => void): void {
    if (!this.built) this.build();
    const { fail, outputs, dictLink, lengths, rootNext, runStart, runChar, runNode } = this;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = fold(text.charCodeAt(i));
      while (node !== 0) {
        let lo = runStart[node];
        let hi = runStart[node + 1] - 1;
        let next = -1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const m = runChar[mid];
          if (m === c) {
            next = runNode[mid];
            break;
          }
          if (m < c) lo = mid + 1;
          else hi = mid - 1;
        }
        if (next >= 0) {
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
