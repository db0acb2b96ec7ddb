package dev.plumb.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumb.data.BadInputException;
import dev.plumb.evaluate.Metric;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.plan.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a hand-written targets file is read, and how each mistake in one is reported. */
class TargetsFileTest {
  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    Path f = dir.resolve("targets.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  /** The message of the BadInputException that reading {@code yaml} throws. */
  private String error(String yaml) throws IOException {
    Path f = write(yaml);
    return assertThrowsBadInput(() -> TargetsFile.read(f));
  }

  private static String assertThrowsBadInput(Runnable r) {
    try {
      r.run();
    } catch (BadInputException e) {
      assertThat(e.getMessage()).doesNotContain("\n");
      return e.getMessage();
    }
    throw new AssertionError("expected a BadInputException");
  }

  @Test
  void readsEveryKey() throws IOException {
    Targets t = TargetsFile.read(write("""
        metric: balanced_accuracy        # any canonical metric name
        min_score: 0.80
        max_latency_p50_ms: 0.5          # one row at a time, after warm-up
        max_latency_p99_ms: 2.0
        min_throughput_rows_per_s: 10000 # batch prediction
        max_model_bytes: 5000000         # serialized size
        max_train_seconds: 60            # on the full data
        max_train_memory_bytes: 2000000000
        candidates:                      # optional: learner specs, as on the command line
          - "smile:gradient_boosting(trees=500,shrinkage=0.05)"
          - tribuo:logistic
        """));

    assertThat(t.metric()).contains(Metric.BALANCED_ACCURACY);
    assertThat(t.minScore()).hasValue(0.80);
    assertThat(t.maxScore()).isEmpty();
    assertThat(t.maxLatencyP50Ms()).hasValue(0.5);
    assertThat(t.maxLatencyP99Ms()).hasValue(2.0);
    assertThat(t.minThroughputRowsPerS()).hasValue(10000);
    assertThat(t.maxModelBytes()).hasValue(5_000_000L);
    assertThat(t.maxTrainSeconds()).hasValue(60);
    assertThat(t.maxTrainMemoryBytes()).hasValue(2_000_000_000L);
    assertThat(t.candidates()).extracting(LearnerSpec::text).containsExactly(
        "smile:gradient_boosting(trees=500,shrinkage=0.05)", "tribuo:logistic");
    assertThat(t.bounds()).extracting(Bound::kind).containsExactly(TargetKind.MIN_SCORE,
        TargetKind.MAX_LATENCY_P50_MS, TargetKind.MAX_LATENCY_P99_MS,
        TargetKind.MIN_THROUGHPUT_ROWS_PER_S, TargetKind.MAX_MODEL_BYTES,
        TargetKind.MAX_TRAIN_SECONDS, TargetKind.MAX_TRAIN_MEMORY_BYTES);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "# nothing yet\n", "---\n", "\n\n# only comments\n  \n"})
  void anEmptyFileSetsNoTargets(String yaml) throws IOException {
    assertThat(TargetsFile.read(write(yaml))).isEqualTo(Targets.none());
    assertThat(Targets.none().hasNoBounds()).isTrue();
  }

  @Test
  void aPartialFileLeavesTheRestEmpty() throws IOException {
    Targets t = TargetsFile.read(write("max_latency_p99_ms: 2\nmax_model_bytes: 5_000_000\n"));

    assertThat(t.metric()).isEmpty();
    assertThat(t.maxLatencyP99Ms()).hasValue(2.0);
    assertThat(t.maxModelBytes()).hasValue(5_000_000L);
    assertThat(t.minScore()).isEmpty();
    assertThat(t.maxTrainSeconds()).isEmpty();
    assertThat(t.candidates()).isEmpty();
    assertThat(t.metricOr(Metric.ACCURACY)).isEqualTo(Metric.ACCURACY);
  }

