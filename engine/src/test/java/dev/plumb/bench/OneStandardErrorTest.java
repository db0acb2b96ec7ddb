package dev.plumb.bench;

import static dev.plumb.bench.Candidates.failed;
import static dev.plumb.bench.Candidates.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plumb.evaluate.Metric;
import dev.plumb.learn.LearnerSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cheapest candidate within one standard error of the best score. */
class OneStandardErrorTest {
  private static final Metric BA = Metric.BALANCED_ACCURACY;

  private static CandidateMeasurement candidate(String name, Metric metric, double mean,
      double std, int folds, double p99Ms, long bytes, double trainSeconds) {
    return CandidateMeasurement.of(name, LearnerSpec.parse(name))
        .withScore(metric, summary(mean, std, folds))
        .withLatency(new Latency(p99Ms / 2, p99Ms, p99Ms, p99Ms))
        .withSize(bytes, bytes)
        .withTrainSeconds(trainSeconds);
  }

  /**
   * Hand-worked example, balanced accuracy over 4 folds:
   *
   * <pre>
   *   name      mean   std   p99 ms   bytes      train s
   *   boost     0.960  0.04  1.80     5,100,000  20      best; SE = 0.04 / sqrt(4) = 0.02
   *   forest    0.950  0.03  1.20     3,000,000   5      0.950 >= 0.94: within
   *   logistic  0.945  0.02  0.05        20,000   0.5    within; p99 ties with knn, smaller
   *   knn       0.945  0.02  0.05        50,000   0.01   within; loses to logistic on size
   *   tree      0.930  0.02  0.01         8,000   0.2    0.930 < 0.94: outside, though cheapest
   *   svm       failed                                   left out
   * </pre>
   *
   * Threshold 0.96 - 0.02 = 0.94; within: boost, forest, logistic, knn; cheapest by p99 then
   * size: logistic.
   */
  @Test
  void theHandWorkedExample() {
    List<CandidateMeasurement> all = List.of(
        candidate("boost", BA, 0.960, 0.04, 4, 1.80, 5_100_000, 20),
        candidate("forest", BA, 0.950, 0.03, 4, 1.20, 3_000_000, 5),
        candidate("logistic", BA, 0.945, 0.02, 4, 0.05, 20_000, 0.5),
        candidate("knn", BA, 0.945, 0.02, 4, 0.05, 50_000, 0.01),
        candidate("tree", BA, 0.930, 0.02, 4, 0.01, 8_000, 0.2),
        failed("svm", "out of memory"));

    OneSeChoice c = OneStandardError.cheapest(all, BA).orElseThrow();

    assertThat(c.best().name()).isEqualTo("boost");
    assertThat(c.standardError()).isCloseTo(0.02, within(1e-15));
    assertThat(c.threshold()).isCloseTo(0.94, within(1e-15));
    assertThat(c.withinOneSe()).containsExactly("boost", "forest", "logistic", "knn");
    assertThat(c.chosen().name()).isEqualTo("logistic");
    assertThat(c.chosenIsBest()).isFalse();
    assertThat(c.explanation()).isEqualTo("logistic is the cheapest candidate whose"
        + " balanced_accuracy is within one standard error of the best: 0.945 against 0.96 for"
        + " boost (standard error 0.02 = std 0.04 / √4 folds); p99 latency 0.05 ms against 1.8,"
        + " size 20000 bytes against 5100000, training 0.5 s against 20.");
  }

  @Test
  void theBestIsKeptWhenNothingCheaperIsCloseEnough() {
    List<CandidateMeasurement> all = List.of(
        candidate("tree", BA, 0.90, 0.01, 5, 0.01, 8_000, 0.2),
        candidate("forest", BA, 0.80, 0.05, 5, 0.001, 100, 0.1));

    OneSeChoice c = OneStandardError.cheapest(all, BA).orElseThrow();

    assertThat(c.chosenIsBest()).isTrue();
    assertThat(c.withinOneSe()).containsExactly("tree");
    assertThat(c.explanation()).startsWith("tree has the best balanced_accuracy (0.9), and no"
        + " candidate within one standard error of it (standard error 0.004472 = std 0.01 / √5"
        + " folds) is cheaper.");
  }

  @Test
  void forALowerIsBetterMetricWithinMeansAtMostOneSeAbove() {
    // best rmse 10.0, std 2 over 4 folds: SE 1, so up to 11.0 counts (inclusive)
    List<CandidateMeasurement> all = List.of(
        candidate("boost", Metric.RMSE, 10.0, 2, 4, 2.0, 1_000_000, 10),
        candidate("ridge", Metric.RMSE, 11.0, 1, 4, 0.02, 1_000, 0.1),
        candidate("mean", Metric.RMSE, 11.5, 1, 4, 0.001, 100, 0.01));

    OneSeChoice c = OneStandardError.cheapest(all, Metric.RMSE).orElseThrow();

    assertThat(c.threshold()).isEqualTo(11.0);
    assertThat(c.withinOneSe()).containsExactly("boost", "ridge");
    assertThat(c.chosen().name()).isEqualTo("ridge");
  }

  @Test
  void withOneFoldOnlyAnEqualScoreCounts() {
    List<CandidateMeasurement> all = List.of(
        candidate("boost", BA, 0.9, 0, 1, 2.0, 1_000_000, 10),
        candidate("tree", BA, 0.9, 0, 1, 0.1, 1_000, 1),
        candidate("stump", BA, 0.89, 0, 1, 0.01, 100, 0.1));

    OneSeChoice c = OneStandardError.cheapest(all, BA).orElseThrow();

    assertThat(c.standardError()).isZero();
    assertThat(c.chosen().name()).isEqualTo("tree");
    assertThat(c.explanation()).contains("standard error 0, from one fold");
  }

  @Test
  void anUnmeasuredCostCountsAsTheLargest() {
    CandidateMeasurement noLatency = CandidateMeasurement.of("nb", LearnerSpec.parse("naive_bayes"))
        .withScore(BA, summary(0.95, 0.02, 4));
    List<CandidateMeasurement> all = List.of(noLatency,
        candidate("boost", BA, 0.95, 0.02, 4, 2.0, 1_000_000, 10));

    assertThat(OneStandardError.cheapest(all, BA).orElseThrow().chosen().name())
        .isEqualTo("boost");
  }

  @Test
  void nothingToChooseFromIsEmpty() {
    assertThat(OneStandardError.cheapest(List.of(failed("svm", "boom")), BA)).isEmpty();
    assertThat(OneStandardError.cheapest(List.of(), BA)).isEmpty();
    assertThat(OneStandardError.standardError(summary(0.9, 0.3, 9))).isCloseTo(0.1,
        within(1e-15));
  }
}
