package dev.plumb.backend;

import java.util.Optional;

/**
 * Where and how wide a backend runs, apart from what it runs. Immutable.
 *
 * @param master the cluster to run on (Spark's master URL, e.g. {@code local[2]}, {@code yarn},
 *     {@code spark://host:7077}); empty to use the one the environment gives ({@code
 *     spark-submit}'s) or, for the local backend, this JVM
 * @param threads worker threads of the local backend (results do not depend on it)
 */
public record BackendSettings(Optional<String> master, int threads) {
  /** Checks. */
  public BackendSettings {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }

  /** This JVM's cores, no master. */
  public static BackendSettings local() {
    return new BackendSettings(Optional.empty(), Runtime.getRuntime().availableProcessors());
  }
}
