package dev.plumb.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.evaluate.CrossValidation;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.Problem;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerCatalog;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.plan.Splits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenarios with known answers, on generated data: the verdicts a practitioner would
 * give by reading the curves.
 */
class DiagnoseScenarioTest {
  @TempDir Path dir;

  /** Writes a CSV of {@code rows} rows: features from {@code row}, the last value the target. */
  private Problem problem(String name, int rows, int features, long seed,
      Function<Random, double[]> row, boolean classes) throws IOException {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < features; j++) {
      sb.append("x").append(j).append(',');
    }
    sb.append("y\n");
    for (int i = 0; i < rows; i++) {
      double[] v = row.apply(r);
      for (int j = 0; j < features; j++) {
        sb.append(String.format(Locale.ROOT, "%.6f,", v[j]));
      }
      sb.append(classes ? (v[features] > 0 ? "yes" : "no")
          : String.format(Locale.ROOT, "%.6f", v[features])).append('\n');
    }
    Path f = dir.resolve(name + ".csv");
    Files.writeString(f, sb);
    return Problem.of(CsvTableReader.read(f, CsvOptions.defaults()).table(), "y",
        Optional.empty());
  }

  private static DiagnoseResult diagnose(Problem p, String... specs) {
    List<Learner> learners = new ArrayList<>();
    for (String s : specs) {
      learners.add(LearnerCatalog.resolve(LearnerSpec.parse(s), p.task()));
    }
    Splits splits = p.task().isClassification() ? Splits.stratifiedKFold(p.classes(), 5, 1, 7)
        : Splits.kFold(p.size(), 5, 1, 7);
    Metric metric = p.task().isClassification() ? Metric.BALANCED_ACCURACY : Metric.RMSE;
    return Diagnose.run(p, splits, metric, 7, new Diagnose.Options(learners, new int[0],
        List.of(), OptionalDouble.empty(), 2, Optional.empty()), CrossValidation.Progress.NONE);
  }

  private static LearnerDiagnosis model(DiagnoseResult r, String name) {
    return r.models().stream().filter(m -> m.spec().name().equals(name)).findFirst()
        .orElseThrow();
  }

  @Test
  void aLinearModelOnAnXorBoundaryIsUnderfitting() throws IOException {
    Problem p = problem("xor", 1200, 2, 1, r -> {
      double a = r.nextDouble() * 2 - 1;
      double b = r.nextDouble() * 2 - 1;
      return new double[] {a, b, a * b};
    }, true);

    DiagnoseResult r = diagnose(p, "logistic", "tree");

    LearnerDiagnosis logistic = model(r, "logistic");
    assertThat(logistic.verdict()).as(logistic.evidence()).isEqualTo(Verdict.UNDERFITTING);
    assertThat(logistic.full().trainMean()).isLessThan(0.65);
    assertThat(logistic.remedies()).extracting(Remedy::action).contains("another model family");
    assertThat(model(r, "tree").full().validationMean()).isGreaterThan(0.9);
  }

  @Test
  void anUnprunedTreeAndOneNearestNeighbourOnNoisyWideDataAreOverfitting() throws IOException {
    // 300 rows, 2 informative features among 30, 20% of the labels flipped
    Problem p = problem("noisy", 300, 30, 2, r -> {
      double[] v = new double[31];
      for (int j = 0; j < 30; j++) {
        v[j] = r.nextGaussian();
      }
      double signal = v[0] + v[1];
      v[30] = r.nextDouble() < 0.2 ? -signal : signal;
      return v;
    }, true);

    DiagnoseResult r = diagnose(p, "tree", "knn(k=1)");

    for (String name : List.of("tree", "knn")) {
      LearnerDiagnosis d = model(r, name);
      assertThat(d.verdict()).as(name + ": " + d.evidence()).isEqualTo(Verdict.OVERFITTING);
      assertThat(d.full().trainMean()).as(name).isGreaterThan(0.99);
      assertThat(d.remedies()).as(name).extracting(Remedy::action)
          .contains("a smaller model");
    }
  }

  @Test
  void logisticRegressionOnLargeNearlySeparableDataIsAGoodFit() throws IOException {
    Problem p = problem("separable", 6000, 5, 3, r -> {
      double[] v = new double[6];
      double s = 0;
      for (int j = 0; j < 5; j++) {
        v[j] = r.nextGaussian();
        s += (j + 1) * v[j];
      }
      v[5] = s + 0.3 * r.nextGaussian();
      return v;
    }, true);

    DiagnoseResult r = diagnose(p, "logistic");

    LearnerDiagnosis d = model(r, "logistic");
    assertThat(d.verdict()).as(d.evidence()).isEqualTo(Verdict.GOOD_FIT);
    assertThat(d.full().validationMean()).isGreaterThan(0.95);
  }

  @Test
  void aForestWithTooFewRowsForItsNonlinearityWouldGainFromMoreData() throws IOException {
    Problem p = problem("wiggly", 400, 3, 4, r -> {
      double a = r.nextDouble() * 2 - 1;
      double b = r.nextDouble() * 2 - 1;
      double c = r.nextDouble() * 2 - 1;
      return new double[] {a, b, c, Math.sin(6 * a) + Math.cos(5 * b) * c
          + 0.05 * r.nextGaussian()};
    }, false);

    DiagnoseResult r = diagnose(p, "random_forest(trees=60)");

    LearnerDiagnosis d = model(r, "random_forest");
    assertThat(d.moreDataHelps()).as(d.moreDataEvidence()).contains(true);
  }
}
