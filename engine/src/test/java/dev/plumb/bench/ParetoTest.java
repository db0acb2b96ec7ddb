package dev.plumb.bench;

import static dev.plumb.bench.Candidates.failed;
import static dev.plumb.bench.Candidates.measured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumb.evaluate.Metric;
import dev.plumb.learn.LearnerSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Pareto front over score, p99 latency, size and training time. */
class ParetoTest {
  private static final Metric BA = Metric.BALANCED_ACCURACY;

  /**
   * Hand-worked example (balanced accuracy, greater is better; the other three lower is better):
   *
   * <pre>
   *   name      score  p99 ms  bytes  train s
   *   forest    0.97   5.0     9000   60       best score, slowest       front
   *   boost     0.95   1.0     1000   10                                 front
   *   logistic  0.93   1.0     1000   10       worse score than boost    dominated by boost
   *   tree      0.92   2.0     2000   20       worse than logistic on    dominated by boost,
   *                                            all four                  logistic
   *   knn       0.90   0.2      500    1       cheapest                  front
   *   knn_copy  0.90   0.2      500    1       equal to knn on all four  front (a tie is not
   *                                                                      a domination)
   *   stump     0.89   0.3      600    2       worse than knn on all     dominated by knn,
   *                                                                      knn_copy
   *   svm       failed                                                   excluded
   *   nb        0.91   (no latency measured)                             excluded
   * </pre>
   *
   * The chain boost > logistic > tree: tree's first front dominator is boost, found through
   * transitivity even though logistic, not on the front, also dominates it. forest is on the front
   * because nothing matches its score.
   */
  private static final List<CandidateMeasurement> EXAMPLE = List.of(
      measured("forest", BA, 0.97, 5.0, 9000, 60),
      measured("boost", BA, 0.95, 1.0, 1000, 10),
      measured("logistic", BA, 0.93, 1.0, 1000, 10),
      measured("tree", BA, 0.92, 2.0, 2000, 20),
      measured("knn", BA, 0.90, 0.2, 500, 1),
      measured("knn_copy", BA, 0.90, 0.2, 500, 1),
      measured("stump", BA, 0.89, 0.3, 600, 2),
      failed("svm", "did not converge"),
      CandidateMeasurement.of("nb", LearnerSpec.parse("naive_bayes"))
          .withScore(BA, Candidates.summary(0.91, 0.01, 5)).withSize(10, 5).withTrainSeconds(1));

  @Test
  void theHandWorkedExample() {
    ParetoFront f = Pareto.front(EXAMPLE, BA);

    assertThat(f.front()).containsExactly("forest", "boost", "knn", "knn_copy");
    assertThat(f.dominated()).containsExactly(
        new ParetoFront.Dominated("logistic", "boost", List.of("boost")),
        new ParetoFront.Dominated("tree", "boost", List.of("boost", "logistic")),
        new ParetoFront.Dominated("stump", "knn", List.of("knn", "knn_copy")));
    assertThat(f.excluded()).containsExactly(
        new ParetoFront.Excluded("svm", "failed: did not converge"),
        new ParetoFront.Excluded("nb", "not measured: p99 latency"));
    assertThat(f.isOnFront("knn_copy")).isTrue();
    assertThat(f.dominatedBy("tree")).contains("boost");
    assertThat(f.dominatedBy("forest")).isEmpty();
  }

  @Test
  void equalCandidatesDoNotDominateEachOther() {
    CandidateMeasurement knn = EXAMPLE.get(4);
    CandidateMeasurement copy = EXAMPLE.get(5);

    assertThat(Pareto.dominates(knn, copy, BA)).isFalse();
    assertThat(Pareto.dominates(copy, knn, BA)).isFalse();
    assertThat(Pareto.dominates(EXAMPLE.get(1), EXAMPLE.get(2), BA)).isTrue();
    assertThat(Pareto.dominates(EXAMPLE.get(2), EXAMPLE.get(1), BA)).isFalse();
    assertThatThrownBy(() -> Pareto.dominates(knn, EXAMPLE.get(7), BA))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("svm");
  }

  @Test
  void aLowerIsBetterMetricPrefersTheLowerScore() {
    // same costs, rmse 2.0 against 3.0: the lower error dominates
    CandidateMeasurement good = measured("ridge", Metric.RMSE, 2.0, 1, 100, 1);
    CandidateMeasurement bad = measured("linear", Metric.RMSE, 3.0, 1, 100, 1);

    ParetoFront f = Pareto.front(List.of(bad, good), Metric.RMSE);

    assertThat(f.front()).containsExactly("ridge");
    assertThat(f.dominatedBy("linear")).contains("ridge");
  }

  @Test
  void aCandidateWithoutAScoreOnTheMetricIsExcluded() {
    ParetoFront f = Pareto.front(EXAMPLE.subList(0, 2), Metric.ROC_AUC);

    assertThat(f.front()).isEmpty();
    assertThat(f.excluded()).extracting(ParetoFront.Excluded::reason)
        .containsOnly("not measured: roc_auc score");
  }
}
