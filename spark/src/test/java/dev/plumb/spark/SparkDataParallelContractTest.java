package dev.plumb.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumb.backend.BackendMode;
import dev.plumb.backend.BackendPlan;
import dev.plumb.backend.BackendScores;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The contract on Spark in data-parallel mode: MLlib's estimators, so model scores agree with the
 * local engine's within {@value #TOLERANCE} (absolute for accuracy, balanced accuracy and ROC
 * AUC; relative for RMSE); the dummies and folds are the same.
 */
@Tag("spark")
class SparkDataParallelContractTest extends SparkContract {
  static final double TOLERANCE = 0.06;

  @Override
  BackendMode mode() {
    return BackendMode.DATA_PARALLEL;
  }

  @Override
  double modelTolerance() {
    return TOLERANCE;
  }

  @Test
  void forestsAndBoostingRunOnMllib() {
    BackendPlan p = plan(data.binary, Optional.empty(),
        List.of("naive_bayes", "random_forest(trees=10)", "gradient_boosting(trees=10)"));
    BackendScores s = run(p.withMode(BackendMode.DATA_PARALLEL));
    assertThat(s.learners()).allSatisfy(l -> {
      assertThat(l.ok()).as(l.spec() + ": " + l.error().orElse("")).isTrue();
      assertThat(mean(l, dev.plumb.evaluate.Metric.ACCURACY)).isGreaterThan(0.7);
    });
  }

  @Test
  void boostingIsUnsupportedForThreeClassesWithTheReason() {
    BackendPlan p = plan(data.multiclass, Optional.empty(), List.of("gradient_boosting"));
    assertThat(run(p.withMode(BackendMode.DATA_PARALLEL)).learners().get(0).error())
        .hasValueSatisfying(e -> assertThat(e).contains("binary only"));
  }
}
