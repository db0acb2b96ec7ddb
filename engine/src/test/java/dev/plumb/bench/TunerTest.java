package dev.plumb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.evaluate.CrossValidation;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.Problem;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerCatalog;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.plan.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random search with the same budget for every learner, on iris (species for classes, petal width
 * for numbers): the trial count, the first trial, the choice, and reproducibility by seed whatever
 * the thread count.
 */
class TunerTest {
  private static final long SEED = 42;
  private static final int BUDGET = 4;
  private static final Problem CLASSES = iris("species");
  private static final Problem NUMBERS = iris("petal_width_cm");

  private static Problem iris(String target) {
    return Problem.of(CsvTableReader.read(Path.of("../datasets/iris.csv"),
        CsvOptions.defaults()).table(), target, Optional.empty());
  }

  private static Learner learner(String spec, Problem p) {
    return LearnerCatalog.resolve(LearnerSpec.parse(spec), p.task());
  }

  private static Metric metric(Problem p) {
    return p.task().isClassification() ? Metric.BALANCED_ACCURACY : Metric.RMSE;
  }

  private static Tuner.Result tune(String spec, Problem p, int budget, long seed, int threads) {
    return Tuner.tune(learner(spec, p), p, budget, metric(p), seed, threads,
        CrossValidation.Progress.NONE);
  }

  private static final Map<String, Tuner.Result> TUNED = new ConcurrentHashMap<>();

  /** {@link #BUDGET} trials of a learner with seed {@link #SEED} on 2 threads, tuned once. */
  private static Tuner.Result tuned(String name, Task task) {
    return TUNED.computeIfAbsent(task + " " + name, k -> tune(name, problem(task), BUDGET, SEED,
        2));
  }

  private static Problem problem(Task task) {
    return task == Task.REGRESSION ? NUMBERS : CLASSES;
  }

  /** Every learner of both ladders that has a search space, and its task. */
  static Stream<Arguments> tunable() {
    return Stream.of(CLASSES.task(), Task.REGRESSION).flatMap(t -> LearnerCatalog.ladder(t)
        .stream().filter(l -> !SearchSpace.of(l.spec()).isEmpty())
        .map(l -> Arguments.of(l.spec().name(), t)));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("tunable")
  void everyTunableLearnerGetsTheWholeBudgetStartingWithItsOwnSetting(String name, Task task) {
    Learner given = learner(name, problem(task));

    Tuner.Result r = tuned(name, task);

    assertThat(r.tunable()).isTrue();
    assertThat(r.trials()).hasSize(BUDGET);
    assertThat(r.trials().get(0).spec()).isEqualTo(given.spec());
    assertThat(r.trials()).extracting(t -> t.spec().text()).doesNotHaveDuplicates();
    assertThat(r.trials()).allSatisfy(t -> {
      assertThat(t.spec().library()).isEqualTo(given.spec().library());
      assertThat(t.spec().name()).isEqualTo(name);
      assertThat(Double.isFinite(t.score())).as(t.spec().text()).isTrue();
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"majority", "stratified", "uniform", "stump"})
  void aLearnerWithoutASearchSpaceGetsOneTrialItsOwn(String name) {
    Learner given = learner(name, CLASSES);

    Tuner.Result r = Tuner.tune(given, CLASSES, BUDGET, metric(CLASSES), SEED, 2,
        CrossValidation.Progress.NONE);

    assertThat(r.tunable()).isFalse();
    assertThat(r.trials()).extracting(Tuner.Trial::spec).containsExactly(given.spec());
    assertThat(r.chosen()).isSameAs(given);
  }

  @Test
  void noSearchSpaceForLeastSquaresEither() {
    Tuner.Result r = tune("linear", NUMBERS, BUDGET, SEED, 2);

    assertThat(r.tunable()).isFalse();
    assertThat(r.trials()).hasSize(1);
  }

  @Test
  void aBudgetOfOneKeepsTheGivenSetting() {
    Learner given = learner("tree", CLASSES);

    Tuner.Result r = Tuner.tune(given, CLASSES, 1, metric(CLASSES), SEED, 2,
        CrossValidation.Progress.NONE);

    assertThat(r.tunable()).isTrue();
    assertThat(r.trials()).extracting(Tuner.Trial::spec).containsExactly(given.spec());
    assertThat(r.chosen()).isSameAs(given);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tree", "knn", "logistic"})
  void theSameSeedGivesTheSameTrialsAndChoiceWhateverTheThreads(String name) {
    Tuner.Result first = tune(name, CLASSES, BUDGET, SEED, 1);
    Tuner.Result again = tune(name, CLASSES, BUDGET, SEED, 1);
    Tuner.Result threaded = tune(name, CLASSES, BUDGET, SEED, 3);

    // Trial is a record: specs and scores compared exactly
    assertThat(again.trials()).isEqualTo(first.trials());
    assertThat(threaded.trials()).isEqualTo(first.trials());
    assertThat(again.chosen().spec()).isEqualTo(first.chosen().spec());
    assertThat(threaded.chosen().spec()).isEqualTo(first.chosen().spec());
  }

  @ParameterizedTest
  @ValueSource(strings = {"tree", "random_forest", "gradient_boosting", "logistic"})
  void anotherSeedDrawsOtherTrials(String name) {
    List<LearnerSpec> one = specs(tune(name, CLASSES, BUDGET, SEED, 2));
    List<LearnerSpec> other = specs(tune(name, CLASSES, BUDGET, SEED + 1, 2));

    // the first trial is the given setting either way; the drawn ones differ
    assertThat(other.get(0)).isEqualTo(one.get(0));
    assertThat(other.subList(1, BUDGET)).isNotEqualTo(one.subList(1, BUDGET));
  }

  private static List<LearnerSpec> specs(Tuner.Result r) {
    return r.trials().stream().map(Tuner.Trial::spec).toList();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("tunable")
  void theChoiceIsTheTrialWithTheBestMeanScoreTheEarlierOnATie(String name, Task task) {
    Metric metric = metric(problem(task));
    Tuner.Result r = tuned(name, task);

    int best = -1;
    for (int i = 0; i < r.trials().size(); i++) {
      double s = r.trials().get(i).score();
      if (Double.isFinite(s) && (best < 0 || (metric.greaterIsBetter()
          ? s > r.trials().get(best).score() : s < r.trials().get(best).score()))) {
        best = i;
      }
    }
    assertThat(best).as("a trial that ran").isNotNegative();
    assertThat(r.chosen().spec()).isEqualTo(r.trials().get(best).spec());
  }
}
