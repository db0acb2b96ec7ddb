package dev.plumb.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumb.backend.BackendMode;
import dev.plumb.backend.BackendPlan;
import dev.plumb.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The contract on Spark in task-parallel mode: every fit is a Spark task running Plumb's own
 * learner, so the scores equal the local engine's (tolerance 0; sums to 1e-12).
 */
@Tag("spark")
class SparkTaskParallelContractTest extends SparkContract {
  @Override
  BackendMode mode() {
    return BackendMode.TASK_PARALLEL;
  }

  @Override
  double modelTolerance() {
    return 0;
  }

  @Test
  void cliBaselineOnSparkReportsTheLocalHashFoldScores() throws Exception {
    String[] common = {"baseline", data.binary.toString(), "--target", "y", "--learners",
        "majority,logistic,knn", "--folds", "4", "--json", "-"};
    JsonNode onSpark = cli(common, "--backend", "spark", "--master", "local[2]");
    JsonNode local = cli(common, "--folds-by", "hash");
    assertThat(onSpark.get("models")).hasSize(3);
    for (int i = 0; i < 3; i++) {
      JsonNode a = onSpark.get("models").get(i);
      JsonNode b = local.get("models").get(i);
      assertThat(a.get("name").asText()).isEqualTo(b.get("name").asText());
      assertThat(a.get("status").asText()).isEqualTo("ok");
      assertThat(a.get("metrics").get("balanced_accuracy").get("mean").asDouble())
          .isEqualTo(b.get("metrics").get("balanced_accuracy").get("mean").asDouble());
    }
    // the report says where the fits ran, and the local one says nothing of a backend
    assertThat(onSpark.get("notes").toString())
        .contains("cross-validated on the spark backend (master local[2]) in task-parallel mode");
    assertThat(local.get("notes").toString()).doesNotContain("backend");
    JsonNode libraries = onSpark.get("provenance").get("libraries");
    assertThat(libraries.get("spark").asText()).isEqualTo(org.apache.spark.package$.MODULE$
        .SPARK_VERSION()).startsWith("3.5.");
    assertThat(libraries.get("scala").asText()).startsWith("2.13.");
    assertThat(local.get("provenance").get("libraries").has("spark")).isFalse();
  }

  private static JsonNode cli(String[] common, String... more) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args = Stream.concat(Arrays.stream(common), Arrays.stream(more))
        .toArray(String[]::new);
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), false, args);
    assertThat(code).as(err.toString()).isZero();
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void autoModeRunsSmallDataTaskParallel() {
    BackendPlan p = plan(data.binary, Optional.empty(), List.of("majority"));
    assertThat(SparkBackend.choose(spark, p)).isEqualTo(BackendMode.TASK_PARALLEL);
    assertThat(SparkBackend.run(spark, p).mode()).isEqualTo(BackendMode.TASK_PARALLEL);
  }
}
