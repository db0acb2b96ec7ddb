package dev.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code plumb diagnose} as a user runs it: the summary, the JSON, and every bad input. */
class DiagnoseCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PENGUINS = "../datasets/penguins.csv";
  private static final List<String> VERDICTS =
      List.of("underfitting", "overfitting", "good_fit", "inconclusive");

  @TempDir Path dir;

  @Test
  void jsonKeepsTheDocumentedKeys() throws IOException {
    Path json = dir.resolve("diagnose.json");

    CliRun run = CliRun.of("diagnose", PENGUINS, "--target", "species", "--learners",
        "logistic,tree", "--json", json.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.errBesidesRecording()).isEmpty();
    JsonNode root = JSON.readTree(json.toFile());
    assertThat(root.get("schema").asText()).isEqualTo("plumb/1");
    assertThat(root.get("command").asText()).isEqualTo("diagnose");
    assertThat(root.get("dataset").get("version").asText()).isEqualTo("79de1872dc83");
    assertThat(root.get("seed").asLong()).isEqualTo(42);
    assertThat(root.get("metric").asText()).isEqualTo("balanced_accuracy");
    List<Integer> sizes = new ArrayList<>();
    root.get("train_sizes").forEach(s -> sizes.add(s.intValue()));
    assertThat(sizes).hasSize(8).isSorted().doesNotHaveDuplicates();
    assertThat(root.get("train_sizes")).allMatch(JsonNode::isInt);
    assertThat(root.get("provenance").get("libraries").get("smile").asText())
        .isEqualTo("3.1.1");

    JsonNode models = root.get("models");
    assertThat(models).hasSize(2);
    assertThat(models.get(0).get("name").asText()).isEqualTo("logistic");
    assertThat(models.get(1).get("name").asText()).isEqualTo("tree");
    for (JsonNode m : models) {
      String name = m.get("name").asText();
      assertThat(m.get("spec").asText()).as(name).contains(name + "(");
      assertThat(m.get("diagnosis").asText()).as(name).isIn(VERDICTS);
      assertThat(m.get("more_data_helps").isBoolean() || m.get("more_data_helps").isNull())
          .as(name + " more_data_helps").isTrue();
      JsonNode curve = m.get("learning_curve");
      assertThat(curve).as(name).hasSize(sizes.size());
      for (int i = 0; i < sizes.size(); i++) {
        JsonNode p = curve.get(i);
        assertThat(p.get("train_size").intValue()).isEqualTo(sizes.get(i));
        for (String part : List.of("train", "validation")) {
          assertThat(p.get(part).get("mean").asDouble()).as(name + " " + part).isBetween(0.0,
              1.0);
          assertThat(p.get(part).get("std").asDouble()).as(name + " " + part)
              .isGreaterThanOrEqualTo(0.0);
        }
        assertThat(p.get("fit_seconds").asDouble()).as(name).isGreaterThanOrEqualTo(0.0);
      }
      JsonNode validation = m.get("validation_curve");
      assertThat(validation.get("parameter").asText()).as(name)
          .isEqualTo(name.equals("tree") ? "max_depth" : "c");
      assertThat(validation.get("points")).as(name).isNotEmpty()
          .allSatisfy(p -> assertThat(p.get("value").asText()).isNotEmpty());
      assertThat(m.get("extrapolation").get("status").isTextual()).as(name).isTrue();
      assertThat(m.get("decomposition").get("target").isNumber()).as(name).isTrue();
      JsonNode remedies = m.get("remedies");
      assertThat(remedies).as(name).isNotEmpty();
      for (int i = 0; i < remedies.size(); i++) {
        assertThat(remedies.get(i).get("rank").asInt()).isEqualTo(i + 1);
        assertThat(remedies.get(i).get("action").asText()).isNotEmpty();
      }
    }
  }

  @Test
  void summaryShowsTheVerdictsAndTheCurvesAsSparklines() {
    CliRun run = CliRun.of("diagnose", PENGUINS, "--target", "species", "--learners",
        "logistic,tree");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("dataset version 79de1872dc83").contains("seed 42")
        .contains("metric balanced_accuracy").containsPattern(
            "learner +diagnosis +confidence +train +validation +more data helps")
        .containsPattern("(?m)^logistic +(underfitting|overfitting|good_fit|inconclusive) ")
        .containsPattern("(?m)^tree +(underfitting|overfitting|good_fit|inconclusive) ")
        // one bar per training size
        .containsPattern("[▁▂▃▄▅▆▇█]{8}").contains("validation curve of max_depth");
  }

  @Test
  void aTinyDatasetGetsAReducedPlanAndANoteSayingSo() throws IOException {
    SplittableRandom r = new SplittableRandom(4);
    StringBuilder sb = new StringBuilder("a,b,y\n");
    for (int i = 0; i < 30; i++) {
      double a = r.nextDouble();
      double b = r.nextDouble();
      sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n", a, b, i % 2 == 0 ? "p" : "q"));
    }
    Path csv = dir.resolve("tiny.csv");
    Files.writeString(csv, sb);

    CliRun run = CliRun.of("diagnose", csv.toString(), "--target", "y", "--learners",
        "logistic,tree");

    assertThat(run.exitCode()).as(run.err()).isZero();
    // 5 folds leave 24 training rows: 4 log-spaced sizes from a quarter of them
    assertThat(run.out()).contains("training sizes 6, 10, 15, 24")
        .contains("only 24 training rows per fold: a reduced plan of 4 sizes from 6; the"
            + " verdicts are rough");
  }

  /** The options after the file (split at spaces), and what stderr must say. */
  static Stream<Arguments> badInputs() {
    return Stream.of(
        Arguments.of("--target nope", "target column 'nope' not found"),
        Arguments.of("--target species --sizes 0",
            "--sizes value 0 is out of range: training folds hold 275 rows"),
        Arguments.of("--target species --sizes 50,276", "--sizes value 276 is out of range:"
            + " training folds hold 275 rows, so use sizes from 2 to 275"),
        Arguments.of("--target species --sweep nonsense",
            "--sweep 'nonsense' must look like name=v1,v2,..."),
        Arguments.of("--target species --sweep foo=1,2",
            "--sweep foo=1,2 names a parameter none of the learners has"),
        Arguments.of("--target species --goal 2",
            "--goal 2.0 is outside the range of balanced_accuracy [0.0, 1.0]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputGivesOneLineAndExitCode2(String options, String message) {
    List<String> args = new ArrayList<>(List.of("diagnose", PENGUINS, "--learners",
        "logistic,tree"));
    args.addAll(List.of(options.split(" ")));

    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).startsWith("plumb: ").contains(message).doesNotContain("Exception");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aMissingFileIsBadInput() {
    CliRun run = CliRun.of("diagnose", "no/such/file.csv", "--target", "y");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).isEqualTo(1);
    assertThat(run.err()).contains("no/such/file.csv: no such file");
  }
}
