package dev.plumb.bench;

import static dev.plumb.bench.Candidates.failed;
import static dev.plumb.bench.Candidates.measured;
import static dev.plumb.bench.Candidates.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.plumb.data.BadInputException;
import dev.plumb.evaluate.Metric;
import dev.plumb.learn.LearnerSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pass, fail and margins of candidates against targets, and the exit-code rule. */
class VerdictsTest {
  private static final Metric BA = Metric.BALANCED_ACCURACY;

  /** min_score 0.8, p99 at most 2 ms, at most 5 MB, trained in at most 30 s. */
  private static final Targets TARGETS = Targets.none()
      .with(TargetKind.MIN_SCORE, 0.8)
      .with(TargetKind.MAX_LATENCY_P99_MS, 2.0)
      .with(TargetKind.MAX_MODEL_BYTES, 5_000_000)
      .with(TargetKind.MAX_TRAIN_SECONDS, 30);

  private static TargetCheck check(Verdicts v, String candidate, TargetKind kind) {
    return v.candidate(candidate).orElseThrow().checks().stream()
        .filter(c -> c.bound().kind() == kind).findFirst().orElseThrow();
  }

  @Test
  void marginsArePositiveWithRoomToSpareAndNegativeWhenMissed() {
    CandidateMeasurement close = measured("knn", BA, 0.78, 1.5, 4_000_000, 10);
    CandidateMeasurement good = measured("logistic", BA, 0.85, 0.5, 20_000, 0.4);

    Verdicts v = Verdicts.of(TARGETS, BA, List.of(close, good));

    assertThat(v.metric()).isEqualTo(BA);
    TargetCheck score = check(v, "knn", TargetKind.MIN_SCORE);
    assertThat(score.pass()).isFalse();
    assertThat(score.measured()).hasValue(0.78);
    assertThat(score.margin().getAsDouble()).isCloseTo(-0.02, within(1e-12));
    TargetCheck p99 = check(v, "knn", TargetKind.MAX_LATENCY_P99_MS);
    assertThat(p99.pass()).isTrue();
    assertThat(p99.margin()).hasValue(0.5);
    assertThat(check(v, "knn", TargetKind.MAX_MODEL_BYTES).margin()).hasValue(1_000_000);
    assertThat(check(v, "knn", TargetKind.MAX_TRAIN_SECONDS).margin()).hasValue(20);
    assertThat(v.candidate("knn").orElseThrow().failures()).extracting(c -> c.bound().kind())
        .containsExactly(TargetKind.MIN_SCORE);
    assertThat(v.meetsAll("knn")).isFalse();

    assertThat(v.meetsAll("logistic")).isTrue();
    assertThat(check(v, "logistic", TargetKind.MIN_SCORE).margin().getAsDouble())
        .isCloseTo(0.05, within(1e-12));
    assertThat(v.meetingAll()).containsExactly("logistic");
    assertThat(v.anyMeetsAll()).isTrue();
  }

  @Test
  void aMeasurementEqualToTheLimitPasses() {
    Verdicts v = Verdicts.of(TARGETS, BA, List.of(measured("tree", BA, 0.8, 2.0, 5_000_000, 30)));

    assertThat(v.candidate("tree").orElseThrow().checks())
        .allSatisfy(c -> assertThat(c.pass()).isTrue())
        .allSatisfy(c -> assertThat(c.margin()).hasValue(0));
    assertThat(v.anyMeetsAll()).isTrue();
  }

  @Test
  void lowerBoundsOnThroughputAndUpperBoundsOnLossesPointTheRightWay() {
    Targets t = Targets.none().withMetric(Metric.RMSE).with(TargetKind.MAX_SCORE, 3.0)
        .with(TargetKind.MIN_THROUGHPUT_ROWS_PER_S, 10_000)
        .with(TargetKind.MAX_LATENCY_P50_MS, 0.5)
        .with(TargetKind.MAX_TRAIN_MEMORY_BYTES, 1000);
    CandidateMeasurement ridge = measured("ridge", Metric.RMSE, 2.5, 1.0, 100, 1)
        .withThroughput(12_000).withTrainMemoryBytes(1500);

    // the primary metric is ignored: the file named rmse
    Verdicts v = Verdicts.of(t, Metric.R2, List.of(ridge));

    assertThat(v.metric()).isEqualTo(Metric.RMSE);
    assertThat(check(v, "ridge", TargetKind.MAX_SCORE).margin()).hasValue(0.5);
    assertThat(check(v, "ridge", TargetKind.MIN_THROUGHPUT_ROWS_PER_S).margin()).hasValue(2000);
    // p50 is a quarter of the p99 in these fixtures
    assertThat(check(v, "ridge", TargetKind.MAX_LATENCY_P50_MS).margin()).hasValue(0.25);
    TargetCheck memory = check(v, "ridge", TargetKind.MAX_TRAIN_MEMORY_BYTES);
    assertThat(memory.pass()).isFalse();
    assertThat(memory.margin()).hasValue(-500);
    assertThat(v.anyMeetsAll()).isFalse();
  }

