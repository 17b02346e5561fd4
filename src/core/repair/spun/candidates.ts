import { charVariants, forwardDict, reverseDict, type Match } from './dictionary';
import { signatures } from './gate';
import { DECIDE_PARAMS } from './params';
import { cleanChars, cleanCount, generalCount } from './decision-data';

/** A dictionary hit with its candidates; `choice` indexes `cands`, where cands[0] is the text as found. */
export interface ChoicePoint extends Match {
  cands: string[];
  /** ln-prior of each candidate against keeping the form (priors[0] = 0) */
  priors: number[];
  choice: number;
  confidence: number;
}

let charReverse: Map<string, string[]> | undefined;

/** Single-character reversals (真→实, 做→作 …), used to offer per-character alternatives inside a longer match. */
function charReverseMap(): Map<string, string[]> {
  if (charReverse) return charReverse;
  charReverse = new Map();
  for (const [orig, forms] of forwardDict().chars) {
    for (const f of forms) if (f.length === 1) charReverse.set(f, [...(charReverse.get(f) ?? []), orig]);
  }
  return charReverse;
}

interface Cand {
  text: string;
  layers: number;
  primary: boolean;
}

/**
 * Candidates for a match: its dictionary originals, and the form with only its
 * swapped characters reverted. The latter covers a greedy match that swallowed
 * a character-level swap (奋发做为 matches 发做, a variant of 发作, though the
 * text meant 发 + 作为).
 */
const candCache = new Map<string, Cand[]>();

function candidates(form: string): Cand[] {
  let cached = candCache.get(form);
  if (!cached) candCache.set(form, (cached = buildCandidates(form)));
  return cached;
}

function buildCandidates(form: string): Cand[] {
  // Every original is a candidate, also the ones whose usual spun form is another word:
  // the `secondary` prior (and `usualSeen` page evidence) keeps those for when the LM insists.
  const out: Cand[] = (reverseDict().get(form) ?? []).map((o) => ({ text: o.orig, layers: o.layers, primary: o.primary }));
  if (form.length < 2) return out;
  const cr = charReverseMap();
  let variants = [''];
  for (const ch of form) {
    const alts = [ch, ...(cr.get(ch) ?? [])];
    variants = variants.flatMap((v) => alts.map((a) => v + a)).slice(0, 8);
  }
  for (const v of variants) if (v !== form && !out.some((c) => c.text === v)) out.push({ text: v, layers: 1, primary: true });
  return out;
}

const variantCache = new Map<string, Set<string>>();

/** A spun form with character swaps applied on top (the second layer). */
function usualVariants(usual: string): Set<string> {
  let v = variantCache.get(usual);
  if (!v) variantCache.set(usual, (v = new Set(charVariants(usual, forwardDict().chars))));
  return v;
}

/**
 * How often each of `words` occurs literally in `text` (one scan, first-character
 * index), not counting occurrences that touch a character marked in `skip`.
 */
export function literalCounts(text: string, words: Iterable<string>, skip?: Uint8Array): Map<string, number> {
  const byFirst = new Map<number, string[]>();
  const out = new Map<string, number>();
  for (const w of words) {
    if (out.has(w)) continue;
    out.set(w, 0);
    const c = w.charCodeAt(0);
    const l = byFirst.get(c);
    if (l) l.push(w);
    else byFirst.set(c, [w]);
  }
  const starts = new Uint8Array(65536);
  for (const c of byFirst.keys()) starts[c] = 1;
  for (let i = 0; i < text.length; i++) {
    if (!starts[text.charCodeAt(i)]) continue;
    const l = byFirst.get(text.charCodeAt(i));
    if (!l) continue;
    for (const w of l) {
      if (!text.startsWith(w, i)) continue;
      if (skip && skip.subarray(i, i + w.length).includes(1)) continue;
      out.set(w, out.get(w)! + 1);
    }
  }
  return out;
}

/**
 * Turns matches into decisions to make: candidates (the form kept, its
 * originals, its character-reverted variant) with ln-priors that combine
 * clean-corpus frequencies with page-level evidence (see DECIDE_PARAMS).
 */
