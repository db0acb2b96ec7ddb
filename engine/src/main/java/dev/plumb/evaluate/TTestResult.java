package dev.plumb.evaluate;

import java.util.OptionalDouble;

/**
 * The outcome of comparing two learners' per-split scores with {@link CorrectedTTest}. The
 * differences are "first minus second", so a positive mean difference favours the first learner
 * when greater scores are better. Immutable.
 *
 * @param meanDifference mean of the per-split differences
 * @param standardError the corrected standard error of the mean difference; 0 when every split
 *     gives the same difference
 * @param t the t statistic; empty when the standard error is 0 (every split gives the same
 *     difference), where the p-value is still defined (see {@link CorrectedTTest})
 * @param degreesOfFreedom number of splits minus 1
 * @param pValue two-sided p-value in [0, 1]
 * @param confidenceInterval confidence interval for the mean difference, built from the same
 *     corrected standard error
 * @param splits number of paired splits compared (k times r for r repeats of k folds)
 * @throws IllegalArgumentException if a value is out of range
 */
public record TTestResult(
    double meanDifference,
    double standardError,
    OptionalDouble t,
    int degreesOfFreedom,
    double pValue,
    Interval confidenceInterval,
    int splits) {
  /** Checks ranges. */
  public TTestResult {
    if (!Double.isFinite(meanDifference)
        || !(standardError >= 0)
        || Double.isInfinite(standardError)) {
      throw new IllegalArgumentException(
          "mean difference "
              + meanDifference
              + " and standard error "
              + standardError
              + " must be finite, the error non-negative");
    }
    if (t == null || confidenceInterval == null) {
      throw new IllegalArgumentException("t and confidence interval must not be null");
    }
    if (!(pValue >= 0 && pValue <= 1)) {
      throw new IllegalArgumentException("p-value must be in [0, 1], got " + pValue);
    }
    if (degreesOfFreedom < 1 || splits != degreesOfFreedom + 1) {
      throw new IllegalArgumentException(
          degreesOfFreedom + " degrees of freedom do not fit " + splits + " splits");
    }
  }

  /** Whether the difference is significant at level {@code alpha} (p-value below alpha). */
  public boolean significantAt(double alpha) {
    return pValue < alpha;
  }
}
