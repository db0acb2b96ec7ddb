package dev.plumb.store;

import dev.plumb.evaluate.CorrectedTTest;
import dev.plumb.evaluate.TTestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Whether the change of a learner's mean score between two runs exceeds the noise of the folds.
 *
 * <p>When both runs scored the same folds (same data content, split and seed), the per-fold
 * differences are tested with Nadeau and Bengio's corrected resampled t-test ({@link
 * CorrectedTTest}), with the runs' ratio of validation to training rows ({@code 1/(k-1)} for k
 * folds); folds where either score is undefined are left out. Otherwise the folds differ and the
 * means are compared unpaired: {@code t = (m2 - m1) / sqrt(s1²/k1 + s2²/k2)} with Welch's degrees
 * of freedom. Either way the change exceeds the noise when the two-sided {@code p < 0.05}; a run
 * with fewer than two scored folds (a holdout) gives no test. Stateless.
 */
final class FoldNoise {
  /** The significance level. */
  static final double ALPHA = 0.05;

  private FoldNoise() {}

  /**
   * The change from {@code a} to {@code b}.
   *
   * @param testTrainRatio the folds' validation-to-training ratio when the runs share their
   *     folds; empty when they do not
   */
  static RunComparison.MetricDelta delta(String learner, RunRecord.MetricScore a,
      RunRecord.MetricScore b, OptionalDouble testTrainRatio) {
    double delta = b.mean() - a.mean();
    OptionalDouble p = OptionalDouble.empty();
    RunComparison.NoiseTest test = RunComparison.NoiseTest.NONE;
    if (testTrainRatio.isPresent()) {
      p = paired(a.folds(), b.folds(), testTrainRatio.getAsDouble());
      test = p.isPresent() ? RunComparison.NoiseTest.PAIRED_CORRECTED_T : test;
    } else {
      p = unpaired(a, b);
      test = p.isPresent() ? RunComparison.NoiseTest.UNPAIRED_T : test;
    }
    // a difference at the level of floating-point rounding is no change, whatever its spread
    if (p.isPresent() && Math.abs(delta) <= 1e-12 * Math.max(1, Math.abs(a.mean()))) {
      p = OptionalDouble.of(1);
    }
    return new RunComparison.MetricDelta(learner, a.metric(), a.mean(), b.mean(), delta, test, p,
        p.isPresent() && p.getAsDouble() < ALPHA);
  }

  /** The corrected t-test's p-value of {@code second - first}, fold by fold. */
  static OptionalDouble paired(double[] first, double[] second, double testTrainRatio) {
    if (first.length != second.length) {
      return OptionalDouble.empty();
    }
    List<Double> d = new ArrayList<>();
    for (int i = 0; i < first.length; i++) {
      if (Double.isFinite(first[i]) && Double.isFinite(second[i])) {
        d.add(second[i] - first[i]);
      }
    }
    if (d.size() < 2) {
      return OptionalDouble.empty();
    }
    TTestResult t = CorrectedTTest.forSplitSizes(1, testTrainRatio)
        .testDifferences(d.stream().mapToDouble(Double::doubleValue).toArray());
    return OptionalDouble.of(t.pValue());
  }

  /** Welch's t-test's p-value of the difference of the means. */
  static OptionalDouble unpaired(RunRecord.MetricScore a, RunRecord.MetricScore b) {
    int k1 = a.definedFolds();
    int k2 = b.definedFolds();
    if (k1 < 2 || k2 < 2) {
      return OptionalDouble.empty();
    }
    double v1 = a.std() * a.std() / k1;
    double v2 = b.std() * b.std() / k2;
    double delta = b.mean() - a.mean();
    if (v1 + v2 == 0) {
      return OptionalDouble.of(delta == 0 ? 1 : 0);
    }
    double t = delta / Math.sqrt(v1 + v2);
    double df = (v1 + v2) * (v1 + v2)
        / (v1 * v1 / (k1 - 1) + v2 * v2 / (k2 - 1));
    return OptionalDouble.of(Math.min(1,
        2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t))));
  }
}
