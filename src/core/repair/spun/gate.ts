import { SPUN_SIGNATURES } from '../../data/spun-signatures';
import type { Match } from './dictionary';

/**
 * Page-level evidence that a spinner ran. Signature forms (spun forms the clean
 * corpus never contains, e.g. 高量质, 删加, 标识表记标帜) are counted per 1000
 * characters. Measured: clean reports and news pages score 0–0.5, the spun seed ~49.
 */
export const GATE_MIN_DENSITY = 2.5; // signature hits per 1000 chars
export const GATE_MIN_HITS = 4;
export const GATE_MIN_DISTINCT = 3;

let signatureSet: Set<string> | undefined;

export function signatures(): Set<string> {
  signatureSet ??= new Set(SPUN_SIGNATURES.split(' '));
  return signatureSet;
}

export interface GateReport {
  open: boolean;
  hits: number;
  distinct: number;
  /** hits per 1000 characters of input */
  density: number;
}

export function spinnerGate(textLength: number, matches: readonly Match[]): GateReport {
  const sig = signatures();
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
