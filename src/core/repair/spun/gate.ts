import { SPUN_SIGNATURES } from '../../data/spun-signatures';
import { spunDecisionData } from './decision-data';
import { indexByFirst, longestAt, type MatchIndex } from './dictionary';

/**
 * Page-level evidence that a spinner ran. Only strong signatures count: spun
 * forms that neither clean reports nor general Chinese use as words (高量质,
 * 删加, 工做, 标识表记标帜). A spun form that is an ordinary word (使用, 觉得,
 * 网路) says nothing: news, manuals, fiction and Taiwan prose are full of them.
 * Found by a scan of the signatures alone, left to right and longest first, so
 * deciding needs no dictionary: a report page that is not spun never loads it.
 * Counted per 1000 characters. Measured (scripts/negative-eval.ts, spun-eval.ts):
 * clean prose of seven registers stays below 1 (no 300-character window reaches
 * 4 hits), seed 004 scores ~28 and text spun by the test spinner ~44.
 */
export const GATE_MIN_DENSITY = 2.5; // strong signature hits per 1000 chars
export const GATE_MIN_HITS = 4;
export const GATE_MIN_DISTINCT = 3;

let strongSet: Set<string> | undefined;
let allSet: Set<string> | undefined;

/** Strong signatures: the gate's evidence. */
export function strongSignatures(): Set<string> {
  strongSet ??= new Set(SPUN_SIGNATURES.split(' '));
  return strongSet;
}

/** Every spun form absent from clean reports, ordinary words included: the decision's prior. */
export function signatures(): Set<string> {
  allSet ??= new Set([...SPUN_SIGNATURES.split(' '), ...spunDecisionData().weakSignatures.split(' ')]);
  return allSet;
}

let signatureIndex: MatchIndex | undefined;

/** What the gate counts: hits of strong signatures and the distinct forms among them. */
export interface SignatureHits {
  hits: number;
  forms: Set<string>;
}

/** Adds the strong signatures in `text` to `into`: left to right, longest first, not overlapping. */
export function findSignatures(text: string, into: SignatureHits = { hits: 0, forms: new Set() }): SignatureHits {
  signatureIndex ??= indexByFirst(strongSignatures());
  for (let i = 0; i < text.length; ) {
    const hit = longestAt(text, i, signatureIndex);
    if (!hit) {
      i++;
      continue;
    }
    into.hits++;
    into.forms.add(hit);
    i += hit.length;
  }
  return into;
}

/** The gate over evidence gathered from `textLength` characters. */
export function gateOf(textLength: number, found: SignatureHits): GateReport {
  const density = textLength ? (found.hits * 1000) / textLength : 0;
  const open = found.hits >= GATE_MIN_HITS && found.forms.size >= GATE_MIN_DISTINCT && density >= GATE_MIN_DENSITY;
  return { open, hits: found.hits, distinct: found.forms.size, density };
}

export interface GateReport {
  open: boolean;
  hits: number;
  distinct: number;
  /** hits per 1000 characters of input */
  density: number;
}

/** The gate over `text` (Node callers and tests; the page gathers hits window by window, see stages/spun.ts). */
export function spinnerGate(text: string): GateReport {
  return gateOf(text.length, findSignatures(text));
}
