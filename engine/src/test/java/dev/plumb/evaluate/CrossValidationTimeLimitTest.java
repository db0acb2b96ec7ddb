package dev.plumb.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerCatalog;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.plan.Splits;
import dev.plumb.testing.SleepingLearner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --time-limit}: a learner whose fits outlast the limit fails, and the others go on even
 * when its fits hold every worker (a fit cannot be interrupted, so without relief the run would
 * wait for them all).
 */
class CrossValidationTimeLimitTest {
  private static final Duration SLEEP = Duration.ofSeconds(60);

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2, 3})
  void theOthersFinishWhileFitsOutOfTimeHoldEveryWorker(int threads) {
    Problem iris = Problem.of(CsvTableReader.read(Path.of("../datasets/iris.csv"),
        CsvOptions.defaults()).table(), "species", Optional.empty());
    Learner tree = LearnerCatalog.resolve(LearnerSpec.parse("tree"), iris.task());
    Learner majority = LearnerCatalog.resolve(LearnerSpec.parse("majority"), iris.task());
    ExperimentPlan plan = new ExperimentPlan(
        List.of(new SleepingLearner(SLEEP), tree, majority),
        Splits.stratifiedKFold(iris.classes(), 5, 1, 42), List.of(Metric.ACCURACY), 42, threads,
        Optional.of(Duration.ofMillis(300)));
    long t0 = System.nanoTime();

    List<LearnerResult> results = CrossValidation.run(iris, plan, CrossValidation.Progress.NONE);

    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
    assertThat(results.get(0).error()).hasValueSatisfying(e -> assertThat(e)
        .startsWith("out of time: more than 0.3 s on fold"));
    assertThat(results.get(0).folds()).isEmpty();
    for (LearnerResult r : results.subList(1, 3)) {
      assertThat(r.error()).as(r.spec().text()).isEmpty();
      assertThat(r.folds()).as(r.spec().text()).hasSize(5);
    }
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 3})
  void scoresDoNotDependOnWhichPoolRanTheFit(int threads) {
    Problem iris = Problem.of(CsvTableReader.read(Path.of("../datasets/iris.csv"),
        CsvOptions.defaults()).table(), "species", Optional.empty());
    Learner forest = LearnerCatalog.resolve(LearnerSpec.parse("random_forest(trees=10)"),
        iris.task());
    Splits splits = Splits.stratifiedKFold(iris.classes(), 5, 1, 42);
    ExperimentPlan alone = new ExperimentPlan(List.of(forest), splits, List.of(Metric.ACCURACY),
        42, 2, Optional.empty());
    ExperimentPlan relieved = new ExperimentPlan(List.of(new SleepingLearner(SLEEP), forest),
        splits, List.of(Metric.ACCURACY), 42, threads, Optional.of(Duration.ofMillis(300)));

    double[] expected = CrossValidation.run(iris, alone, CrossValidation.Progress.NONE).get(0)
        .validationScores(Metric.ACCURACY);
    double[] actual = CrossValidation.run(iris, relieved, CrossValidation.Progress.NONE).get(1)
        .validationScores(Metric.ACCURACY);

    assertThat(actual).containsExactly(expected);
  }
}
