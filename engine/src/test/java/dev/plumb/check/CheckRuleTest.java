package dev.plumb.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plumb.evaluate.Interval;
import dev.plumb.evaluate.Metric;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The decision rule of {@code plumb check} on hand-made intervals, and the bootstrap interval of
 * an accuracy against the Wilson score interval, computed independently from its closed form.
 */
class CheckRuleTest {
  private static final Check.Options DROP_2 = new Check.Options(0.02, 0.95, 1, Optional.empty());

  @Test
  void aScoreAboveTheBoundHolds() {
    CheckResult.MetricCheck m = Check.verdict(Metric.ACCURACY, 0.90, DROP_2,
        Optional.of(new Interval(0.885, 0.85, 0.92, 0.95)), 400);
    assertThat(m.bound()).isCloseTo(0.88, within(1e-12));
    assertThat(m.status()).isEqualTo(CheckResult.Status.HOLDS);
  }

  @Test
  void anIntervalWhollyBelowTheBoundIsARegression() {
    CheckResult.MetricCheck m = Check.verdict(Metric.ACCURACY, 0.90, DROP_2,
        Optional.of(new Interval(0.80, 0.77, 0.83, 0.95)), 400);
    assertThat(m.status()).isEqualTo(CheckResult.Status.REGRESSION);
  }

  @Test
  void aLowScoreWhoseIntervalReachesTheBoundIsInconclusiveWithTheRowsThatWouldDecide() {
    // shortfall 0.88 - 0.86 = 0.02, half-width 0.04 at 100 rows: (0.04 / 0.02)^2 * 100 = 400
    CheckResult.MetricCheck m = Check.verdict(Metric.ACCURACY, 0.90, DROP_2,
        Optional.of(new Interval(0.86, 0.82, 0.90, 0.95)), 100);
    assertThat(m.status()).isEqualTo(CheckResult.Status.INCONCLUSIVE);
    assertThat(m.rowsNeeded()).hasValue(400);
  }

  @Test
  void errorMetricsAllowARelativeIncreaseAndPointTheOtherWay() {
    // RMSE 10 at training: 2% allows up to 10.2
    CheckResult.MetricCheck holds = Check.verdict(Metric.RMSE, 10, DROP_2,
        Optional.of(new Interval(10.1, 9.5, 10.8, 0.95)), 500);
    assertThat(holds.allowance()).isCloseTo(0.2, within(1e-12));
    assertThat(holds.bound()).isCloseTo(10.2, within(1e-12));
    assertThat(holds.status()).isEqualTo(CheckResult.Status.HOLDS);
    CheckResult.MetricCheck worse = Check.verdict(Metric.RMSE, 10, DROP_2,
        Optional.of(new Interval(11.5, 10.9, 12.2, 0.95)), 500);
    assertThat(worse.status()).isEqualTo(CheckResult.Status.REGRESSION);
  }

  @Test
  void largeSamplesGetTheNormalIntervalOfTheResamples() {
    // 100,000 rows: 400 resamples, the normal interval; accuracy 0.7 has the binomial standard
    // error sqrt(0.7 * 0.3 / 100000) = 0.00145, so the half-width is about 1.96 * 0.00145
    int n = 100_000;
    int[] actual = new int[n];
    double[][] proba = new double[n][];
    SplittableRandom rng = new SplittableRandom(9);
    for (int i = 0; i < n; i++) {
      actual[i] = rng.nextInt(2);
      boolean right = i % 10 < 7;
      int predicted = right ? actual[i] : 1 - actual[i];
      proba[i] = predicted == 1 ? new double[] {0.3, 0.7} : new double[] {0.7, 0.3};
    }
    assertThat(Bootstrap.resamples(n)).isEqualTo(Bootstrap.MIN_RESAMPLES);
    double[][] half = new double[n][];
    Arrays.fill(half, new double[] {0.5, 0.5});
    Interval ci = Bootstrap.run(List.of(Metric.ACCURACY), actual, null,
        new Bootstrap.Predictions(proba, null), new Bootstrap.Predictions(half, null), 0.95, 3)
        .get(Metric.ACCURACY).score().orElseThrow();
    double expected = 1.959964 * Math.sqrt(0.7 * 0.3 / n);
    assertThat(ci.estimate()).isCloseTo(0.7, within(1e-12));
    assertThat(ci.halfWidth()).isCloseTo(expected, within(0.2 * expected));
  }

  @Test
  void anUndefinedScoreIsReportedAsSuch() {
    assertThat(Check.verdict(Metric.ROC_AUC, 0.9, DROP_2, Optional.empty(), 10).status())
        .isEqualTo(CheckResult.Status.UNDEFINED);
  }

  @Test
  void theBootstrapIntervalOfAnAccuracyMatchesTheWilsonInterval() {
    // 1,000 rows, 800 right: Wilson 95% interval (Wilson 1927), z = 1.959964
    int n = 1_000;
    int right = 800;
    int[] actual = new int[n];
    double[][] proba = new double[n][];
    for (int i = 0; i < n; i++) {
      actual[i] = i % 2;
      int predicted = i < right ? actual[i] : 1 - actual[i];
      proba[i] = predicted == 1 ? new double[] {0.2, 0.8} : new double[] {0.8, 0.2};
    }
    // shuffle the rows so that the resamples do not see the construction order
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int a = actual[i];
      actual[i] = actual[j];
      actual[j] = a;
      double[] p = proba[i];
      proba[i] = proba[j];
      proba[j] = p;
    }
    double[][] half = new double[n][];
    Arrays.fill(half, new double[] {0.5, 0.5});
    Bootstrap.Result r = Bootstrap.run(List.of(Metric.ACCURACY), actual, null,
        new Bootstrap.Predictions(proba, null), new Bootstrap.Predictions(half, null), 0.95, 7)
        .get(Metric.ACCURACY);
    double p = 0.8;
    double z = 1.959964;
    double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    double half95 = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
    Interval ci = r.score().orElseThrow();
    assertThat(ci.estimate()).isEqualTo(0.8);
    assertThat(ci.lower()).isCloseTo(centre - half95, within(0.006));
    assertThat(ci.upper()).isCloseTo(centre + half95, within(0.006));
  }

  @Test
  void theBootstrapIsTheSameForAnyNumberOfThreads() throws Exception {
    int n = 500;
    int[] actual = new int[n];
    double[][] proba = new double[n][];
    SplittableRandom rng = new SplittableRandom(11);
    for (int i = 0; i < n; i++) {
      actual[i] = rng.nextInt(2);
      double q = rng.nextDouble();
      proba[i] = new double[] {1 - q, q};
    }
    double[][] half = new double[n][];
    Arrays.fill(half, new double[] {0.5, 0.5});
    List<Metric> metrics = List.of(Metric.ROC_AUC, Metric.LOG_LOSS);
    Map<Metric, Bootstrap.Result> parallel = Bootstrap.run(metrics, actual, null,
        new Bootstrap.Predictions(proba, null), new Bootstrap.Predictions(half, null), 0.95, 5);
    Map<Metric, Bootstrap.Result> single = new ForkJoinPool(1).submit(() ->
        Bootstrap.run(metrics, actual, null, new Bootstrap.Predictions(proba, null),
            new Bootstrap.Predictions(half, null), 0.95, 5)).get();
    assertThat(single).isEqualTo(parallel);
  }
}
