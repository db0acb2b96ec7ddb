package dev.plumb.evaluate;

import dev.plumb.plan.Fold;
import dev.plumb.plan.Splits;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The corrected resampled t-test of Nadeau and Bengio (2003, "Inference for the Generalization
 * Error", Machine Learning 52) for comparing two learners scored on the same splits, such as the
 * {@code k} folds of a cross-validation repeated {@code r} times ({@code n = k r} splits).
 *
 * <p>Why corrected: the training sets of different splits overlap, so per-split scores are
 * correlated and the plain paired t-test, which assumes independent splits, underestimates the
 * variance and finds differences that are not there. The correction inflates the variance of
 * the mean difference from {@code s²/n} to {@code (1/n + n_test/n_train) s²}, where {@code s²} is
 * the sample variance (denominator {@code n - 1}) of the per-split differences and {@code
 * n_test/n_train} the ratio of test to training rows in one split. Then {@code t = mean /
 * sqrt(corrected variance)} with {@code n - 1} degrees of freedom, and the p-value is two-sided.
 *
 * <p>When every split gives the same difference, {@code s² = 0} and {@code t} is undefined: if
 * that difference is 0 the learners are indistinguishable on these splits (p = 1); otherwise one
 * learner is better on every split by the same amount and the test has no variance to weigh
 * against it, so the difference is treated as certain (p = 0). The confidence interval then
 * shrinks to the mean difference.
 *
 * <p>The same corrected standard error gives {@link #meanInterval} for one learner's mean score;
 * {@link Correction#NONE} gives the textbook t interval instead.
 *
 * <p>Instances are immutable and thread-safe. Methods throw {@link IllegalArgumentException} for
 * fewer than two splits, unequal lengths or non-finite scores (an undefined fold score must be
 * dealt with before testing).
 */
public final class CorrectedTTest {
  /** The confidence level used when none is given. */
  public static final double DEFAULT_LEVEL = 0.95;

  /** Which variance a confidence interval of a mean uses. */
  public enum Correction {
    /** Nadeau and Bengio's {@code (1/n + n_test/n_train) s²}: honest for overlapping splits. */
    NADEAU_BENGIO,
    /** The textbook {@code s²/n}, which assumes independent scores. */
    NONE
  }

  private final double testTrainRatio;

  private CorrectedTTest(double testTrainRatio) {
    this.testTrainRatio = testTrainRatio;
  }

  /**
   * The test for (possibly repeated) {@code k}-fold cross-validation, where each split trains on
   * {@code k - 1} folds and tests on one: {@code n_test/n_train = 1/(k - 1)}.
   *
   * @throws IllegalArgumentException if {@code k < 2}
   */
  public static CorrectedTTest forKFold(int k) {
    if (k < 2) {
      throw new IllegalArgumentException("k-fold needs k >= 2 folds, got " + k);
    }
    return new CorrectedTTest(1.0 / (k - 1));
  }

  /**
   * The test for splits of about {@code trainSize} training and {@code testSize} test rows (use
   * the average sizes when folds differ by a row).
   *
   * @throws IllegalArgumentException if a size is not positive and finite
   */
  public static CorrectedTTest forSplitSizes(double trainSize, double testSize) {
    if (!(trainSize > 0 && testSize > 0)
        || Double.isInfinite(trainSize)
        || Double.isInfinite(testSize)) {
      throw new IllegalArgumentException(
          "split sizes must be positive and finite, got "
              + trainSize
              + " training and "
              + testSize
              + " test rows");
    }
    return new CorrectedTTest(testSize / trainSize);
  }

  /** The test for the folds of {@code splits}, from their average training and test sizes. */
  public static CorrectedTTest forSplits(Splits splits) {
    double train = splits.folds().stream().mapToInt(Fold::trainSize).average()
        .orElse(1);
    double test = splits.folds().stream().mapToInt(Fold::validationSize).average()
        .orElse(1);
    return forSplitSizes(train, test);
  }

  /** The ratio {@code n_test/n_train} this test corrects with. */
  public double testTrainRatio() {
    return testTrainRatio;
  }

  /**
   * Compares two learners scored on the same splits, at the {@value #DEFAULT_LEVEL} level.
   *
   * @param first the first learner's score on each split
   * @param second the second learner's score on the same splits, in the same order
   * @return the test of the mean of {@code first[j] - second[j]}
   * @throws IllegalArgumentException if the lengths differ, there are fewer than two splits or a
   *     score is not finite
   */
  public TTestResult compare(double[] first, double[] second) {
    return compare(first, second, DEFAULT_LEVEL);
  }

  /**
   * Compares two learners scored on the same splits, with a confidence interval at {@code level}.
   *
   * @throws IllegalArgumentException as {@link #compare(double[], double[])}, or if the level is
   *     outside (0, 1)
   */
  public TTestResult compare(double[] first, double[] second, double level) {
    if (first.length != second.length) {
      throw new IllegalArgumentException(
          "paired scores differ in length: " + first.length + " and " + second.length);
    }
    double[] differences = new double[first.length];
    for (int j = 0; j < differences.length; j++) {
      differences[j] = first[j] - second[j];
    }
    return testDifferences(differences, level);
  }

  /**
   * Tests whether the mean of per-split differences is 0, at the {@value #DEFAULT_LEVEL} level.
   *
   * @throws IllegalArgumentException if there are fewer than two differences or one is not finite
   */
  public TTestResult testDifferences(double[] differences) {
    return testDifferences(differences, DEFAULT_LEVEL);
  }

  /**
   * Tests whether the mean of per-split differences is 0, with a confidence interval at {@code
   * level}.
   *
   * @throws IllegalArgumentException if there are fewer than two differences, one is not finite,
   *     or the level is outside (0, 1)
   */
  public TTestResult testDifferences(double[] differences, double level) {
    Moments m = Moments.of(differences, "difference");
    checkLevel(level);
    int df = differences.length - 1;
    double se = standardError(m, Correction.NADEAU_BENGIO);
    Interval ci = interval(m.mean, se, df, level);
    if (m.constant) {
      return new TTestResult(m.mean, 0, OptionalDouble.empty(), df, m.mean == 0 ? 1 : 0, ci, m.n);
    }
    double t = m.mean / se;
    double p = 2 * distribution(df).cumulativeProbability(-Math.abs(t));
    return new TTestResult(m.mean, se, OptionalDouble.of(t), df, Math.min(1, p), ci, m.n);
  }

  /**
   * A t-based {@value #DEFAULT_LEVEL} confidence interval for the mean of one learner's per-split
   * scores: mean ± t(n - 1) × standard error.
   *
   * @param correction whether the standard error uses this test's split-overlap correction
   * @throws IllegalArgumentException if there are fewer than two scores or one is not finite
   */
  public Interval meanInterval(double[] scores, Correction correction) {
    return meanInterval(scores, correction, DEFAULT_LEVEL);
  }

  /**
   * As {@link #meanInterval(double[], Correction)}, at confidence {@code level}.
   *
   * @throws IllegalArgumentException also if the level is outside (0, 1)
   */
  public Interval meanInterval(double[] scores, Correction correction, double level) {
    Moments m = Moments.of(scores, "score");
    checkLevel(level);
    return interval(m.mean, standardError(m, correction), scores.length - 1, level);
  }

  private double standardError(Moments m, Correction correction) {
    if (m.constant) {
      return 0;
    }
    double factor = 1.0 / m.n + (correction == Correction.NADEAU_BENGIO ? testTrainRatio : 0);
    return Math.sqrt(factor * m.variance);
  }

  private static Interval interval(double mean, double se, int df, double level) {
    if (se == 0) {
      return new Interval(mean, mean, mean, level);
    }
    double half = distribution(df).inverseCumulativeProbability(0.5 + level / 2) * se;
    return new Interval(mean, mean - half, mean + half, level);
  }

  private static TDistribution distribution(int df) {
    // No random generator: we only need the cdf and its inverse.
    return new TDistribution(null, df);
  }

  private static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
  }

  /** Mean and sample variance, computed in two passes for accuracy. */
  private record Moments(int n, double mean, double variance, boolean constant) {
    static Moments of(double[] values, String what) {
      int n = values.length;
      if (n < 2) {
        throw new IllegalArgumentException(
            "need at least 2 " + what + "s, one per split, got " + n);
      }
      double sum = 0;
      boolean constant = true;
      for (int j = 0; j < n; j++) {
        if (!Double.isFinite(values[j])) {
          throw new IllegalArgumentException(what + " of split " + j + " is " + values[j]);
        }
        sum += values[j];
        constant &= values[j] == values[0];
      }
      // Equal values are tested directly: their computed mean may differ in the last bit.
      double mean = constant ? values[0] : sum / n;
      double ss = 0;
      for (double v : values) {
        ss += (v - mean) * (v - mean);
      }
      return new Moments(n, mean, constant ? 0 : ss / (n - 1), constant);
    }
  }
}
