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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every curve number depends on the seed only: not on the run, not on the thread count. A
 * seeded forest and kNN on the penguins, the folds split with the run's seed as the command line
 * does.
 */
class DiagnoseReproducibilityTest {
  private static Problem penguins;
  private static Map<String, List<Double>> seed42;

  @BeforeAll
  static void firstRun() throws IOException {
    penguins = Problem.of(CsvTableReader.read(Path.of("../datasets/penguins.csv"),
        CsvOptions.defaults()).table(), "species", Optional.empty());
    seed42 = curveNumbers(diagnose(42, 3));
  }

  private static DiagnoseResult diagnose(long seed, int threads) {
    return diagnose(Splits.stratifiedKFold(penguins.classes(), 5, 1, seed), seed, threads);
  }

  private static DiagnoseResult diagnose(Splits splits, long seed, int threads) {
    List<Learner> learners = new ArrayList<>();
    for (String s : List.of("smile:random_forest(trees=20)", "knn")) {
      learners.add(LearnerCatalog.resolve(LearnerSpec.parse(s), penguins.task()));
    }
    return Diagnose.run(penguins, splits, Metric.BALANCED_ACCURACY, seed,
        new Diagnose.Options(learners, new int[0], List.of(), OptionalDouble.empty(), threads, Optional.empty()),
        CrossValidation.Progress.NONE);
  }

  /**
   * Every score of a run, per fold, keyed by what it is: learner, curve, x, train or validation.
   * Boxed, so that equal lists mean bit-for-bit equal doubles.
   */
  private static Map<String, List<Double>> curveNumbers(DiagnoseResult r) {
    Map<String, List<Double>> out = new LinkedHashMap<>();
    out.put("trivial validation", boxed(r.trivial().validation()));
    for (LearnerDiagnosis d : r.models()) {
      String name = d.spec().name();
      for (CurvePoint p : d.learningCurve()) {
        out.put(name + " learning curve " + p.trainSize() + " train", boxed(p.train()));
        out.put(name + " learning curve " + p.trainSize() + " validation",
            boxed(p.validation()));
      }
      for (CurvePoint p : d.validationCurve().orElseThrow().points()) {
        String at = name + " validation curve " + p.setting().orElseThrow();
        out.put(at + " train", boxed(p.train()));
        out.put(at + " validation", boxed(p.validation()));
      }
    }
    return out;
  }

  private static List<Double> boxed(double[] v) {
    return Arrays.stream(v).boxed().toList();
  }

  @Test
  void theSameSeedGivesTheSameCurves() {
    assertThat(curveNumbers(diagnose(42, 3))).isEqualTo(seed42);
  }

  @Test
  void oneThreadGivesTheSameCurvesAsThree() {
    assertThat(curveNumbers(diagnose(42, 1))).isEqualTo(seed42);
  }

  @Test
  void anotherSeedGivesOtherFoldsAndOtherForestCurves() {
    DiagnoseResult other = diagnose(7, 3);

    assertThat(other.splits().folds())
        .isNotEqualTo(Splits.stratifiedKFold(penguins.classes(), 5, 1, 42).folds());
    Map<String, List<Double>> numbers = curveNumbers(other);
    assertThat(numbers.keySet()).containsExactlyElementsOf(seed42.keySet());
    // validation scores: a forest's training score is often a perfect 1.0 whatever the seed
    List<String> forest = seed42.keySet().stream()
        .filter(k -> k.startsWith("random_forest learning curve") && k.endsWith("validation"))
        .toList();
    assertThat(forest).hasSize(Diagnose.DEFAULT_SIZES).allSatisfy(
        k -> assertThat(numbers.get(k)).as(k).isNotEqualTo(seed42.get(k)));
  }

  @Test
  void onTheSameFoldsTheSeedStillReachesTheForest() {
    // folds of seed 42, everything else seeded with 7: on the whole training folds kNN has no
    // randomness left, the forest does
    DiagnoseResult other = diagnose(Splits.stratifiedKFold(penguins.classes(), 5, 1, 42), 7, 3);

    Map<String, List<Double>> numbers = curveNumbers(other);
    int full = other.sizes()[other.sizes().length - 1];
    String knn = "knn learning curve " + full + " validation";
    String forest = "random_forest learning curve " + full + " validation";
    assertThat(numbers.get(knn)).isEqualTo(seed42.get(knn));
    assertThat(numbers.get(forest)).isNotEqualTo(seed42.get(forest));
  }
}
