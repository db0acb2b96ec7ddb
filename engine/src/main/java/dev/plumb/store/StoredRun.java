package dev.plumb.store;

import java.util.Objects;

/**
 * A run as read back from the store: its id and everything recorded. Immutable.
 *
 * @param id the id people use ({@code plumb runs show ID})
 * @param run what was recorded
 */
public record StoredRun(long id, RunRecord run) {
  /** Checks for null. */
  public StoredRun {
    Objects.requireNonNull(run, "run");
  }
}
