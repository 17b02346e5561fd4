/**
 * A compact Aho–Corasick automaton over UTF-16 code units.
 *
 * Patterns are added with an integer payload; `scan` reports every (start, end, payload) occurrence
 * in one pass. Characters are folded first (see `fold`) so that full-width ASCII and letter case
 * do not need separate patterns.
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
  /** goto edges of each node: char code -> node. */
  private readonly edges: Map<number, number>[] = [new Map()];
  private fail: Int32Array = new Int32Array(1);
  /** Payloads ending at each node (own patterns only). */
  private readonly outputs: (number[] | undefined)[] = [undefined];
  /** Length (in code units) of the pattern for each payload. */
  private readonly lengths: number[] = [];
  /**
   * Root transitions as a dense table: the scan sits at the root for most characters of a report,
   * so this avoids a Map lookup there (0 = stay at root).
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
      let next = this.edges[node].get(c);
      if (next === undefined) {
        next = this.edges.length;
        this.edges.push(new Map());
        this.outputs.push(undefined);
        this.edges[node].set(c, next);
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

  /** The breadth-first pass that sets fail and dictionary links, pausing every few thousand nodes. */
  *buildInSteps(nodesPerStep = 4000): Steps<void> {
    const n = this.edges.length;
    this.fail = new Int32Array(n);
    this.dictLink = new Int32Array(n).fill(-1);
    const queue: number[] = [];
    for (const child of this.edges[0].values()) queue.push(child);
    for (let qi = 0; qi < queue.length; qi++) {
      if (qi % nodesPerStep === nodesPerStep - 1) yield;
      const node = queue[qi];
      for (const [c, child] of this.edges[node]) {
        let f = this.fail[node];
        while (f !== 0 && !this.edges[f].has(c)) f = this.fail[f];
        const target = this.edges[f].get(c);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        const fc = this.fail[child];
        this.dictLink[child] = this.outputs[fc] ? fc : this.dictLink[fc];
        queue.push(child);
      }
    }
    // 128 KB while node ids fit in 16 bits, else 256 KB.
    this.rootNext = n <= 0xffff ? new Uint16Array(0x10000) : new Int32Array(0x10000);
    for (const [c, child] of this.edges[0]) this.rootNext[c] = child;
    this.built = true;
  }

  scan(text: string, onMatch: (start: number, end: number, payload: number) => void): void {
    if (!this.built) this.build();
    const { edges, fail, outputs, dictLink, lengths, rootNext } = this;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = fold(text.charCodeAt(i));
      while (node !== 0) {
        const next = edges[node].get(c);
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
    return this.edges.length;
  }
}
