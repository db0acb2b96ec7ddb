package dev.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plumb baseline} as a user runs it: the leaderboard, the JSON, and every bad input. */
class BaselineCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path csv(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  @Test
  void leaderboardNamesTheDatasetSeedAndVerdicts() {
    CliRun run = CliRun.of("baseline", "../datasets/iris.csv", "--target", "species",
        "--learners", "majority,one_rule,naive_bayes,tree", "--folds", "3");
    assertThat(run.exitCode()).isZero();
    assertThat(run.errBesidesRecording()).isEmpty();
    assertThat(run.out()).contains("dataset version 1911f45cb422").contains("seed 42")
        .contains("stratified_k_fold 3 folds").contains("naive_bayes").contains("(baseline)")
        .contains("(leader)").contains("can_overfit").contains("beats_shuffled_labels")
        .contains("smile 3.1.1").contains("tribuo 4.3.2");
  }

  @Test
  void jsonKeepsTheDocumentedKeys() throws Exception {
    CliRun run = CliRun.of("baseline", "../datasets/iris.csv", "--target", "species",
        "--learners", "majority,tree", "--folds", "3", "--json", "-");
    assertThat(run.exitCode()).isZero();
    JsonNode root = JSON.readTree(run.out());
    assertThat(root.get("schema").asText()).isEqualTo("plumb/1");
    assertThat(root.get("command").asText()).isEqualTo("baseline");
    assertThat(root.get("dataset").get("version").asText()).isEqualTo("1911f45cb422");
    assertThat(root.get("target").asText()).isEqualTo("species");
    assertThat(root.get("task").asText()).isEqualTo("multiclass");
    assertThat(root.get("seed").asLong()).isEqualTo(42);
    JsonNode majority = null;
    for (JsonNode m : root.get("models")) {
      assertThat(m.get("status").asText()).isEqualTo("ok");
      assertThat(m.get("metrics").get("accuracy").get("ci95")).hasSize(2);
      assertThat(m.get("train_metrics").get("accuracy").get("mean").isNumber()).isTrue();
      assertThat(m.get("fit_seconds").isNumber()).isTrue();
      assertThat(m.get("predict_seconds_per_1000").isNumber()).isTrue();
      assertThat(m.get("size_bytes").asLong()).isPositive();
      if (m.get("name").asText().equals("majority")) {
        majority = m;
      }
    }
    assertThat(majority).isNotNull();
    // three classes of 50 in 3 stratified folds of 50 rows: the training majority class holds 16
    // or 17 of each validation fold, so accuracy is within one row (1/50) of one third
    assertThat(majority.get("metrics").get("accuracy").get("mean").asDouble())
        .isCloseTo(1.0 / 3, org.assertj.core.api.Assertions.within(0.0201));
    assertThat(majority.get("library").asText()).isEqualTo("plumb");
    assertThat(root.get("timings").get("total_seconds").isNumber()).isTrue();
    assertThat(root.get("provenance").get("libraries").get("smile").asText()).isEqualTo("3.1.1");
  }

  @Test
  void singleClassTargetIsBadInput() throws IOException {
    Path f = csv("one.csv", "x,y\n1,a\n2,a\n3,a\n4,a\n5,a\n6,a\n");
    CliRun run = CliRun.of("baseline", f.toString(), "--target", "y");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("single class ('a')");
    assertThat(run.errLines()).isEqualTo(1);
  }

  @Test
  void constantNumericTargetIsBadInput() throws IOException {
    Path f = csv("c.csv", "x,y\n1,5.5\n2,5.5\n3,5.5\n4,5.5\n5,5.5\n6,5.5\n");
    CliRun run = CliRun.of("baseline", f.toString(), "--target", "y", "--task", "regression");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("same value (5.5) in every row");
  }

  @Test
  void unknownLearnerAndMetricAreBadInput() {
    CliRun learner = CliRun.of("baseline", "../datasets/iris.csv", "--target", "species",
        "--learners", "xgboost");
    assertThat(learner.exitCode()).isEqualTo(2);
    assertThat(learner.err()).contains("unknown multiclass learner 'xgboost'").contains("knn");
    CliRun param = CliRun.of("baseline", "../datasets/iris.csv", "--target", "species",
        "--learners", "smile:random_forest(tres=10)");
    assertThat(param.exitCode()).isEqualTo(2);
    assertThat(param.err()).contains("tres");
    CliRun metric = CliRun.of("baseline", "../datasets/iris.csv", "--target", "species",
        "--metric", "rmse");
    assertThat(metric.exitCode()).isEqualTo(2);
    assertThat(metric.err()).contains("rmse").contains("balanced_accuracy");
  }

  @Test
  void targetNotFoundSuggestsAName() {
    CliRun run = CliRun.of("baseline", "../datasets/iris.csv", "--target", "Species");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("did you mean 'species'?");
  }

  @Test
  void rareClassesAndAllMissingFeaturesGiveNotesNotCrashes() throws IOException {
    StringBuilder sb = new StringBuilder("x,empty,y\n");
    SplittableRandom rnd = new SplittableRandom(3);
    for (int i = 0; i < 60; i++) {
      sb.append(rnd.nextDouble()).append(",,").append(i < 3 ? "rare" : i % 2 == 0 ? "a" : "b")
          .append('\n');
    }
    CliRun run = CliRun.of("baseline", csv("rare.csv", sb.toString()).toString(), "--target", "y",
        "--learners", "majority,naive_bayes,tree");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("class 'rare' has 3 rows, fewer than the 5 folds")
        .contains("'empty' excluded: every value is missing");
  }

  @Test
  void aFailingLearnerIsReportedAndTheOthersGoOn() throws IOException {
    // two identical columns make the least-squares matrix singular
    StringBuilder sb = new StringBuilder("a,b,y\n");
    for (int i = 0; i < 40; i++) {
      int a = (i * 7) % 40;
      sb.append(a).append(',').append(a).append(',').append(a * 2 + (i % 3)).append('\n');
    }
    CliRun run = CliRun.of("baseline", csv("collinear.csv", sb.toString()).toString(),
        "--target", "y", "--learners", "mean,linear,ridge", "--json", "-");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("\"status\" : \"ok\"");
  }

  @Test
  void timeLimitFailsOnlyTheSlowLearner() throws Exception {
    StringBuilder sb = new StringBuilder("a,b,c,y\n");
    SplittableRandom rnd = new SplittableRandom(1);
    for (int i = 0; i < 3000; i++) {
      sb.append(rnd.nextDouble()).append(',').append(rnd.nextDouble()).append(',')
          .append(rnd.nextDouble()).append(',').append(rnd.nextBoolean() ? "p" : "q").append('\n');
    }
    CliRun run = CliRun.of("baseline", csv("slow.csv", sb.toString()).toString(), "--target", "y",
        "--learners", "majority,smile:random_forest(trees=500)", "--time-limit", "0.05",
        "--json", "-");
    assertThat(run.exitCode()).isZero();
    JsonNode root = JSON.readTree(run.out());
    for (JsonNode m : root.get("models")) {
      if (m.get("name").asText().equals("random_forest")) {
        assertThat(m.get("status").asText()).isEqualTo("failed");
        assertThat(m.get("error").asText()).contains("out of time");
      } else {
        assertThat(m.get("status").asText()).isEqualTo("ok");
      }
    }
  }

  @Test
  void conflictingSplitOptionsAreBadInput() {
    CliRun run = CliRun.of("baseline", "../datasets/iris.csv", "--target", "species",
        "--holdout", "0.2", "--group-by", "species");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("choose one of --holdout, --group-by and --time-column");
  }

  @Test
  void groupedAndTimeOrderedFoldsRun() {
    CliRun grouped = CliRun.of("baseline", "../datasets/penguins.csv", "--target", "species",
        "--learners", "majority,tree", "--group-by", "island", "--folds", "3");
    assertThat(grouped.exitCode()).isZero();
    assertThat(grouped.out()).contains("group_k_fold 3 folds");
    CliRun timed = CliRun.of("baseline", "../datasets/auto_mpg.csv", "--target",
        "Miles_per_Gallon", "--learners", "mean,linear", "--time-column", "Year", "--folds", "3");
    assertThat(timed.exitCode()).isZero();
    assertThat(timed.out()).contains("3 time-ordered folds")
        .contains("8 rows without a target value were left out");
  }
}
