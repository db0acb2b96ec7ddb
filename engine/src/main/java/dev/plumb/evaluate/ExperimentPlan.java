package dev.plumb.evaluate;

import dev.plumb.learn.Learner;
import dev.plumb.plan.Splits;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What to run: which learners, on which folds, scored by which metrics, with which seed, on how
 * many threads. Immutable.
 *
 * @param learners the learners, in ladder order
 * @param splits the folds, shared by every learner
 * @param metrics the metrics to compute, the primary one first
 * @param seed the run's seed; every fit's seed is derived from it
 * @param threads worker threads (results do not depend on it)
 * @param timeLimit the most one learner may spend on one fold, if limited
 * @param trainScores whether to score each fit on its training rows too (the "can it fit?"
 *     column); selection and tuning runs that only compare validation scores skip it
 */
public record ExperimentPlan(
    List<Learner> learners,
    Splits splits,
    List<Metric> metrics,
    long seed,
    int threads,
    Optional<Duration> timeLimit,
    boolean trainScores) {

  /** A plan that scores training rows too. */
  public ExperimentPlan(List<Learner> learners, Splits splits, List<Metric> metrics, long seed,
      int threads, Optional<Duration> timeLimit) {
    this(learners, splits, metrics, seed, threads, timeLimit, true);
  }

  /** The same plan without training scores. */
  public ExperimentPlan withoutTrainScores() {
    return new ExperimentPlan(learners, splits, metrics, seed, threads, timeLimit, false);
  }

  /** Copies and checks. */
  public ExperimentPlan {
    learners = List.copyOf(learners);
    metrics = List.copyOf(metrics);
    if (learners.isEmpty()) {
      throw new IllegalArgumentException("no learners");
    }
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("no metrics");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }

  /** The metric the leaderboard is sorted by. */
  public Metric primary() {
    return metrics.get(0);
  }
}
