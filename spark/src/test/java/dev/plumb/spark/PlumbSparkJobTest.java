package dev.plumb.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumb.backend.BackendMode;
import dev.plumb.backend.BackendScores;
import dev.plumb.backend.CurveScore;
import dev.plumb.backend.LearnerScores;
import dev.plumb.evaluate.FoldScore;
import dev.plumb.evaluate.Metric;
import dev.plumb.plan.Task;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The job's JSON: the keys a script reads. */
class PlumbSparkJobTest {
  @Test
  void scoresJsonHasFoldsCurvesAndReasons() throws Exception {
    FoldScore fold = new FoldScore(0, 1, Map.of(Metric.ACCURACY, 0.75), Map.of(), 0.5, 0.1,
        Optional.empty());
    CurveScore point = new CurveScore(0.5, 0, 1, 40, Map.of(Metric.ACCURACY, 0.9),
        Map.of(Metric.ACCURACY, 0.7), 0.2);
    BackendScores s = new BackendScores("spark", BackendMode.TASK_PARALLEL, Task.BINARY, 100,
        List.of(new LearnerScores("plumb:majority", Optional.empty(), List.of(fold),
            List.of(point)), new LearnerScores("spark:knn", Optional.of("no MLlib kNN"),
            List.of(), List.of())));
    JsonNode root = new ObjectMapper().readTree(PlumbSparkJob.toJson(s));
    assertThat(root.get("schema").asText()).isEqualTo("plumb-backend/1");
    assertThat(root.get("mode").asText()).isEqualTo("task");
    JsonNode first = root.get("learners").get(0);
    assertThat(first.get("status").asText()).isEqualTo("ok");
    assertThat(first.get("error").isNull()).isTrue();
    assertThat(first.get("folds").get(0).get("validation").get("accuracy").asDouble())
        .isEqualTo(0.75);
    assertThat(first.get("learning_curve").get(0).get("train_size").asInt()).isEqualTo(40);
    JsonNode second = root.get("learners").get(1);
    assertThat(second.get("status").asText()).isEqualTo("failed");
    assertThat(second.get("error").asText()).isEqualTo("no MLlib kNN");
  }
}
