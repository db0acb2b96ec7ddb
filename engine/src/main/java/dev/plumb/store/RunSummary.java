package dev.plumb.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the run list: enough to find a run again without reading its report. Immutable.
 *
 * @param id the run's id
 * @param startedAt when it started
 * @param command the command
 * @param exitCode its exit code
 * @param datasetPath the data file as given, if any
 * @param datasetVersion the dataset version id, if any
 * @param best the best learner, its leading metric and score, if the command ranks learners
 */
public record RunSummary(long id, Instant startedAt, String command, int exitCode,
    Optional<String> datasetPath, Optional<String> datasetVersion, Optional<RunRecord.Best> best) {
  /** Checks for nulls. */
  public RunSummary {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(datasetPath, "datasetPath");
    Objects.requireNonNull(datasetVersion, "datasetVersion");
    Objects.requireNonNull(best, "best");
  }
}
