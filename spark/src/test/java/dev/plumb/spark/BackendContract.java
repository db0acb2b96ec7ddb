package dev.plumb.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.plumb.backend.BackendMode;
import dev.plumb.backend.BackendPlan;
import dev.plumb.backend.BackendScores;
import dev.plumb.backend.BackendSettings;
import dev.plumb.backend.CurveScore;
import dev.plumb.backend.LearnerScores;
import dev.plumb.backend.LocalBackend;
import dev.plumb.data.BadInputException;
import dev.plumb.evaluate.FoldScore;
import dev.plumb.evaluate.Metric;
import dev.plumb.plan.Task;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The experiment contract, checked against the local engine for any backend: the same hash folds,
 * the same dummy scores, model scores within the backend's stated tolerance, nested learning-curve
 * subsets, and a clear error for learners the backend cannot run. A subclass names the backend
 * and mode under test.
 */
abstract class BackendContract {
  /** Count-based metrics must match to this; sums are added in another order. */
  static final double SUM_TOLERANCE = 1e-12;

  @TempDir static Path dir;
  static ContractData data;

  @BeforeAll
  static void writeData() {
    data = ContractData.write(dir);
  }

  /** The scores of {@code plan} on the backend under test. */
  abstract BackendScores run(BackendPlan plan);

  /** The fold of each row key, as the backend under test deals them. */
  abstract Map<Long, Integer> folds(BackendPlan plan, int repeat);

  /** The mode under test. */
  abstract BackendMode mode();

  /**
   * How far a model's mean validation score may be from the local engine's: 0 where the backend
   * runs Plumb's own learners, more where it runs other implementations of them.
   */
  abstract double modelTolerance();

  static BackendPlan plan(Path csv, Optional<Task> task, List<String> learners) {
    return new BackendPlan(csv.toString(), "y", task, learners, 4, 1, 17, List.of(), List.of(),
        Optional.empty(), BackendMode.AUTO, Optional.empty());
  }

  static BackendScores local(BackendPlan plan) {
    return new LocalBackend().run(plan, new BackendSettings(Optional.empty(), 2));
  }

  BackendScores runHere(BackendPlan plan) {
    BackendScores s = run(plan.withMode(mode()));
    assertThat(s.mode()).isEqualTo(mode());
    return s;
  }

  @Test
  void foldsAreTheLocalEnginesFolds() {
    for (Path csv : List.of(data.binary, data.multiclass, data.regression)) {
      BackendPlan p = new BackendPlan(csv.toString(), "y", Optional.empty(), List.of(), 5, 2, 3,
          List.of(), List.of(), Optional.empty(), mode(), Optional.empty());
      Map<Long, Integer> local = new LocalBackend().foldOfKey(p, BackendSettings.local(), 1);
      assertThat(folds(p, 1)).as(csv.getFileName().toString()).isEqualTo(local);
    }
  }

  @Test
  void dummyScoresAreTheLocalEnginesScores() {
    BackendPlan classes = plan(data.binary, Optional.empty(), List.of("majority"));
    assertSameScores(runHere(classes).learners().get(0), local(classes).learners().get(0), 0);
    BackendPlan three = plan(data.multiclass, Optional.empty(), List.of("majority"));
    assertSameScores(runHere(three).learners().get(0), local(three).learners().get(0), 0);
    BackendPlan numbers = plan(data.regression, Optional.of(Task.REGRESSION),
        List.of("mean", "median"));
    BackendScores here = runHere(numbers);
    BackendScores ref = local(numbers);
    assertThat(here.task()).isEqualTo(Task.REGRESSION);
    for (int l = 0; l < 2; l++) {
      assertSameScores(here.learners().get(l), ref.learners().get(l), 0);
    }
  }

  @Test
  void modelScoresAgreeWithTheLocalEngineWithinTheTolerance() {
    BackendPlan classes = plan(data.binary, Optional.empty(), List.of("logistic", "tree"));
    BackendScores here = runHere(classes);
    BackendScores ref = local(classes);
    assertThat(here.task()).isEqualTo(Task.BINARY);
    for (int l = 0; l < 2; l++) {
      assertSameScores(here.learners().get(l), ref.learners().get(l), modelTolerance());
    }
    BackendPlan numbers = plan(data.regression, Optional.of(Task.REGRESSION), List.of("linear"));
    LearnerScores h = runHere(numbers).learners().get(0);
    LearnerScores r = local(numbers).learners().get(0);
    assertThat(h.ok()).as(h.error().orElse("")).isTrue();
    // rmse in the target's units (about 3 here): the tolerance is relative to the local score
    assertThat(mean(h, Metric.RMSE)).isCloseTo(mean(r, Metric.RMSE),
        within(modelTolerance() * mean(r, Metric.RMSE) + 1e-9));
  }

  @Test
  void learnersTheModeLacksAreReportedWithTheReason() {
    BackendPlan p = plan(data.binary, Optional.empty(), List.of("knn", "one_rule", "majority"));
    BackendScores s = runHere(p);
    assertThat(s.learners().get(2).ok()).isTrue();
    if (mode() == BackendMode.DATA_PARALLEL) {
      assertThat(s.learners().get(0).error()).hasValueSatisfying(e -> assertThat(e)
          .contains("unsupported in data-parallel mode").contains("k-nearest-neighbours")
          .contains("--mode task"));
      assertThat(s.learners().get(1).error()).hasValueSatisfying(e -> assertThat(e)
          .contains("one-rule"));
    } else {
      BackendScores ref = local(p);
      for (int l = 0; l < 2; l++) {
        assertSameScores(s.learners().get(l), ref.learners().get(l), 0);
      }
    }
  }

