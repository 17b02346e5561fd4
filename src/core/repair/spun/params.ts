/** Weights of the restoration decision (ln-odds units), tuned on seed 004 and spun held-out reports. */
export const DECIDE_PARAMS = {
  left: 3, // history the 4-gram model can use
  right: 3, // following characters whose probability the choice changes
  /** ln-odds bonus for restoring once the gate has shown a spinner ran; forms absent from clean text get more. */
  biasSignature: 3,
  biasCommon: 0,
  /**
   * Weight of ln(count(original) / count(form)) in clean text: a spun form that is
   * itself a rarer word (展开 vs 发展) is more likely spun; a common one needs the LM to insist.
   */
  beta: 1,
  betaCap: 4,
  /** Penalty for an original that needs two spinner layers (word swap, then character swap). */
  twoLayer: 2,
  /** Penalty for an original whose usual spun form is another word (the tool rarely uses its alternates). */
  secondary: 2,
  /**
   * Page consistency: a spinner maps each word the same way every time, so an
   * original that also stands intact on the page, or whose own spun form
   * (a signature) is on the page, is an unlikely source for this form.
   */
  literal: 2,
  explained: 2,
  /**
   * Over-representation: a spun form the page uses far more often than clean
   * reports would (展开 30 times in 6k chars) is the spinner's output. Weight of
   * ln((observed + ½) / (expected + ½)), clipped to [0, overCap].
   */
  over: 1,
  overCap: 3,
  /**
   * Missing original: a common word that never appears on the page although
   * clean reports of this length would use it several times (深化, 建设) has
   * probably been spun away. Poisson log-odds: weight × min(expected count, cap).
   */
  absent: 1,
  absentCap: 3,
  /**
   * Consistency: the tool maps a word the same way everywhere, so where the
   * occurrences of one form disagree, each is re-decided with a bonus of
   * weight × (share of occurrences that chose that candidate).
   */
  consistency: 3,
  /** Softmax temperature turning log-probability margins into confidences. */
  temperature: 1.5,
};
