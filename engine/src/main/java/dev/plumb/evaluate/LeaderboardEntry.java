package dev.plumb.evaluate;

import java.util.Optional;

/**
 * One row of the leaderboard. Immutable.
 *
 * @param result the learner's measurements
 * @param rank 1 for the leader; failed learners rank last
 * @param validation the primary metric on validation folds
 * @param train the primary metric on the training folds (can it fit at all?)
 * @param vsBaseline the corrected t-test against the best trivial baseline (differences are this
 *     learner minus the baseline, in the metric's own direction)
 * @param baselineComparison the verdict against the baseline
 * @param vsLeader the corrected t-test against the leader
 * @param leaderComparison the verdict against the leader
 */
public record LeaderboardEntry(
    LearnerResult result,
    int rank,
    Optional<MetricSummary> validation,
    Optional<MetricSummary> train,
    Optional<TTestResult> vsBaseline,
    Comparison baselineComparison,
    Optional<TTestResult> vsLeader,
    Comparison leaderComparison) {}
