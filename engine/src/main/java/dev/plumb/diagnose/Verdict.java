package dev.plumb.diagnose;

import java.util.Locale;

/** How a learner fits the problem; the canonical names of the JSON output. */
public enum Verdict {
  /** Poor even on its training rows, and something more capable validates clearly better. */
  UNDERFITTING,
  /** Far better on training than validation rows, and a simpler setting validates as well. */
  OVERFITTING,
  /** Validation at or near the best score found, without a simpler setting doing as well. */
  GOOD_FIT,
  /** The folds disagree too much, or the differences are within their noise. */
  INCONCLUSIVE;

  /** The JSON name, e.g. {@code good_fit}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
