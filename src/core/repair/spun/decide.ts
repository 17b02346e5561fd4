import type { CharLM } from '../../lm';
import * as hash from '../../lm/hash';
import { literalCounts, type ChoicePoint } from './candidates';
import { DECIDE_PARAMS } from './params';
import { runSteps, type Steps } from '../../steps';

/** Points scored per step: a spun chunk of a few thousand characters took 15–20 ms at once on a slow machine. */
const POINTS_PER_STEP = 64;

/** Module-local binding: some loaders turn every call of an import into a getter call. */
const foldChar = hash.foldChar;

/**
 * Writes the folded codes of up to n characters before point i into out[0..),
 * reading earlier points as currently chosen; returns how many.
 */
function leftCodes(text: string, pts: ChoicePoint[], i: number, n: number, out: Uint16Array): number {
  // Fill from the back of out[0..n), then shift down to start at 0.
  let at = n;
  let pos = pts[i].start;
  let j = i - 1;
  while (at > 0 && pos > 0) {
    if (j >= 0 && pts[j].end === pos) {
      const s = pts[j].cands[pts[j].choice];
      for (let k = s.length - 1; k >= 0 && at > 0; k--) out[--at] = foldChar(s.charCodeAt(k));
      pos = pts[j].start;
      j--;
    } else out[--at] = foldChar(text.charCodeAt(--pos));
  }
  if (at > 0) out.copyWithin(0, at, n);
  return n - at;
}

/** Folded codes of up to n characters after point i, reading later points as currently chosen. */
function rightCodes(text: string, pts: ChoicePoint[], i: number, n: number, out: Uint16Array): number {
  let got = 0;
  let pos = pts[i].end;
  let j = i + 1;
  while (got < n && pos < text.length) {
    if (j < pts.length && pts[j].start === pos) {
      const s = pts[j].cands[pts[j].choice];
      for (let k = 0; k < s.length && got < n; k++) out[got++] = foldChar(s.charCodeAt(k));
      pos = pts[j].end;
      j++;
    } else out[got++] = foldChar(text.charCodeAt(pos++));
  }
  return got;
}

/**
 * Chooses, for every point, the candidate with the best LM score of its local
 * context plus prior. Reads only the original text; nothing replaced is re-matched.
 */
export function decide(text: string, pts: ChoicePoint[], lm: CharLM): void {
  runSteps(decideInSteps(text, pts, lm));
}

/** decide, pausing every POINTS_PER_STEP points scored: the same work in the same order. */
export function* decideInSteps(text: string, pts: ChoicePoint[], lm: CharLM): Steps<void> {
  const { left: LEFT, right: RIGHT, temperature, consistency } = DECIDE_PARAMS;
  const scores: number[] = [];
  const buf = new Uint16Array(64);
  const lbuf = new Uint16Array(8);
  const rbuf = new Uint16Array(8);
  // Spun pages repeat phrases (高量质展开 …): identical windows get identical decisions.
  const memo = new Map<number, number>();
  const score = (i: number, bonus?: (cand: string) => number) => {
    const p = pts[i];
    const nl = leftCodes(text, pts, i, LEFT, lbuf);
    const nr = rightCodes(text, pts, i, RIGHT, rbuf);
    const key = bonus ? NaN : windowKey(lbuf, nl, p.form, rbuf, nr);
    const hit = bonus ? undefined : memo.get(key);
    if (hit !== undefined) {
      const changed = (hit | 0) !== p.choice;
      p.choice = hit | 0;
      p.confidence = hit - (hit | 0);
      return changed;
    }
    scores.length = p.cands.length;
    buf.set(lbuf.subarray(0, nl));
    // Best prior first, so that a clear leader lets the others stop early: every
    // p ≤ 1, so a partial window score only falls, and a candidate PRUNE below
    // the best adds nothing to the decision or (at this temperature) the confidence.
    let top = -Infinity;
    for (const c of priorOrder(p.priors)) {
      const cand = p.cands[c];
      const base = p.priors[c] + (bonus ? bonus(cand) : 0);
      let n = nl;
      for (let k = 0; k < cand.length && n < buf.length; k++) buf[n++] = foldChar(cand.charCodeAt(k));
      for (let k = 0; k < nr && n < buf.length; k++) buf[n++] = rbuf[k];
      const floorProb = top === -Infinity ? 0 : Math.exp(top - PRUNE - base);
      // Multiply the few probabilities of the window and take one log (no underflow at this length).
      const prob = lm.spanProb(buf, nl, n, 0, floorProb);
      scores[c] = prob < floorProb ? -Infinity : base + Math.log(prob);
      if (scores[c] > top) top = scores[c];
    }
    let best = 0;
    for (let c = 1; c < scores.length; c++) if (scores[c] > scores[best]) best = c;
    let z = 0;
    for (const s of scores) z += Math.exp((s - scores[best]) / temperature);
    p.confidence = Math.min(1 / z, 0.999);
    if (!bonus) memo.set(key, best + p.confidence);
    const changed = best !== p.choice;
    p.choice = best;
    return changed;
  };
  // Pass 1 reads right context as first assumed; pass 2 re-scores only points whose right neighbour then changed.
  const changed: boolean[] = [];
  for (let i = 0; i < pts.length; i++) {
    changed.push(pts[i].cands.length > 1 && score(i));
    if (i % POINTS_PER_STEP === POINTS_PER_STEP - 1) yield;
  }
  for (let i = 0; i < pts.length; i++) {
    const next = pts[i + 1];
    if (pts[i].cands.length > 1 && next && changed[i + 1] && next.start - pts[i].end < RIGHT) score(i);
    if (i % POINTS_PER_STEP === POINTS_PER_STEP - 1) yield;
  }
  if (consistency > 0) yield* enforceConsistency(pts, (i, bonus) => score(i, bonus), consistency);
  if (DECIDE_PARAMS.intact > 0) yield* weighIntactOriginals(text, pts, (i, bonus) => score(i, bonus));
}

