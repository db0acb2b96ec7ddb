package dev.plumb.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumb.data.BadInputException;
import dev.plumb.evaluate.Metric;
import dev.plumb.plan.Task;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackendPlanTest {
  @Test
  void jsonRoundTripsEveryField() {
    BackendPlan p = new BackendPlan("hdfs://nn/data.csv", "churn", Optional.of(Task.BINARY),
        List.of("logistic", "smile:tree(max_depth=4)"), 3, 2, 7, List.of(Metric.ROC_AUC),
        List.of(0.25, 1.0), Optional.of("id"), BackendMode.TASK_PARALLEL,
        Optional.of(Duration.ofMillis(2500)));
    assertThat(BackendPlan.fromJson(p.toJson())).isEqualTo(p);
    assertThat(p.toJson()).contains("\"time_limit_seconds\":2.5");
  }

  @Test
  void aTimeLimitMustBeAPositiveNumberOfSeconds() {
    assertThatThrownBy(() -> BackendPlan.fromJson("{\"data\":\"d\",\"target\":\"y\","
        + "\"time_limit_seconds\":0}")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("time_limit_seconds must be a positive number, got 0");
    assertThatThrownBy(() -> BackendPlan.fromJson("{\"data\":\"d\",\"target\":\"y\","
        + "\"time_limit_seconds\":\"soon\"}")).hasMessageContaining("got \"soon\"");
  }

  @Test
  void minimalJsonTakesTheDefaults() {
    BackendPlan p = BackendPlan.fromJson("{\"data\": \"d.csv\", \"target\": \"y\"}");
    assertThat(p).isEqualTo(BackendPlan.baseline("d.csv", "y", 42));
    assertThat(p.metricsFor(Task.REGRESSION).get(0)).isEqualTo(Metric.RMSE);
  }

  @Test
  void rejectsFractionsOutsideTheUnitIntervalSayingHowTheyWereRead() {
    assertThatThrownBy(() -> BackendPlan.baseline("d.csv", "y", 1).withFractions(List.of(1.2)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("fractions of the training rows, in (0, 1], got 1.2");
    assertThatThrownBy(() -> BackendPlan.baseline("d.csv", "y", 1)
        .withFractions(List.of(0.5, 0.2))).hasMessageContaining("must increase");
  }

  @Test
  void rejectsJsonThatIsNotAPlan() {
    assertThatThrownBy(() -> BackendPlan.fromJson("[1]")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("\"data\"");
    assertThatThrownBy(() -> BackendPlan.fromJson("{\"data\": \"d.csv\"}"))
        .hasMessageContaining("no target");
    assertThatThrownBy(() -> BackendPlan.fromJson("{\"data\":\"d\",\"target\":\"y\","
        + "\"mode\":\"fast\"}")).hasMessageContaining("use auto, data or task");
  }

  @Test
  void unknownBackendIsABadInputThatNamesTheChoices() {
    assertThatThrownBy(() -> ExperimentBackend.named("dask"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("use local or spark");
    assertThat(ExperimentBackend.named("local")).isInstanceOf(LocalBackend.class);
  }
}
