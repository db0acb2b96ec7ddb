package dev.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumb.check.SavedModel;
import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.evaluate.Problem;
import dev.plumb.learn.FittedPipeline;
import dev.plumb.learn.ModelFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code plumb bench} as a user runs it: the JSON, the saved winner, the exit code against
 * targets, and every bad input. A bench run measures for real (a few seconds per candidate), so
 * the runs are few, on penguins, and shared where they can be.
 */
class BenchCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PENGUINS = "../datasets/penguins.csv";
  private static final String METRIC = "balanced_accuracy";

  @TempDir static Path shared;
  @TempDir Path dir;

  /** {@code --candidates tree,random_forest(trees=20)} without targets, saving the winner. */
  private static CliRun run;
  private static JsonNode root;
  private static Path saved;

  @BeforeAll
  static void benchTwoCandidatesWithoutTargets() throws IOException {
    Path json = shared.resolve("bench.json");
    saved = shared.resolve("best.plumb");
    run = CliRun.of("bench", PENGUINS, "--target", "species", "--candidates",
        "tree,random_forest(trees=20)", "--json", json.toString(), "--save-best",
        saved.toString());
    root = Files.exists(json) ? JSON.readTree(json.toFile()) : null;
  }

  private static JsonNode model(JsonNode root, String name) {
    for (JsonNode m : root.get("models")) {
      if (m.get("name").asText().equals(name)) {
        return m;
      }
    }
    throw new AssertionError("no model named " + name + " in " + root.get("models"));
  }

  @Test
  void withoutTargetsEveryCandidatePassesAndTheExitCodeIsZero() {
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.errBesidesRecording()).startsWith("plumb: saved ").contains(saved.toString())
        .hasLineCount(1);
    assertThat(root.get("any_meets_all_targets").asBoolean()).isTrue();
    assertThat(root.get("targets").isEmpty()).isTrue();
  }

  @Test
  void jsonKeepsTheDocumentedKeys() {
    assertThat(root.get("schema").asText()).isEqualTo("plumb/1");
    assertThat(root.get("command").asText()).isEqualTo("bench");
    assertThat(root.get("dataset").get("version").asText()).isEqualTo("79de1872dc83");
    assertThat(root.get("seed").asLong()).isEqualTo(42);
    assertThat(root.get("metric").asText()).isEqualTo(METRIC);
    assertThat(root.get("latency_source").asText()).isEqualTo("in-process");
    assertThat(root.get("provenance").get("libraries").get("smile").asText())
        .isEqualTo("3.1.1");

    JsonNode models = root.get("models");
    // the control (the strongest simple learner) first, then the candidates in order
    assertThat(models).extracting(m -> m.get("name").asText()).hasSize(3)
        .endsWith("tree", "random_forest");
    assertThat(models).filteredOn(m -> m.get("control").asBoolean()).hasSize(1);
    assertThat(models.get(0).get("control").asBoolean()).isTrue();
    assertThat(model(root, "random_forest").get("spec").asText())
        .startsWith("smile:random_forest(").contains("trees=20");
    List<String> onFront = new ArrayList<>();
    for (JsonNode m : models) {
      String name = m.get("name").asText();
      assertThat(m.get("spec").asText()).as(name).contains(name + "(");
      assertThat(m.get("control").isBoolean()).as(name).isTrue();
      assertThat(m.get("status").asText()).as(name).isEqualTo("ok");
      JsonNode score = m.get("metrics").get(METRIC);
      assertThat(score.get("mean").asDouble()).as(name).isBetween(0.9, 1.0);
      assertThat(score.get("std").asDouble()).as(name).isBetween(0.0, 0.1);
      assertThat(score.get("ci95")).as(name).hasSize(2);
      assertThat(score.get("ci95").get(0).asDouble()).as(name)
          .isLessThanOrEqualTo(score.get("mean").asDouble());
      assertThat(score.get("ci95").get(1).asDouble()).as(name)
          .isGreaterThanOrEqualTo(score.get("mean").asDouble());
      JsonNode latency = m.get("latency_ms");
      assertThat(latency.get("p50").asDouble()).as(name).isPositive()
          .isLessThanOrEqualTo(latency.get("p90").asDouble());
      assertThat(latency.get("p90").asDouble()).as(name)
          .isLessThanOrEqualTo(latency.get("p99").asDouble());
      assertThat(m.get("throughput_rows_per_s").asDouble()).as(name).isPositive();
      assertThat(m.get("size_bytes").isIntegralNumber()).as(name).isTrue();
      assertThat(m.get("size_bytes").asLong()).as(name).isPositive();
      assertThat(m.get("gzip_bytes").asLong()).as(name).isPositive();
      assertThat(m.get("train_seconds").asDouble()).as(name).isPositive();
      assertThat(m.get("train_memory_bytes").asLong()).as(name).isPositive();
      assertThat(m.get("verdicts").isObject()).as(name).isTrue();
      assertThat(m.get("verdicts").isEmpty()).as(name).isTrue();
      assertThat(m.get("pareto").get("on_front").isBoolean()).as(name).isTrue();
      if (m.get("pareto").get("on_front").asBoolean()) {
        onFront.add(name);
      }
    }
    // twenty trees take more bytes than one
    assertThat(model(root, "random_forest").get("size_bytes").asLong())
        .isGreaterThan(model(root, "tree").get("size_bytes").asLong());
    assertThat(root.get("pareto_front")).extracting(JsonNode::asText)
        .containsExactlyElementsOf(onFront);
    assertThat(onFront).isNotEmpty();
    List<String> names = new ArrayList<>();
    models.forEach(m -> names.add(m.get("name").asText()));
    JsonNode cheapest = root.get("cheapest_within_1se");
    assertThat(cheapest.get("name").asText()).isIn(names);
    assertThat(cheapest.get("best").asText()).isIn(names);
    assertThat(cheapest.get("explanation").asText()).isNotEmpty();
  }

  @Test
  void saveBestWritesTheWinnerAtTheSizeTheJsonReports() throws IOException {
    JsonNode best = model(root, root.get("best").asText());

    assertThat(saved).isRegularFile();
    // the file is the measured pipeline plus its model card
    SavedModel file = SavedModel.load(saved);
    FittedPipeline loaded = file.pipeline();
    assertThat(ModelFile.bytes(loaded).length).isEqualTo(best.get("size_bytes").asLong());
    assertThat(Files.size(saved)).isEqualTo(best.get("size_bytes").asLong()
        + file.card().orElseThrow().toJson().getBytes(StandardCharsets.UTF_8).length);
    assertThat(file.card().get().learner()).isEqualTo(best.get("spec").asText());
    assertThat(file.card().get().validation().scores().get(0).mean())
        .isEqualTo(best.get("metrics").get(METRIC).get("mean").asDouble());
    assertThat(loaded.learner().text()).isEqualTo(best.get("spec").asText());
    assertThat(loaded.target()).isEqualTo("species");
    // without targets the winner is the best score
    for (JsonNode m : root.get("models")) {
      assertThat(best.get("metrics").get(METRIC).get("mean").asDouble())
          .isGreaterThanOrEqualTo(m.get("metrics").get(METRIC).get("mean").asDouble());
    }

    // fitted on every labelled row, it gets nearly all of them right
    Problem penguins = Problem.of(CsvTableReader.read(Path.of(PENGUINS), CsvOptions.defaults())
        .table(), "species", Optional.empty());
    assertThat(loaded.classNames()).containsExactlyElementsOf(penguins.classNames());
    int[] rows = new int[penguins.size()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = penguins.row(i);
    }
    double[][] proba = loaded.predictProba(penguins.table(), rows);
    int right = 0;
    for (int i = 0; i < rows.length; i++) {
      int predicted = 0;
      for (int c = 1; c < proba[i].length; c++) {
        predicted = proba[i][c] > proba[i][predicted] ? c : predicted;
      }
      right += predicted == penguins.classes()[i] ? 1 : 0;
    }
    assertThat((double) right / rows.length).isGreaterThan(0.95);
  }

  @Test
  void targetsNoCandidateCanMeetGiveExitCode1AndNegativeMargins() throws IOException {
    Path targets = dir.resolve("targets.yaml");
    Files.writeString(targets, "min_score: 0.999999\nmax_latency_p99_ms: 0.0000001\n");
    Path json = dir.resolve("bench.json");
    Path model = dir.resolve("best.plumb");

    CliRun r = CliRun.of("bench", PENGUINS, "--target", "species", "--candidates", "tree",
        "--targets", targets.toString(), "--json", json.toString(), "--save-best",
        model.toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("no candidate meets every target, so " + model
        + " was not written");
    assertThat(model).doesNotExist();
    JsonNode root = JSON.readTree(json.toFile());
    assertThat(root.get("any_meets_all_targets").asBoolean()).isFalse();
    assertThat(root.get("meets_all_targets")).isEmpty();
    assertThat(root.get("best").isNull()).isTrue();
    assertThat(root.get("targets").get("min_score").asDouble()).isEqualTo(0.999999);
    assertThat(root.get("models")).hasSize(2).allSatisfy(m -> {
      String name = m.get("name").asText();
      assertThat(m.get("meets_all_targets").asBoolean()).as(name).isFalse();
      JsonNode score = m.get("verdicts").get("min_score");
      assertThat(score.get("pass").asBoolean()).as(name).isFalse();
      assertThat(score.get("margin").asDouble()).as(name).isNegative().isCloseTo(
          m.get("metrics").get(METRIC).get("mean").asDouble() - 0.999999,
          within(1e-12));
      JsonNode p99 = m.get("verdicts").get("max_latency_p99_ms");
      assertThat(p99.get("pass").asBoolean()).as(name).isFalse();
      assertThat(p99.get("margin").asDouble()).as(name).isNegative().isCloseTo(
          0.0000001 - m.get("latency_ms").get("p99").asDouble(),
          within(1e-12));
      assertThat(p99.get("limit").asDouble()).isEqualTo(0.0000001);
    });
  }

  @Test
  void theExampleTargetsGiveTheExitCodeTheJsonImplies() throws IOException {
    Path json = dir.resolve("bench.json");

    CliRun r = CliRun.of("bench", PENGUINS, "--target", "species", "--targets",
        "../datasets/targets.example.yaml", "--json", json.toString());

    assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
    JsonNode root = JSON.readTree(json.toFile());
    boolean any = root.get("any_meets_all_targets").asBoolean();
    assertThat(r.exitCode()).isEqualTo(any ? 0 : 1);
    List<String> meeting = new ArrayList<>();
    for (JsonNode m : root.get("models")) {
      // the four bounds of the file, each judged
      assertThat(m.get("verdicts").size()).as(m.get("name").asText()).isEqualTo(4);
      if (m.get("meets_all_targets").asBoolean()) {
        meeting.add(m.get("name").asText());
      }
    }
    assertThat(root.get("meets_all_targets")).extracting(JsonNode::asText)
        .containsExactlyElementsOf(meeting);
    assertThat(any).isEqualTo(!meeting.isEmpty());
    // the file's candidates: tribuo:logistic is the control already, so it is listed once
    assertThat(root.get("models")).extracting(m -> m.get("name").asText())
        .containsExactly("logistic", "knn", "tree", "random_forest");
  }

  /** The options after the file (split at spaces; {@code FILE}: a malformed targets file). */
  static Stream<Arguments> badInputs() {
    return Stream.of(
        Arguments.of("--candidates nope", "unknown multiclass learner 'nope'; known: majority,"
            + " stratified, uniform, one_rule, naive_bayes, logistic, knn, stump, tree,"
            + " random_forest, gradient_boosting"),
        Arguments.of("--candidates tree(nope=1)", "smile:tree: unknown parameter 'nope'; its"
            + " parameters are max_depth, node_size, max_nodes"),
        Arguments.of("--candidates tree,(", "--candidates 'tree,(' has unbalanced parentheses"),
        Arguments.of("--candidates tree --targets FILE",
            "targets.yaml: line 3, column 21: max_latency_p99_ms: must be a number of"
                + " milliseconds, such as 2.0, not the text 'fast'"),
        Arguments.of("--learners tree", "bench takes --candidates, not --learners"),
        Arguments.of("--candidates tree --learners tree",
            "bench takes --candidates, not --learners"),
        Arguments.of("", "no candidates: give --candidates 'SPEC,...'"),
        Arguments.of("--candidates ,", "no candidates: give --candidates 'SPEC,...'"),
        Arguments.of("--candidates tree --tune -1",
            "--tune must be a number of trials from 0 to 10000, got -1"));
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("badInputs")
  void badInputGivesOneLineAndExitCode2(String options, String message) throws IOException {
    Path targets = dir.resolve("targets.yaml");
    Files.writeString(targets, "metric: balanced_accuracy\nmin_score: 0.9\n"
        + "max_latency_p99_ms: fast\n");
    List<String> args = new ArrayList<>(List.of("bench", PENGUINS, "--target", "species"));
    for (String o : options.split(" ")) {
      if (!o.isEmpty()) {
        args.add(o.equals("FILE") ? targets.toString() : o);
      }
    }

    CliRun r = CliRun.of(args.toArray(String[]::new));

    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.errLines()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).startsWith("plumb: ").contains(message).doesNotContain("Exception");
    assertThat(r.out()).isEmpty();
    if (options.contains("FILE")) {
      assertThat(r.err()).contains(targets.toString());
    }
  }
}
