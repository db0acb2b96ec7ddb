package dev.plumb.store;

import java.util.Objects;
import java.util.Optional;

/**
 * Which runs to list: the newest {@code limit}, optionally of one command and one dataset
 * version. Immutable.
 *
 * @param limit at most this many runs, newest first
 * @param command only this command ({@code datatest} also matches {@code datatest check})
 * @param datasetVersion only runs on this dataset version: a version id or a prefix of the
 *     content hash
 * @throws IllegalArgumentException if the limit is below 1
 */
public record RunFilter(int limit, Optional<String> command, Optional<String> datasetVersion) {
  /** Checks the limit. */
  public RunFilter {
    if (limit < 1) {
      throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
    }
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(datasetVersion, "datasetVersion");
  }

  /** The newest {@code limit} runs, whatever they ran. */
  public static RunFilter latest(int limit) {
    return new RunFilter(limit, Optional.empty(), Optional.empty());
  }
}
