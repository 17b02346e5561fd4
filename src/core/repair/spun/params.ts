/**
 * Weights of the restoration decision (ln-odds units), tuned by coordinate search
 * (scripts/spun-tune.ts) on national 2018/2022 spun with seed 004's pairs and by
 * tests/support/spinner.ts, with a model that never saw them (objective:
 * restoration rate − 8 × collateral rate, summed); measured by spun-eval.ts on
 * 2019/2023, which neither the model nor the tuning saw. Earlier retuned after the
 * LM's smoothing changed (src/core/lm/model.ts): its margins are smaller, so the
 * priors now carry less weight. Weights at 0 are mechanisms the search switched off.
 */
export const DECIDE_PARAMS = {
  left: 3, // history the 4-gram model can use
  right: 3, // following characters whose probability the choice changes
  /** ln-odds bonus for restoring once the gate has shown a spinner ran; forms absent from clean text get more. */
  biasSignature: 3,
  biasCommon: 1,
  /**
   * Weight of ln(count(original) / count(form)) in clean text: a spun form that is
   * itself a rarer word (展开 vs 发展) is more likely spun; a common one needs the LM to insist.
   */
  beta: 0.5,
  betaCap: 4,
  /** Weight of ln(count(original) / count(form)) in general Chinese (jieba's dictionary), capped like beta. */
  general: 0.25,
  generalCap: 4,
  /** Penalty for an original that needs two spinner layers (word swap, then character swap). */
  twoLayer: 6,
  /** Penalty for undoing two overlapping swaps at once (a two-layer chain across a word boundary), on top of both priors. */
  chain: 4,
  /**
   * Penalty for an original whose usual spun form is another word (the tool rarely
   * uses its alternates). Such originals are candidates for every form, not only
   * for signatures: with this penalty the LM still has to insist.
   */
  secondary: 6,
  /**
   * Penalty for an original whose usual spun form occurs elsewhere on the page
   * while this form is neither that form nor a character swap of it: the tool maps
   * a word one way per page (004: 安全→安宁 five times, so 安然 comes from 平安).
   */
  usualSeen: 4,
  /**
   * Page consistency: a spinner maps each word the same way every time, so an
   * original that also stands intact on the page, or whose own spun form
   * (a signature) is on the page, is an unlikely source for this form.
   * (`explained` is off: usualSeen covers it more precisely.)
   */
  literal: 1,
  /** The same, for an original that is not itself any word's spun form (its intact occurrences are certainly intact). */
  literalStrong: 1,
  explained: 0,
  /**
   * Over-representation: a spun form the page uses far more often than clean
   * reports would (展开 30 times in 6k chars) is the spinner's output. Weight of
   * ln((observed + ½) / (expected + ½)), clipped to [0, overCap].
   */
  over: 0.25,
  overCap: 3,
  /**
   * Missing original: a common word that never appears on the page although
   * clean reports of this length would use it several times (深化, 建设) has
   * probably been spun away. Poisson log-odds: weight × min(expected count, cap).
   * Off since the LM change: the LM now weighs frequency itself. Not applied to
   * originals whose usual spun form is on the page (their absence is explained).
   */
  absent: 0,
  absentCap: 3,
  /**
   * Consistency: the tool maps a word the same way everywhere, so where the
   * occurrences of one form disagree, each is re-decided with a bonus of
   * weight × (share of occurrences that chose that candidate).
   */
  consistency: 1.5,
  /**
   * Intact originals (src/core/repair/spun/decide.ts, weighIntactOriginals): penalty
   * weight × ln((intact + ½) / (intactRate × restored + ½)), capped, on restoring an
   * original that stands intact on the page more often than a spinner would leave it.
   * Tuned on 2018/2022 (spun-tune.ts): their 004-pair collateral 1.08/0.70% → 0.60/0.49%
   * at the same restoration; the test spinner's restoration −0.7 points.
   */
  intact: 3,
  intactCap: 4,
  intactRate: 0.3,
  /** Softmax temperature turning log-probability margins into confidences. */
  temperature: 0.5,
};