  @Test
  void aLearnerOverTheTimeLimitIsOutOfTimeAndTheOthersAreScored() {
    // data mode pays Spark jobs (and their first compilation) even for the dummy, so it gets a
    // longer limit and a forest that MLlib cannot grow in it; its fits are cancelled, not awaited
    boolean dataMode = mode() == BackendMode.DATA_PARALLEL;
    Duration limit = Duration.ofSeconds(dataMode ? 10 : 1);
    String slow = "random_forest(trees=" + (dataMode ? 20000 : 5000) + ")";
    BackendPlan p = new BackendPlan(data.binary.toString(), "y", Optional.empty(),
        List.of("majority", slow), 2, 1, 17, List.of(), List.of(), Optional.empty(),
        BackendMode.AUTO, Optional.of(limit));
    long t0 = System.nanoTime();
    BackendScores s = runHere(p);
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertThat(s.learners().get(0).ok()).as(s.learners().get(0).error().orElse("")).isTrue();
    LearnerScores forest = s.learners().get(1);
    assertThat(forest.folds()).isEmpty();
    assertThat(forest.error()).hasValueSatisfying(e -> assertThat(e)
        .matches("out of time: more than " + limit.toSeconds() + " s on fold [12]"
            + " \\(--time-limit\\)"));
    if (!dataMode) {
      // the run did not wait for the forest's folds, each of which takes seconds
      assertThat(seconds).isLessThan(3 * limit.toSeconds());
    }
  }

  @Test
  void aMissingDataFileIsBadInputThatNamesIt() {
    Path missing = dir.resolve("no-such.csv");
    BackendPlan p = plan(missing, Optional.empty(), List.of("majority"));
    assertThatThrownBy(() -> runHere(p)).isInstanceOf(BadInputException.class)
        .hasMessage(missing + ": no such file; check the path");
  }

  @Test
  void learningCurveSubsetsAreNestedAndMatchTheLocalEngine() {
    BackendPlan p = plan(data.binary, Optional.empty(), List.of("majority", "logistic"))
        .withFractions(List.of(0.2, 0.5, 1.0));
    BackendScores s = runHere(p);
    if (mode() == BackendMode.DATA_PARALLEL) {
      assertThat(s.learners().get(0).error()).hasValueSatisfying(e -> assertThat(e)
          .contains("task-parallel mode only"));
      return;
    }
    BackendScores ref = local(p);
    for (int l = 0; l < 2; l++) {
      List<CurveScore> here = s.learners().get(l).curve();
      List<CurveScore> there = ref.learners().get(l).curve();
      assertThat(here).hasSize(12);
      for (int i = 0; i < here.size(); i++) {
        assertThat(here.get(i).trainRows()).isEqualTo(there.get(i).trainRows());
        assertThat(here.get(i).validation()).isEqualTo(there.get(i).validation());
      }
      for (int f = 0; f < 4; f++) {
        int fold = f;
        int[] sizes = here.stream().filter(c -> c.fold() == fold)
            .mapToInt(CurveScore::trainRows).toArray();
        assertThat(sizes).containsExactly(60, 150, 300);
      }
    }
  }

  static double mean(LearnerScores s, Metric m) {
    return s.folds().stream().mapToDouble(f -> f.validation().get(m)).average().orElseThrow();
  }

  /**
   * Fold by fold, the same metrics; equal where {@code tolerance} is 0 (sums up to {@link
   * #SUM_TOLERANCE}), else the mean of each metric within {@code tolerance} (relative for
   * unbounded metrics).
   */
  static void assertSameScores(LearnerScores here, LearnerScores ref, double tolerance) {
    assertThat(here.ok()).as(here.spec() + ": " + here.error().orElse("")).isTrue();
    assertThat(ref.ok()).as(ref.spec() + ": " + ref.error().orElse("")).isTrue();
    assertThat(here.folds()).hasSameSizeAs(ref.folds());
    if (tolerance == 0) {
      for (int f = 0; f < ref.folds().size(); f++) {
        FoldScore a = here.folds().get(f);
        FoldScore b = ref.folds().get(f);
        assertThat(a.validation().keySet()).isEqualTo(b.validation().keySet());
        for (Metric m : b.validation().keySet()) {
          assertThat(a.validation().get(m)).as(here.spec() + " " + m.label() + " fold " + f)
              .isCloseTo(b.validation().get(m), within(SUM_TOLERANCE));
        }
      }
      return;
    }
    for (Metric m : List.of(Metric.ACCURACY, Metric.BALANCED_ACCURACY, Metric.ROC_AUC)) {
      if (ref.folds().get(0).validation().containsKey(m)) {
        assertThat(mean(here, m)).as(here.spec() + " " + m.label())
            .isCloseTo(mean(ref, m), within(tolerance));
      }
    }
  }
}
