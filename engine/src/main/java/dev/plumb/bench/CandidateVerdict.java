package dev.plumb.bench;

import java.util.List;
import java.util.Objects;

/**
 * One candidate judged against every bound of the targets. Immutable.
 *
 * @param candidate what was measured
 * @param checks one check per bound, in the order of {@link Targets#bounds()}
 */
public record CandidateVerdict(CandidateMeasurement candidate, List<TargetCheck> checks) {
  /** Copies the checks. */
  public CandidateVerdict {
    Objects.requireNonNull(candidate, "candidate");
    checks = List.copyOf(checks);
  }

  /** The candidate's name. */
  public String name() {
    return candidate.name();
  }

  /**
   * Whether the candidate ran and meets every bound. With no bounds, every candidate that ran meets
   * all; a failed one never does.
   */
  public boolean meetsAll() {
    return candidate.ok() && checks.stream().allMatch(TargetCheck::pass);
  }

  /** The checks it does not pass, in order. */
  public List<TargetCheck> failures() {
    return checks.stream().filter(c -> !c.pass()).toList();
  }
}