export function choicePoints(text: string, matches: readonly Match[]): ChoicePoint[] {
  const sig = signatures();
  const P = DECIDE_PARAMS;
  const simple = matches.flatMap((m) => m.parts ?? [m]);
  const cands = simple.map((m) => candidates(m.form));
  // Page consistency evidence, over multi-character originals only (single characters are everywhere).
  const multi = new Set<string>();
  for (const cs of cands) for (const c of cs) if (c.text.length > 1) multi.add(c.text);
  const literal = literalCounts(text, multi);
  const seen = new Map<string, number>();
  for (const m of simple) seen.set(m.form, (seen.get(m.form) ?? 0) + 1);
  const expectedCount = (w: string) => (cleanCount(w) * text.length) / cleanChars();
  const overrep = (form: string) =>
    Math.max(0, Math.min(P.overCap, Math.log((seen.get(form)! + 0.5) / (expectedCount(form) + 0.5))));
  const explained = new Set<string>();
  simple.forEach((m, i) => {
    if (sig.has(m.form) && cands[i].length) explained.add(cands[i][0].text);
  });

  // Priors depend only on the form and page-level evidence, so compute them once per distinct form.
  const priorsByForm = new Map<string, number[]>();
  const priorsFor = (form: string, cs: Cand[]) => {
    let priors = priorsByForm.get(form);
    if (priors) return priors;
    const isSig = sig.has(form);
    const over = isSig ? 0 : P.over * overrep(form);
    priors = [0];
    for (const c of cs) {
      const ratio = Math.log((cleanCount(c.text) + 1) / (cleanCount(form) + 1));
      let p = (isSig ? P.biasSignature : P.biasCommon) + P.beta * Math.max(-P.betaCap, Math.min(P.betaCap, ratio));
      // Word-level evidence from general Chinese: a form that is a common word there (明显, 深刻) is
      // likelier genuine than one that is rare (效劳), whatever reports prefer.
      if (P.general) {
        const g = Math.log((generalCount(c.text) + 1) / (generalCount(form) + 1));
        p += P.general * Math.max(-P.generalCap, Math.min(P.generalCap, g));
      }
      if (c.layers > 1) p -= P.twoLayer;
      if (!c.primary) p -= P.secondary;
      // The tool maps a word the same way throughout a page: if this original's usual
      // form is on the page (安全→安宁 seen), this form came from somewhere else (安然←平安),
      // unless it is that usual form with a character swapped on top.
      const usual = forwardDict().words.get(c.text)?.[0];
      if (usual && usual !== form && seen.has(usual) && (!c.primary || !usualVariants(usual).has(form))) p -= P.usualSeen;
      p += over;
      if (c.text.length > 1) {
        const isExplained = explained.has(c.text) && !(isSig && cs[0] === c);
        // Tools map a word the same way every time (in seed 004 an original is left intact
        // almost only where it is itself another word's spun form): an original standing
        // intact on the page, and not explainable as a spun form, was not spun here.
        if (literal.get(c.text)) p -= reverseDict().has(c.text) ? P.literal : P.literalStrong;
        // A word missing from the page is evidence it was spun away, unless its usual spun form already accounts for that.
        else if (!isExplained) p += P.absent * Math.min(P.absentCap, expectedCount(c.text));
        if (isExplained) p -= P.explained;
      }
      priors.push(p);
    }
    priorsByForm.set(form, priors);
    return priors;
  };

  // Candidate lists are shared by all occurrences of a form (never mutated).
  const texts = new Map<string, string[]>();
  const point = (m: Match): ChoicePoint => {
    const cs = candidates(m.form);
    let cands = texts.get(m.form);
    if (!cands) texts.set(m.form, (cands = [m.form, ...cs.map((c) => c.text)]));
    return {
      start: m.start,
      end: m.end,
      form: m.form,
      cands,
      priors: priorsFor(m.form, cs),
      // Before any scoring, assume signatures are spun: better right context for the first pass.
      choice: sig.has(m.form) && cs.length ? 1 : 0,
      confidence: 0,
    };
  };
  return matches.map((m) => {
    if (!m.parts) return point(m);
    // Two overlapping readings: A's candidates followed by the rest as written, or the start as written then B's.
    const [a, b] = m.parts.map(point);
    const tailA = text.slice(a.end, m.end);
    const headB = text.slice(m.start, b.start);
    const cands = [m.form];
    const priors = [0];
    const push = (c: string, p: number) => {
      const at = cands.indexOf(c);
      if (at < 0) {
        cands.push(c);
        priors.push(p);
      } else if (p > priors[at] && at > 0) priors[at] = p;
    };
    for (let c = 1; c < a.cands.length; c++) push(a.cands[c] + tailA, a.priors[c]);
    for (let c = 1; c < b.cands.length; c++) push(headB + b.cands[c], b.priors[c]);
    // Two layers across a word boundary (新活力 → 新生机 → 重生机): undoing A's swap
    // leaves B's form intact in the overlap, and B's swap is undone on top of it.
    const overlap = a.end - b.start;
    const shared = a.form.slice(a.form.length - overlap);
    for (let c = 1; c < a.cands.length; c++) {
      const ca = a.cands[c];
      if (ca.length <= overlap || !ca.endsWith(shared)) continue;
      const head = ca.slice(0, ca.length - overlap);
      for (let d = 1; d < b.cands.length; d++) push(head + b.cands[d], a.priors[c] + b.priors[d] - DECIDE_PARAMS.chain);
    }
    const first = Math.max(a.choice, b.choice) ? 1 : 0;
    return { start: m.start, end: m.end, form: m.form, parts: m.parts, cands, priors, choice: first, confidence: 0 };
  });
}