  @Test
  void aFailedCandidateFailsEveryTargetWithItsError() {
    Verdicts v = Verdicts.of(TARGETS, BA, List.of(failed("svm", "out of memory")));

    assertThat(v.candidate("svm").orElseThrow().checks()).hasSize(4).allSatisfy(c -> {
      assertThat(c.pass()).isFalse();
      assertThat(c.measured()).isEmpty();
      assertThat(c.margin()).isEmpty();
      assertThat(c.reason()).contains("failed: out of memory");
    });
    assertThat(v.anyMeetsAll()).isFalse();
  }

  @Test
  void aTargetThatWasNotMeasuredFails() {
    CandidateMeasurement noLatency = CandidateMeasurement.of("nb", LearnerSpec.parse("naive_bayes"))
        .withScore(BA, summary(0.9, 0.01, 5)).withSize(10, 5).withTrainSeconds(1);
    CandidateMeasurement otherMetric = measured("tree", Metric.ACCURACY, 0.9, 1, 10, 1);

    Verdicts v = Verdicts.of(TARGETS, BA, List.of(noLatency, otherMetric));

    TargetCheck p99 = check(v, "nb", TargetKind.MAX_LATENCY_P99_MS);
    assertThat(p99.pass()).isFalse();
    assertThat(p99.reason()).contains("not measured");
    assertThat(check(v, "tree", TargetKind.MIN_SCORE).reason())
        .contains("not measured: no balanced_accuracy score");
    assertThat(v.anyMeetsAll()).isFalse();
  }

  @Test
  void exitCodeRuleIsWhetherAnyCandidateMeetsEveryTarget() {
    CandidateMeasurement slow = measured("forest", BA, 0.95, 3.0, 4_000_000, 20);
    CandidateMeasurement weak = measured("stump", BA, 0.6, 0.01, 1_000, 0.1);
    CandidateMeasurement fine = measured("tree", BA, 0.9, 0.05, 50_000, 0.3);

    assertThat(Verdicts.of(TARGETS, BA, List.of(slow, weak)).anyMeetsAll()).isFalse();
    assertThat(Verdicts.of(TARGETS, BA, List.of(slow, weak, fine)).anyMeetsAll()).isTrue();
    assertThat(Verdicts.of(TARGETS, BA, List.of()).anyMeetsAll()).isFalse();
  }

  @Test
  void withoutTargetsEveryCandidateThatRanMeetsAll() {
    Verdicts v = Verdicts.of(Targets.none(), BA,
        List.of(measured("stump", BA, 0.6, 0.01, 1_000, 0.1), failed("svm", "diverged")));

    assertThat(v.candidate("stump").orElseThrow().checks()).isEmpty();
    assertThat(v.meetsAll("stump")).isTrue();
    assertThat(v.meetsAll("svm")).isFalse();
    assertThat(v.anyMeetsAll()).isTrue();
    assertThat(Verdicts.of(Targets.none(), BA, List.of(failed("svm", "diverged"))).anyMeetsAll())
        .isFalse();
  }

  @Test
  void aScoreKeyThatDoesNotFitThePrimaryMetricIsBadInput() {
    Targets t = Targets.none().with(TargetKind.MIN_SCORE, 0.8);

    assertThatThrownBy(() -> Verdicts.of(t, Metric.MAE, List.of()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("mae is a metric where lower is better, so bound it from above with"
            + " max_score");
  }

  @Test
  void namesMustBeUnique() {
    CandidateMeasurement a = measured("knn", BA, 0.9, 1, 1, 1);
    assertThatThrownBy(() -> Verdicts.of(TARGETS, BA, List.of(a, a)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'knn'");
    Verdicts v = Verdicts.of(TARGETS, BA, List.of(a));
    assertThatThrownBy(() -> v.meetsAll("nobody")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void measurementsRefuseImpossibleValues() {
    CandidateMeasurement c = CandidateMeasurement.of("knn", LearnerSpec.parse("knn"));
    assertThatThrownBy(() -> c.withThroughput(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.withSize(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Latency(2, 1, 3, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TargetCheck(new Bound(TargetKind.MAX_TRAIN_SECONDS, 1),
        java.util.OptionalDouble.empty(), java.util.Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
