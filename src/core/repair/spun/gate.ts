import { SPUN_SIGNATURES, SPUN_WEAK_SIGNATURES } from '../../data/spun-signatures';
import type { Match } from './dictionary';

/**
 * Page-level evidence that a spinner ran. Only strong signatures count: spun
 * forms that neither clean reports nor general Chinese use as words (高量质,
 * 删加, 工做, 标识表记标帜). A spun form that is an ordinary word (使用, 觉得,
 * 网路) says nothing: news, manuals, fiction and Taiwan prose are full of them.
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
  allSet ??= new Set([...SPUN_SIGNATURES.split(' '), ...SPUN_WEAK_SIGNATURES.split(' ')]);
  return allSet;
}

export interface GateReport {
  open: boolean;
  hits: number;
  distinct: number;
  /** hits per 1000 characters of input */
  density: number;
}

export function spinnerGate(textLength: number, matches: readonly Match[]): GateReport {
  const sig = strongSignatures();
  const forms = new Set<string>();
  let hits = 0;
  for (const whole of matches) {
    for (const m of whole.parts ?? [whole]) {
      if (!sig.has(m.form)) continue;
      hits++;
      forms.add(m.form);
    }
  }
  const density = textLength ? (hits * 1000) / textLength : 0;
  const open = hits >= GATE_MIN_HITS && forms.size >= GATE_MIN_DISTINCT && density >= GATE_MIN_DENSITY;
  return { open, hits, distinct: forms.size, density };
}
