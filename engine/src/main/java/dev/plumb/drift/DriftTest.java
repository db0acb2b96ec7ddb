package dev.plumb.drift;

import java.util.Locale;

/**
 * The outcome of a two-sample test between the training data (as summarized) and the new data.
 * Immutable.
 *
 * @param method which test
 * @param statistic Kolmogorov–Smirnov D, or Pearson's chi-squared statistic
 * @param pValue the p value under the hypothesis that both samples come from one distribution
 */
public record DriftTest(Method method, double statistic, double pValue) {

  /** The tests used. */
  public enum Method {
    /** Two-sample Kolmogorov–Smirnov, for numeric features. */
    KS,
    /** Pearson's chi-squared test of homogeneity, for categorical features. */
    CHI2;

    /** The lower-case name used in JSON. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
