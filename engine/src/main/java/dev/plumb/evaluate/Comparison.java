package dev.plumb.evaluate;

import java.util.Locale;

/** How a learner's primary score compares with a reference learner's on the same folds. */
public enum Comparison {
  /** It is the reference. */
  SAME,
  /** Better, and the corrected t-test says so at the 5% level. */
  BETTER,
  /** Worse, significantly. */
  WORSE,
  /** The difference is within fold-to-fold noise (not significant at 5%). */
  TIED,
  /** Not comparable (a failed learner, or too few folds with the metric defined). */
  UNKNOWN;

  /** The lower-case name used in JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
