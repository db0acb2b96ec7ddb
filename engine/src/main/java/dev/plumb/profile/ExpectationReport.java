package dev.plumb.profile;

import dev.plumb.data.DatasetVersion;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of checking data against expectations: every check ran, whatever failed. Immutable.
 *
 * @param data the checked file
 * @param version its dataset version
 * @param expectations the expectations file
 * @param checks how many checks ran
 * @param failures the checks that failed
 */
public record ExpectationReport(
    Path data, DatasetVersion version, Path expectations, int checks, List<ExpectationFailure> failures) {
  /** Defensive copy. */
  public ExpectationReport {
    failures = List.copyOf(failures);
  }

  /** Whether every expectation held. */
  public boolean passed() {
    return failures.isEmpty();
  }
}
