package dev.plumb.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plumb.evaluate.CorrectedTTest.Correction;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TestUtils;
import org.junit.jupiter.api.Test;

/**
 * The corrected resampled t-test against a hand-computed example and against Commons Math's plain
 * paired t-test rescaled by the Nadeau–Bengio factor.
 */
class CorrectedTTestTest {
  private static final double TOL = 1e-12;

  /*
   * Hand-computed example, 5-fold CV (n = 5, n_test/n_train = 1/4):
   *   first  = 0.82 0.81 0.83 0.80 0.84, second = 0.80 on every fold
   *   d      = 0.02 0.01 0.03 0.00 0.04             mean d = 0.10 / 5 = 0.02
   *   d-mean = 0 -0.01 0.01 -0.02 0.02              sum of squares = 0.001
   *   s²     = 0.001 / 4 = 0.00025
   *   corrected variance = (1/5 + 1/4) * 0.00025 = 0.45 * 0.00025 = 0.0001125
   *   se     = sqrt(0.0001125) = 0.0075 * sqrt(2) = 0.010606601717798213
   *   t      = 0.02 / se = 4 sqrt(2) / 3 = 1.8856180831641267, df = 4
   *   p      = 2 * P(T_4 > 1.8856...) = 0.13241892222024934
   *            (scipy 1.10.1: 2 * stats.t.sf(4 * 2 ** 0.5 / 3, 4))
   *   95% CI = 0.02 ± t_{0.975,4} * se = 0.02 ± 2.7764451051977987 * 0.0106066...
   *          = 0.02 ± 0.029448647422163413
   * (The plain paired t-test would use se = sqrt(0.00025 / 5) = 0.00707, t = 2.83, p = 0.047.)
   */
  private static final double[] FIRST = {0.82, 0.81, 0.83, 0.80, 0.84};
  private static final double[] SECOND = {0.80, 0.80, 0.80, 0.80, 0.80};

  @Test
  void matchesHandComputedExample() {
    TTestResult r = CorrectedTTest.forKFold(5).compare(FIRST, SECOND);

    assertThat(r.meanDifference()).isCloseTo(0.02, within(TOL));
    assertThat(r.standardError()).isCloseTo(0.0075 * Math.sqrt(2), within(TOL));
    assertThat(r.t()).isPresent();
    assertThat(r.t().getAsDouble()).isCloseTo(4 * Math.sqrt(2) / 3, within(1e-9));
    assertThat(r.degreesOfFreedom()).isEqualTo(4);
    assertThat(r.splits()).isEqualTo(5);
    assertThat(r.pValue()).isCloseTo(0.13241892222024934, within(1e-9));
    assertThat(r.confidenceInterval().level()).isEqualTo(0.95);
    assertThat(r.confidenceInterval().lower()).isCloseTo(0.02 - 0.029448647422163413, within(1e-9));
    assertThat(r.confidenceInterval().upper()).isCloseTo(0.02 + 0.029448647422163413, within(1e-9));
    assertThat(r.significantAt(0.05)).isFalse();
  }

  @Test
  void agreesWithCommonsMathPairedTestRescaledByTheCorrection() {
    // 2 repeats of 10-fold CV: n = 20, n_test/n_train = 1/9
    double[] a = {
      0.71, 0.74, 0.69, 0.77, 0.73, 0.70, 0.75, 0.72, 0.76, 0.68,
      0.73, 0.71, 0.74, 0.70, 0.78, 0.72, 0.69, 0.75, 0.71, 0.74
    };
    double[] b = {
      0.69, 0.73, 0.70, 0.74, 0.70, 0.70, 0.72, 0.73, 0.73, 0.66,
      0.70, 0.72, 0.71, 0.69, 0.75, 0.70, 0.70, 0.72, 0.70, 0.71
    };
    int n = a.length;
    double ratio = 1.0 / 9;
    TTestResult r = CorrectedTTest.forKFold(10).compare(a, b);

    // Commons Math's paired t uses se = s / sqrt(n); the corrected se is sqrt(1/n + ratio) * s.
    double shrink = Math.sqrt((1.0 / n) / (1.0 / n + ratio));
    double expectedT = TestUtils.pairedT(a, b) * shrink;
    TDistribution dist = new TDistribution(n - 1);
    double expectedP = 2 * (1 - dist.cumulativeProbability(Math.abs(expectedT)));
    double expectedMean = StatUtils.meanDifference(a, b);
    double expectedSe =
        Math.sqrt(StatUtils.varianceDifference(a, b, expectedMean) * (1.0 / n + ratio));
    double half = dist.inverseCumulativeProbability(0.975) * expectedSe;

    assertThat(r.meanDifference()).isCloseTo(expectedMean, within(TOL));
    assertThat(r.t().getAsDouble()).isCloseTo(expectedT, within(1e-9));
    assertThat(r.pValue()).isCloseTo(expectedP, within(1e-9));
    assertThat(r.confidenceInterval().lower()).isCloseTo(expectedMean - half, within(1e-9));
    assertThat(r.confidenceInterval().upper()).isCloseTo(expectedMean + half, within(1e-9));
    // The correction makes the test more conservative than the plain paired test.
    assertThat(r.pValue()).isGreaterThan(TestUtils.pairedTTest(a, b));
  }

