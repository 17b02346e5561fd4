// The commitment model: a logistic regression over clause features (features.ts), fitted by
// scripts/pledge-train.ts on the development labels (tests/fixtures/pledges/dev-blind and dev), never on the
// held-out reports. A candidate clause is a pledge when its score reaches the fitted threshold.
import { MODEL } from './model-weights';

const WEIGHTS = new Map<string, number>(Object.entries(MODEL.weights));

/** The log-odds that a candidate clause with these features is a commitment, less the decision threshold. */
export function commitmentScore(features: readonly string[]): number {
  let s = MODEL.bias - MODEL.threshold;
  for (const f of features) s += WEIGHTS.get(f) ?? 0;
  return s;
}
