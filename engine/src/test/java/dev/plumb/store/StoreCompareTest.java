package dev.plumb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** {@link RunComparison}: what changed, and the noise rule checked against hand computations. */
class StoreCompareTest {
  private static final double[] A = {0.80, 0.82, 0.78, 0.81, 0.79};

  private static StoredRun run(long id, long seed, String content, double[] folds,
      String... args) {
    double mean = java.util.Arrays.stream(folds).average().orElseThrow();
    double ss = java.util.Arrays.stream(folds).map(f -> (f - mean) * (f - mean)).sum();
    RunRecord r = RunRecord.builder().command("baseline").arguments(List.of(args))
        .times(Instant.EPOCH, Instant.EPOCH)
        .software(new RunRecord.Software("0.1", "17", Map.of("smile", seed == 1 ? "3.1.1" : "3.2")))
        .dataset(new RunRecord.DatasetRef("d.csv", content.substring(0, 12), content, "b", "s",
            100, 3))
        .target("y").task("binary").seed(seed)
        .split(new RunRecord.Split("stratified_k_fold", 5, 1, 0.25))
        .learner(new RunRecord.LearnerRun("tree", java.util.Optional.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), List.of(new RunRecord.MetricScore(
                "accuracy", mean, Math.sqrt(ss / (folds.length - 1)), OptionalDouble.empty(),
                OptionalDouble.empty(), folds))))
        .learner(new RunRecord.LearnerRun(id == 1 ? "old" : "new", java.util.Optional.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), List.of()))
        .reportJson("{}").build();
    return new StoredRun(id, r);
  }

  private static double[] plus(double[] a, double... d) {
    double[] out = a.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += d[i];
    }
    return out;
  }

  @Test
  void pairedFoldsFlagARealDifferenceByTheCorrectedTTest() {
    double[] d = {0.03, 0.05, 0.02, 0.04, 0.06};
    RunComparison c = RunComparison.of(run(1, 1, "aaaaaaaaaaaaaaaa", A),
        run(2, 1, "aaaaaaaaaaaaaaaa", plus(A, d)));
    assertThat(c.paired()).isTrue();
    RunComparison.MetricDelta m = c.metrics().get(0);
    // by hand: mean 0.04, s² = 0.001/4, corrected variance (1/5 + 1/(5-1)) s², df 4
    double t = 0.04 / Math.sqrt((1.0 / 5 + 1.0 / 4) * 0.001 / 4);
    double p = 2 * new TDistribution(4).cumulativeProbability(-t);
    assertThat(m.test()).isEqualTo(RunComparison.NoiseTest.PAIRED_CORRECTED_T);
    assertThat(m.delta()).isCloseTo(0.04, within(1e-12));
    assertThat(m.pValue().getAsDouble()).isCloseTo(p, within(1e-9));
    assertThat(p).isLessThan(0.05);
    assertThat(m.exceedsNoise()).isTrue();
    assertThat(c.learnersAdded()).containsExactly("new");
    assertThat(c.learnersRemoved()).containsExactly("old");
  }

  @Test
  void pairedFoldsDoNotFlagAZeroOrNoisyDifference() {
    StoredRun first = run(1, 1, "aaaaaaaaaaaaaaaa", A);
    RunComparison.MetricDelta same = RunComparison.of(first, run(2, 1, "aaaaaaaaaaaaaaaa", A))
        .metrics().get(0);
    assertThat(same.delta()).isZero();
    assertThat(same.pValue()).hasValue(1.0);
    assertThat(same.exceedsNoise()).isFalse();
    RunComparison.MetricDelta noisy = RunComparison.of(first, run(2, 1, "aaaaaaaaaaaaaaaa",
        plus(A, 0.05, -0.04, 0.03, -0.03, 0.01))).metrics().get(0);
    assertThat(noisy.pValue().getAsDouble()).isGreaterThan(0.5);
    assertThat(noisy.exceedsNoise()).isFalse();
  }

  @Test
  void otherDataOrSeedsAreComparedUnpairedWithWelch() {
    double[] b = {0.86, 0.90, 0.84, 0.88, 0.87};
    RunComparison c = RunComparison.of(run(1, 1, "aaaaaaaaaaaaaaaa", A),
        run(2, 2, "aaaaaaaaaaaaaaaa", b));
    assertThat(c.paired()).isFalse();
    RunComparison.MetricDelta m = c.metrics().get(0);
    double v1 = variance(A) / 5;
    double v2 = variance(b) / 5;
    double t = (mean(b) - mean(A)) / Math.sqrt(v1 + v2);
    double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / 4 + v2 * v2 / 4);
    assertThat(m.test()).isEqualTo(RunComparison.NoiseTest.UNPAIRED_T);
    assertThat(m.pValue().getAsDouble())
        .isCloseTo(2 * new TDistribution(df).cumulativeProbability(-Math.abs(t)), within(1e-9));
    assertThat(m.exceedsNoise()).isTrue();
    assertThat(c.settings()).filteredOn(RunComparison.Change::changed)
        .extracting(RunComparison.Change::name).containsExactly("seed");
    assertThat(c.versions()).singleElement().satisfies(v -> {
      assertThat(v.name()).isEqualTo("smile");
      assertThat(v.second()).contains("3.2");
    });
    assertThat(RunComparison.of(run(1, 1, "aaaaaaaaaaaaaaaa", A),
        run(2, 1, "bbbbbbbbbbbbbbbb", A)).paired()).isFalse();
  }

  @Test
  void argumentsDiffKeepsOptionsWithTheirValues() {
    RunComparison c = RunComparison.of(
        run(1, 1, "aaaaaaaaaaaaaaaa", A, "baseline", "d.csv", "--seed", "1", "--folds", "5"),
        run(2, 1, "aaaaaaaaaaaaaaaa", A, "baseline", "d.csv", "--seed", "2", "--folds", "5",
            "--goal", "-1"));
    assertThat(c.argumentsRemoved()).containsExactly("--seed 1");
    assertThat(c.argumentsAdded()).containsExactly("--seed 2", "--goal -1");
  }

  private static double mean(double[] v) {
    return java.util.Arrays.stream(v).average().orElseThrow();
  }

  private static double variance(double[] v) {
    double m = mean(v);
    return java.util.Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1);
  }
}