  @Test
  void splitSizesGiveTheSameTestAsKFold() {
    TTestResult bySizes = CorrectedTTest.forSplitSizes(800, 200).compare(FIRST, SECOND);
    TTestResult byK = CorrectedTTest.forKFold(5).compare(FIRST, SECOND);
    assertThat(bySizes.pValue()).isCloseTo(byK.pValue(), within(TOL));
    assertThat(CorrectedTTest.forSplitSizes(800, 200).testTrainRatio()).isEqualTo(0.25);
  }

  @Test
  void differencesAreFirstMinusSecond() {
    TTestResult r = CorrectedTTest.forKFold(5).compare(SECOND, FIRST);
    assertThat(r.meanDifference()).isCloseTo(-0.02, within(TOL));
    assertThat(r.t().getAsDouble()).isNegative();
  }

  @Test
  void identicalScoresGivePValueOne() {
    TTestResult r = CorrectedTTest.forKFold(5).compare(FIRST, FIRST.clone());
    assertThat(r.t()).isEmpty();
    assertThat(r.pValue()).isEqualTo(1.0);
    assertThat(r.meanDifference()).isEqualTo(0.0);
    assertThat(r.confidenceInterval()).isEqualTo(new Interval(0, 0, 0, 0.95));
  }

  @Test
  void constantNonZeroDifferenceIsCertain() {
    TTestResult r = CorrectedTTest.forKFold(3).testDifferences(new double[] {0.1, 0.1, 0.1});
    assertThat(r.t()).isEmpty();
    assertThat(r.pValue()).isEqualTo(0.0);
    assertThat(r.meanDifference()).isEqualTo(0.1);
    assertThat(r.standardError()).isZero();
    assertThat(r.confidenceInterval().halfWidth()).isZero();
  }

  @Test
  void uncorrectedMeanIntervalIsTheTextbookTInterval() {
    double[] scores = {0.81, 0.79, 0.84, 0.80, 0.83, 0.78, 0.82, 0.80, 0.85, 0.79};
    int n = scores.length;
    double mean = StatUtils.mean(scores);
    double se = Math.sqrt(StatUtils.variance(scores) / n);
    double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * se;

    Interval plain = CorrectedTTest.forKFold(10).meanInterval(scores, Correction.NONE);
    assertThat(plain.estimate()).isCloseTo(mean, within(TOL));
    assertThat(plain.lower()).isCloseTo(mean - half, within(1e-9));
    assertThat(plain.upper()).isCloseTo(mean + half, within(1e-9));

    Interval corrected = CorrectedTTest.forKFold(10).meanInterval(scores, Correction.NADEAU_BENGIO);
    // se grows by sqrt((1/10 + 1/9) / (1/10)) = sqrt(19/9)
    assertThat(corrected.halfWidth()).isCloseTo(half * Math.sqrt(19.0 / 9), within(1e-9));
    assertThat(corrected.estimate()).isCloseTo(mean, within(TOL));
  }

  @Test
  void meanIntervalHonoursTheLevel() {
    double[] scores = {0.81, 0.79, 0.84, 0.80, 0.83};
    CorrectedTTest test = CorrectedTTest.forKFold(5);
    Interval ninety = test.meanInterval(scores, Correction.NONE, 0.90);
    Interval ninetyFive = test.meanInterval(scores, Correction.NONE);
    assertThat(ninety.level()).isEqualTo(0.90);
    assertThat(ninety.halfWidth()).isLessThan(ninetyFive.halfWidth());
    assertThat(ninetyFive.contains(ninetyFive.estimate())).isTrue();
  }

  @Test
  void rejectsTooFewSplits() {
    CorrectedTTest test = CorrectedTTest.forKFold(5);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> test.compare(new double[] {0.8}, new double[] {0.7}));
    assertThat(e.getMessage()).contains("at least 2");
    assertThrows(
        IllegalArgumentException.class,
        () -> test.meanInterval(new double[] {0.8}, Correction.NONE));
  }

  @Test
  void rejectsUnpairedOrNonFiniteScores() {
    CorrectedTTest test = CorrectedTTest.forKFold(5);
    assertThrows(
        IllegalArgumentException.class,
        () -> test.compare(new double[] {0.8, 0.7}, new double[] {0.7, 0.6, 0.5}));
    assertThrows(
        IllegalArgumentException.class,
        () -> test.compare(new double[] {0.8, Double.NaN}, new double[] {0.7, 0.6}));
    assertThrows(IllegalArgumentException.class, () -> test.compare(FIRST, SECOND, 1.0));
  }

  @Test
  void rejectsBadSplitDescriptions() {
    assertThrows(IllegalArgumentException.class, () -> CorrectedTTest.forKFold(1));
    assertThrows(IllegalArgumentException.class, () -> CorrectedTTest.forSplitSizes(0, 10));
    assertThrows(
        IllegalArgumentException.class, () -> CorrectedTTest.forSplitSizes(10, Double.NaN));
  }

  @Test
  void intervalRejectsBoundsThatMissTheEstimate() {
    assertThrows(IllegalArgumentException.class, () -> new Interval(1, 2, 3, 0.95));
    assertThrows(IllegalArgumentException.class, () -> new Interval(1, 0, 2, 1.0));
    assertThrows(IllegalArgumentException.class, () -> new Interval(Double.NaN, 0, 2, 0.5));
  }
}
