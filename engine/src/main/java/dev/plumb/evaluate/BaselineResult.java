package dev.plumb.evaluate;

import java.util.List;

/**
 * The outcome of a baseline run: the leaderboard sorted by the primary metric, the sanity checks,
 * and notes on what was left out. Immutable.
 *
 * @param problem the problem
 * @param plan the plan that ran
 * @param leaderboard one entry per learner, best first
 * @param baselineName the trivial baseline the others were tested against
 * @param checks the sanity checks
 * @param notes excluded columns, dropped rows, small classes
 * @param seconds wall time of the whole evaluation
 */
public record BaselineResult(
    Problem problem,
    ExperimentPlan plan,
    List<LeaderboardEntry> leaderboard,
    String baselineName,
    List<SanityCheck> checks,
    List<String> notes,
    double seconds) {

  /** Copies the lists. */
  public BaselineResult {
    leaderboard = List.copyOf(leaderboard);
    checks = List.copyOf(checks);
    notes = List.copyOf(notes);
  }

  /** The leader, the first entry. */
  public LeaderboardEntry leader() {
    return leaderboard.get(0);
  }

  /** The corrected t-test for this run's splits. */
  public CorrectedTTest test() {
    return CorrectedTTest.forSplits(plan.splits());
  }
}
