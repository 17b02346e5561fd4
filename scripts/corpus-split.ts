/** How ../shared/corpus is split between training, tuning and measurement (see BRIEF.md on held-out text). */

/** Measurement: scripts/spun-eval.ts spins these; never trained or tuned on. */
export const HELD_OUT = ['national/2019.txt', 'national/2023.txt'];
/**
 * Tuning: scripts/spun-tune.ts tunes the decision weights on these, with a model
 * built without them (build-lm.ts --without-tuning); the shipped model is then
 * rebuilt with them, as the measurement reports stay unseen either way.
 */
export const TUNING = ['national/2018.txt', 'national/2022.txt'];
/** Blind test reports: never trained or tuned on, not even by build-lm.ts --all. */
export const TEST_REPORTS = ['national/2024.txt', 'national/2016.txt', 'provincial-2026/hubei.txt'];