/** Counts rescored points and says when a step is due (every POINTS_PER_STEP). */
function stepCounter(): () => boolean {
  let n = 0;
  return () => ++n % POINTS_PER_STEP === 0;
}

/**
 * Pair evidence from the whole page: a spinner rewrites (nearly) every
 * occurrence of a word it has a swap for, so an original that also stands
 * intact on the page, more often than the restorations would leave it, is not
 * being spun here, and the forms read as it are most likely genuine (农村 intact
 * throughout a page, beside a few 乡村 the model would read as 农村). Each point
 * restoring such an original is re-decided with a penalty of weight × ln((intact + ½) / (rate × restored + ½)),
 * clipped to [0, cap]: `rate` is how many intact copies a spinner that skips
 * some occurrences leaves per restored one.
 */
function* weighIntactOriginals(text: string, pts: ChoicePoint[], rescore: (i: number, bonus: (c: string) => number) => void): Steps<void> {
  const { intact: weight, intactCap: cap, intactRate: rate } = DECIDE_PARAMS;
  const restored = new Map<string, number[]>();
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i];
    if (p.choice === 0 || p.parts) continue;
    const o = p.cands[p.choice];
    if (o.length < 2) continue;
    const list = restored.get(o);
    if (list) list.push(i);
    else restored.set(o, [i]);
  }
  if (!restored.size) return;
  // Characters a changing point rewrites: an original found there is a spun form being read, not an intact word.
  const rewritten = new Uint8Array(text.length);
  for (const p of pts) if (p.choice !== 0) rewritten.fill(1, p.start, p.end);
  const intact = literalCounts(text, restored.keys(), rewritten);
  const due = stepCounter();
  for (const [o, idx] of restored) {
    const excess = Math.log((intact.get(o)! + 0.5) / (rate * idx.length + 0.5));
    const penalty = weight * Math.min(cap, excess);
    if (penalty <= 0) continue;
    const bonus = (c: string) => (c === o ? -penalty : 0);
    for (const i of idx) {
      rescore(i, bonus);
      if (due()) yield;
    }
  }
}

/** ln-odds below the best at which a candidate stops being scored (e^(-PRUNE / temperature) is negligible). */
const PRUNE = 10;

const orders = new WeakMap<number[], number[]>();

/** Candidate indices by descending prior (priors arrays are shared by all occurrences of a form). */
function priorOrder(priors: number[]): number[] {
  let o = orders.get(priors);
  if (!o) orders.set(priors, (o = priors.map((_, i) => i).sort((a, b) => priors[b] - priors[a])));
  return o;
}

/** Re-decides the occurrences of forms whose decisions disagree, pulling them towards the page's majority. */
function* enforceConsistency(pts: ChoicePoint[], rescore: (i: number, bonus: (c: string) => number) => void, weight: number): Steps<void> {
  const due = stepCounter();
  const byForm = new Map<string, number[]>();
  for (let i = 0; i < pts.length; i++) {
    // Single characters (真, 做) are genuine in some words and spun in others: no majority applies.
    if (pts[i].cands.length < 2 || pts[i].parts || pts[i].form.length < 2) continue;
    const list = byForm.get(pts[i].form);
    if (list) list.push(i);
    else byForm.set(pts[i].form, [i]);
  }
  for (const idx of byForm.values()) {
    if (idx.length < 2) continue;
    const votes = new Map<string, number>();
    for (const i of idx) {
      const c = pts[i].cands[pts[i].choice];
      votes.set(c, (votes.get(c) ?? 0) + 1);
    }
    if (votes.size < 2) continue;
    let majority = '';
    for (const [c, n] of votes) if (n > (votes.get(majority) ?? 0)) majority = c;
    const bonus = (c: string) => (weight * (votes.get(c) ?? 0)) / idx.length;
    // Only dissenters can change; the majority's own choices are only reinforced.
    for (const i of idx) {
      if (pts[i].cands[pts[i].choice] === majority) continue;
      rescore(i, bonus);
      if (due()) yield;
    }
  }
}

/** 53-bit hash of a decision window (left codes, form, right codes) for the memo; no closures, it runs per point. */
function windowKey(l: Uint16Array, nl: number, form: string, r: Uint16Array, nr: number): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let k = 0; k <= nl + form.length + nr + 1; k++) {
    let c: number;
    if (k < nl) c = l[k];
    else if (k === nl) c = 0xffff;
    else if (k <= nl + form.length) c = form.charCodeAt(k - nl - 1);
    else if (k === nl + form.length + 1) c = 0xffff;
    else c = r[k - nl - form.length - 2];
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0) * 0x200000 + (h2 & 0x1fffff);
}