  @Test
  void theExampleForPenguinsReads() {
    Targets t = TargetsFile.read(Path.of("../datasets/targets.example.yaml"), Task.MULTICLASS,
        Metric.BALANCED_ACCURACY);

    assertThat(t.metric()).contains(Metric.BALANCED_ACCURACY);
    assertThat(t.minScore()).hasValue(0.95);
    assertThat(t.maxLatencyP99Ms()).hasValue(2.0);
    assertThat(t.maxModelBytes()).hasValue(5_000_000L);
    assertThat(t.maxTrainSeconds()).hasValue(30);
    assertThat(t.candidates()).isNotEmpty();
  }

  @Test
  void anUnknownKeyNamesTheFileLineColumnAndTheKnownKeys() throws IOException {
    String message = error("metric: accuracy\nmin_score: 0.8\nmax_latency_p99: 2.0\n");

    assertThat(message).startsWith(dir.resolve("targets.yaml") + ": line 3, column 1: ")
        .contains("unknown key 'max_latency_p99'")
        .contains("did you mean 'max_latency_p99_ms'?")
        .contains("known keys: metric, min_score, max_score, max_latency_p50_ms,"
            + " max_latency_p99_ms, min_throughput_rows_per_s, max_model_bytes,"
            + " max_train_seconds, max_train_memory_bytes, candidates");
  }

