package dev.plumb.store;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries a database action that another process's lock made fail ({@code SQLITE_BUSY}, {@code
 * SQLITE_LOCKED}, or a PostgreSQL serialization failure or deadlock), a bounded number of times
 * with a growing, jittered pause. SQLite's busy timeout already waits about 30 s for a lock; this
 * covers the cases it does not (a lock upgrade that would deadlock, a WAL checkpoint in progress).
 * Stateless.
 */
final class Retry {
  static final int ATTEMPTS = 6;
  private static final long FIRST_PAUSE_MS = 50;
  private static final long MAX_PAUSE_MS = 2_000;

  /** An action on the database. */
  interface Action<T> {
    T run() throws SQLException;
  }

  private Retry() {}

  /**
   * Runs {@code action}, again after a pause when it fails on a lock, up to {@value #ATTEMPTS}
   * times.
   *
   * @throws SQLException the last failure, or the first that is not about a lock
   */
  static <T> T onBusy(Action<T> action) throws SQLException {
    long pause = FIRST_PAUSE_MS;
    for (int attempt = 1; ; attempt++) {
      try {
        return action.run();
      } catch (SQLException e) {
        if (attempt >= ATTEMPTS || !isBusy(e)) {
          throw e;
        }
      }
      try {
        Thread.sleep(pause + ThreadLocalRandom.current().nextLong(pause));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while waiting for the store's lock", e);
      }
      pause = Math.min(MAX_PAUSE_MS, pause * 2);
    }
  }

  /** Whether {@code e} says that another connection holds a lock. */
  static boolean isBusy(SQLException e) {
    int primary = e.getErrorCode() & 0xff;
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message = e.getMessage() == null ? "" : e.getMessage();
    return primary == 5 || primary == 6 || state.equals("40001") || state.equals("40P01")
        || message.contains("SQLITE_BUSY") || message.contains("database is locked");
  }
}
