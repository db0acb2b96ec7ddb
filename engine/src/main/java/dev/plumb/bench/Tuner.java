package dev.plumb.bench;

import dev.plumb.evaluate.CrossValidation;
import dev.plumb.evaluate.ExperimentPlan;
import dev.plumb.evaluate.LearnerResult;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.Problem;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerCatalog;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.plan.Seeds;
import dev.plumb.plan.Splits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random search with the same budget for every learner: trial 1 is the learner's own setting,
 * the others are drawn from its {@link SearchSpace} with a seed derived from the run's seed and
 * the learner's name (distinct draws while the space allows). Every trial is scored by 3-fold
 * cross-validation on all the rows, on folds of its own (not the folds the final scores use), and
 * the best mean wins (the earlier trial on a tie). The chosen setting is then cross-validated on
 * the run's folds like any other; reusing the rows for both makes that score slightly
 * optimistic, equally for every candidate. Stateless.
 */
public final class Tuner {
  /** Folds of the tuning cross-validation. */
  public static final int INNER_FOLDS = 3;

  private Tuner() {}

  /**
   * One tried setting.
   *
   * @param spec the setting
   * @param score its mean tuning score (NaN when it failed)
   */
  public record Trial(LearnerSpec spec, double score) {}

  /**
   * The outcome for one learner.
   *
   * @param chosen the winning learner
   * @param trials every trial, in order
   * @param tunable whether the learner has a search space at all
   */
  public record Result(Learner chosen, List<Trial> trials, boolean tunable) {
    /** Copies. */
    public Result {
      trials = List.copyOf(trials);
    }
  }

  /** Tunes {@code learner} with {@code budget} trials, without a time limit. */
  public static Result tune(Learner learner, Problem problem, int budget, Metric metric,
      long seed, int threads, CrossValidation.Progress progress) {
    return tune(learner, problem, budget, metric, seed, threads, Optional.empty(), progress);
  }

  /**
   * Tunes {@code learner} with {@code budget} trials; a trial that spends longer than
   * {@code timeLimit} on a fold fails and is not chosen.
   */
  public static Result tune(Learner learner, Problem problem, int budget, Metric metric,
      long seed, int threads, Optional<java.time.Duration> timeLimit,
      CrossValidation.Progress progress) {
    SearchSpace space = SearchSpace.of(learner.spec());
    if (space.isEmpty() || budget <= 1) {
      return new Result(learner, List.of(new Trial(learner.spec(), Double.NaN)), !space.isEmpty());
    }
    SplittableRandom random = new SplittableRandom(Seeds.derive(seed, 0x74756E65L,
        Seeds.of(learner.spec().library() + ":" + learner.spec().name())));
    Set<String> seen = new LinkedHashSet<>();
    List<Learner> trials = new ArrayList<>();
    trials.add(learner);
    seen.add(learner.spec().text());
    while (trials.size() < budget) {
      LearnerSpec spec = space.draw(learner.spec(), random);
      for (int retry = 0; retry < 20 && seen.contains(spec.text()); retry++) {
        spec = space.draw(learner.spec(), random);
      }
      seen.add(spec.text());
      trials.add(LearnerCatalog.resolve(spec, problem.task()));
    }
    long innerSeed = Seeds.derive(seed, 0x696E6E6572L);
    Splits inner = problem.task().isClassification()
        ? Splits.stratifiedKFold(problem.classes(), INNER_FOLDS, 1, innerSeed)
        : Splits.kFold(problem.size(), INNER_FOLDS, 1, innerSeed);
    List<LearnerResult> results = CrossValidation.run(problem, new ExperimentPlan(trials, inner,
        List.of(metric), seed, threads, timeLimit).withoutTrainScores(), progress);
    List<Trial> out = new ArrayList<>();
    int best = -1;
    for (int i = 0; i < trials.size(); i++) {
      double s = results.get(i).ok()
          ? Arrays.stream(results.get(i).validationScores(metric)).average().orElse(Double.NaN)
          : Double.NaN;
      out.add(new Trial(trials.get(i).spec(), s));
      if (Double.isFinite(s) && (best < 0 || metric.isBetter(s, out.get(best).score()))) {
        best = i;
      }
    }
    return new Result(trials.get(Math.max(0, best)), out, true);
  }
}