  @Test
  void aWrongTypeNamesTheLineColumnKeyAndWhatIsAllowed() throws IOException {
    assertThat(error("max_model_bytes: 100\nmax_latency_p99_ms: fast\n"))
        .endsWith("targets.yaml: line 2, column 21: max_latency_p99_ms: must be a number of"
            + " milliseconds, such as 2.0, not the text 'fast'");
    // a quoted number is text
    assertThat(error("min_score: '0.8'\n"))
        .endsWith("line 1, column 12: min_score: must be a score, such as 0.8, not the text '0.8'");
    assertThat(error("max_train_seconds:\n"))
        .contains("line 1, column 19: max_train_seconds: must be a number of seconds, such as 60,"
            + " not an empty value");
    assertThat(error("max_train_seconds: [1, 2]\n")).contains("line 1, column 20")
        .contains("not a list");
    assertThat(error("metric: 3\n")).contains("line 1, column 9: metric: must be a metric name,"
        + " not the number 3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "0", "-0.5"})
  void aBoundMustBePositive(String value) throws IOException {
    assertThat(error("max_train_seconds: " + value + "\n"))
        .contains("line 1, column 20: max_train_seconds: must be positive, found")
        .contains("remove the key for no train_seconds target");
  }

  @ParameterizedTest
  @ValueSource(strings = {".nan", ".inf", "-.inf", ".NaN"})
  void aBoundMustBeFinite(String value) throws IOException {
    assertThat(error("max_latency_p50_ms: " + value + "\n"))
        .contains("line 1, column")
        .contains("max_latency_p50_ms: must be a finite number, found '" + value + "'");
  }

  @Test
  void byteCountsAreWholeNumbers() throws IOException {
    assertThat(error("max_model_bytes: 5.5\n")).contains("line 1, column 18: max_model_bytes:"
        + " must be a whole number of bytes, such as 5000000, found 5.5");
    assertThat(error("max_train_memory_bytes: 99999999999999999999\n"))
        .contains("max_train_memory_bytes: is too large");
    assertThat(TargetsFile.read(write("max_model_bytes: 5.0e+6\n")).maxModelBytes())
        .hasValue(5_000_000L);
  }

  @Test
  void anUnknownMetricListsTheCanonicalNames() throws IOException {
    assertThat(error("min_score: 0.8\nmetric: bal_acc\n"))
        .contains("line 2, column 9: metric: unknown metric 'bal_acc'; one of accuracy,"
            + " balanced_accuracy, f1_macro, log_loss, roc_auc, brier for classification, or"
            + " rmse, mae, r2 for regression");
    assertThat(TargetsFile.read(write("metric: ROC_AUC\n")).metric()).contains(Metric.ROC_AUC);
  }

  @Test
  void minScoreForALowerIsBetterMetricIsRefused() throws IOException {
    assertThat(error("metric: rmse\nmin_score: 0.5\n"))
        .contains("line 2, column 1: min_score: rmse is a metric where lower is better, so bound"
            + " it from above with max_score, not min_score");
    assertThat(error("metric: accuracy\nmax_score: 0.9\n"))
        .contains("line 2, column 1: max_score: accuracy is a metric where greater is better, so"
            + " bound it from below with min_score, not max_score");
    // the metric may come after the bound
    assertThat(error("max_score: 0.2\nmetric: roc_auc\n")).contains("line 1, column 1: max_score");
  }

  @Test
  void maxScoreBoundsALowerIsBetterMetric() throws IOException {
    Targets t = TargetsFile.read(write("metric: log_loss\nmax_score: 0.25\n"));

    assertThat(t.maxScore()).hasValue(0.25);
    assertThat(t.bounds()).containsExactly(new Bound(TargetKind.MAX_SCORE, 0.25));
  }

  @Test
  void aScoreOutsideTheMetricsRangeIsRefused() throws IOException {
    assertThat(error("metric: balanced_accuracy\nmin_score: 80\n"))
        .contains("min_score: balanced_accuracy lies between 0 and 1, found 80.0");
    assertThat(error("metric: mae\nmax_score: -1\n"))
        .contains("max_score: mae lies at least 0, found -1.0");
    // R² has no lower limit
    assertThat(TargetsFile.read(write("metric: r2\nmin_score: -0.5\n")).minScore()).hasValue(-0.5);
  }

  @Test
  void minAndMaxScoreTogetherAreRefused() throws IOException {
    assertThat(error("min_score: 0.8\nmax_score: 0.9\n"))
        .contains("line 2, column 1: max_score: give min_score or max_score, not both"
            + " (min_score is on line 1)");
  }

  @Test
  void withoutAMetricTheScoreKeyIsCheckedAgainstTheCommandsMetric() throws IOException {
    Path f = write("min_score: 0.5\n");
    Targets t = TargetsFile.read(f);

    assertThat(t.minScore()).hasValue(0.5);
    t.requireScoreFits(Metric.ACCURACY);
    assertThat(assertThrowsBadInput(() -> t.requireScoreFits(Metric.RMSE)))
        .contains("min_score: rmse is a metric where lower is better")
        .contains("add 'metric: NAME'");
    assertThat(assertThrowsBadInput(() -> TargetsFile.read(f, Task.REGRESSION, Metric.RMSE)))
        .contains("targets.yaml: line 1, column 1: min_score: rmse is a metric where lower is"
            + " better")
        .contains("the file names no metric, so the command's metric is used");
  }

  @Test
  void aMetricMustApplyToTheTask() throws IOException {
    Path f = write("metric: rmse\nmax_score: 3\n");

    assertThat(TargetsFile.read(f).metric()).contains(Metric.RMSE);
    assertThat(assertThrowsBadInput(() -> TargetsFile.read(f, Task.BINARY, Metric.ACCURACY)))
        .contains("line 1, column 9: metric: rmse does not apply to a binary target; one of"
            + " accuracy, balanced_accuracy, f1_macro, log_loss, roc_auc, brier");
  }

  @Test
  void candidatesAreALineEachOrAFlowList() throws IOException {
    assertThat(TargetsFile.read(write("candidates: [knn, 'tree(max_depth=3,node_size=2)']\n"))
        .candidates()).containsExactly(LearnerSpec.parse("knn"),
            LearnerSpec.parse("tree(max_depth=3,node_size=2)"));
  }

  @Test
  void badCandidatesNameTheirLine() throws IOException {
    assertThat(error("candidates: tribuo:logistic\n"))
        .contains("line 1, column 13: candidates: must be a list with one learner spec per line");
    assertThat(error("candidates: []\n")).contains("candidates: is an empty list");
    assertThat(error("candidates:\n  - knn\n  - 3\n"))
        .contains("line 3, column 5: candidates: each item must be a learner spec");
    assertThat(error("candidates:\n  - knn\n  - knn(=3)\n"))
        .contains("line 3, column 5: candidates: learner 'knn(=3)'");
    assertThat(error("candidates: [smile:random_forest(trees=9,max_depth=3)]\n"))
        .contains("line 1, column 14: candidates:")
        .contains("quote the spec, or write one '- spec' per line");
    assertThat(error("candidates:\n  - knn\n  - tribuo:logistic\n  - KNN\n"))
        .contains("line 4, column 5: candidates: 'KNN' is listed twice (first on line 2)");
  }

  @Test
  void candidatesAreResolvedWhenTheTaskIsKnown() throws IOException {
    Path f = write("candidates:\n  - knn\n  - smile:linear\n");

    assertThat(TargetsFile.read(f).candidates()).hasSize(2);
    assertThat(assertThrowsBadInput(() -> TargetsFile.read(f, Task.BINARY, Metric.ACCURACY)))
        .contains("line 3, column 5: candidates: library smile has no binary learner 'linear'");
  }

  @Test
  void invalidYamlNamesTheLine() throws IOException {
    assertThat(error("metric: accuracy\nmin_score: 0.8: 0.9\n"))
        .endsWith("targets.yaml: line 2, column 15: not valid YAML: mapping values are not"
            + " allowed here");
    assertThat(error("\tmin_score: 0.8\n")).contains("line 1, column 1: not valid YAML");
  }

  @Test
  void theTopLevelIsAMapping() throws IOException {
    assertThat(error("- min_score: 0.8\n")).contains("line 1, column 1: a targets file is a"
        + " mapping of keys to values, such as 'max_latency_p99_ms: 2.0', not a list");
    assertThat(error("fast\n")).contains("not the text 'fast'");
  }

  @Test
  void aRepeatedKeyIsRefused() throws IOException {
    assertThat(error("max_train_seconds: 3\n\nmax_train_seconds: 4\n"))
        .contains("line 3, column 1: max_train_seconds: given twice (first on line 1); keep one");
  }

  @Test
  void aSecondDocumentIsRefused() throws IOException {
    assertThat(error("max_train_seconds: 3\n---\nmax_train_seconds: 4\n"))
        .contains("line 3, column 1: a second YAML document");
  }

  @Test
  void aMissingFileIsBadInput() {
    assertThat(assertThrowsBadInput(() -> TargetsFile.read(dir.resolve("nope.yaml"))))
        .contains("nope.yaml: no such targets file");
  }

  @Test
  void targetsBuiltInCodeAreCheckedToo() {
    Targets t = Targets.none().withMetric(Metric.RMSE).with(TargetKind.MAX_SCORE, 2.5);

    assertThat(t.maxScore()).hasValue(2.5);
    assertThat(t.bound(TargetKind.MAX_SCORE)).contains(new Bound(TargetKind.MAX_SCORE, 2.5));
    assertThat(t.bound(TargetKind.MIN_SCORE)).isEmpty();
    assertThatThrownBy(() -> t.with(TargetKind.MIN_SCORE, 1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
    assertThatThrownBy(() -> Targets.none().with(TargetKind.MAX_MODEL_BYTES, 1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
    assertThatThrownBy(() -> Targets.none().with(TargetKind.MAX_LATENCY_P99_MS, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
    assertThatThrownBy(() -> Targets.none().withMetric(Metric.ACCURACY)
        .with(TargetKind.MAX_SCORE, 0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Optional.of(Targets.none().with(TargetKind.MIN_SCORE, 0.7)))
        .hasValueSatisfying(x -> assertThat(x.metric()).isEmpty());
  }
}
