import { Stepwise, type Steps } from '../../steps';
import { spunDecisionData } from './decision-data';

/** original → spun forms, as the spinner applies them. */
export type ForwardDict = Map<string, string[]>;

/** Dictionary entries parsed per step: a few ms. */
const ENTRIES_PER_STEP = 1_000;

function* parse(src: string): Steps<ForwardDict> {
  const out: ForwardDict = new Map();
  const entries = src.split(/\s+/);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (i % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
    if (!entry) continue;
    const eq = entry.indexOf('=');
    const orig = entry.slice(0, eq);
    const forms = entry.slice(eq + 1).split('/').filter((f) => f && f !== orig);
    const list = out.get(orig) ?? [];
    for (const f of forms) if (!list.includes(f)) list.push(f);
    if (list.length) out.set(orig, list);
  }
  return out;
}

const forward = new Stepwise(function* () {
  const { words, chars } = spunDecisionData();
  return { words: yield* parse(words), chars: yield* parse(chars) };
});

export function forwardDict(): { words: ForwardDict; chars: ForwardDict } {
  return forward.get();
}

/**
 * Every way the character swaps can rewrite `s` (including not at all), capped so
 * long words do not explode. Spinners run word and character layers one after
 * the other, so 优秀→良好 may also surface as 劣秀 (good→优秀→劣秀 in one tool).
 */
export function charVariants(s: string, chars: ForwardDict, limit = 16): string[] {
  let acc = [''];
  for (const ch of s) {
    const alts = [ch, ...(chars.get(ch) ?? [])];
    const next: string[] = [];
    for (const prefix of acc) for (const a of alts) if (next.length < limit) next.push(prefix + a);
    acc = next;
  }
  return acc;
}

/** An original a spun form may stand for; `layers` counts the spinner passes needed (word, then character). */
export interface Origin {
  orig: string;
  layers: 1 | 2;
  /** true when the form is the spinner's first-listed (usual) output for `orig` */
  primary: boolean;
}

/** spun form → candidate originals (the spun form itself is always also a candidate, decided by the LM). */
export type ReverseDict = Map<string, Origin[]>;

/** Dictionary words inverted per step of the stepwise build: a few ms (400 made steps of up to 20 ms). */
const WORDS_PER_STEP = 150;

const reverse = new Stepwise(buildReverseDict);

export function reverseDict(): ReverseDict {
  return reverse.get();
}

function* buildReverseDict(): Steps<ReverseDict> {
  const { words, chars } = yield* forward.steps();
  yield;
  const rev: ReverseDict = new Map();
  const add = (spun: string, orig: string, layers: 1 | 2, primary: boolean) => {
    if (spun === orig) return;
    const list = rev.get(spun);
    if (!list) rev.set(spun, [{ orig, layers, primary }]);
    else if (!list.some((o) => o.orig === orig)) list.push({ orig, layers, primary });
  };
  for (const [orig, forms] of chars) forms.forEach((f, i) => add(f, orig, 1, i === 0));
  for (const [orig, forms] of words) forms.forEach((f, i) => add(f, orig, 1, i === 0));
  let n = 0;
  // Character swaps on top of the original (实现→真现) are one layer; on top of a word swap, two.
  for (const orig of words.keys()) {
    for (const v of charVariants(orig, chars)) add(v, orig, 1, true);
    if (++n % WORDS_PER_STEP === 0) yield;
  }
  for (const [orig, forms] of words) {
    forms.forEach((f, i) => {
      for (const v of charVariants(f, chars)) add(v, orig, 2, i === 0);
    });
    if (++n % WORDS_PER_STEP === 0) yield;
  }
  return rev;
}

/** Longest-match index: first character → spun forms starting with it, longest first. */
export interface MatchIndex {
  byFirst: Map<number, string[]>;
  /** 1 where some form starts with that code unit: most characters are rejected without a Map lookup. */
  starts: Uint8Array;
}

const index = new Stepwise(buildMatchIndex);

export function matchIndex(): MatchIndex {
  return index.get();
}

/** Builds the reverse dictionary and the match index in short steps (see src/core/steps.ts). */
export function loadMatchIndexInSteps(): Steps<MatchIndex> {
  return index.steps();
}

function* buildMatchIndex(): Steps<MatchIndex> {
  const forms = yield* reverse.steps();
  return indexByFirst(forms.keys());
}

/** A longest-match index over `forms` (the spun forms here; the gate's strong signatures in ./gate). */
export function indexByFirst(forms: Iterable<string>): MatchIndex {
  const byFirst = new Map<number, string[]>();
  for (const form of forms) {
    const c = form.charCodeAt(0);
    const list = byFirst.get(c);
    if (list) list.push(form);
    else byFirst.set(c, [form]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  const starts = new Uint8Array(65536);
  for (const c of byFirst.keys()) starts[c] = 1;
  return { byFirst, starts };
}

/** A dictionary hit in the spun text: [start, end) holds `form`. */
export interface Match {
  start: number;
  end: number;
  form: string;
  /**
   * When the longest match A overlaps a longer-reaching match B that starts
   * inside it (注册原钱: 册原 vs 原钱), the hit spans both and keeps them here,
   * so the decision can pick either reading instead of greedily losing B.
   */
  parts?: [Match, Match];
}

/** The longest form of `index` starting at `i` in `text`, if any. */
export function longestAt(text: string, i: number, index: MatchIndex): string | undefined {
  if (!index.starts[text.charCodeAt(i)]) return undefined;
  const list = index.byFirst.get(text.charCodeAt(i));
  if (list) for (const f of list) if (text.startsWith(f, i)) return f;
  return undefined;
}

/** Left-to-right, longest match first, non-overlapping; only ever reads the input text. */
export function findMatches(text: string, index: MatchIndex = matchIndex()): Match[] {
  const out: Match[] = [];
  for (let i = 0; i < text.length; ) {
    const hit = longestAt(text, i, index);
    if (!hit) {
      i++;
      continue;
    }
    const a: Match = { start: i, end: i + hit.length, form: hit };
    let m = a;
    for (let k = i + 1; k < a.end; k++) {
      const inner = longestAt(text, k, index);
      if (inner && k + inner.length > a.end) {
        const b: Match = { start: k, end: k + inner.length, form: inner };
        m = { start: i, end: b.end, form: text.slice(i, b.end), parts: [a, b] };
        break;
      }
    }
    out.push(m);
    i = m.end;
  }
  return out;
}
