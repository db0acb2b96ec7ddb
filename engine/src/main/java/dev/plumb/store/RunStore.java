package dev.plumb.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.sqlite.SQLiteConfig;

/**
 * The run history: records finished commands and reads them back, in a SQLite file or a
 * PostgreSQL database. {@link #open} creates the store (and a SQLite file's directory) and brings
 * its schema up to date; {@link #record} writes a run with all its rows in one transaction, so a
 * killed process leaves either the whole run or nothing.
 *
 * <p>Several processes may use one store at once: SQLite runs in WAL mode with a 30 s busy
 * timeout, write transactions take the write lock at their start ({@code BEGIN IMMEDIATE}), and
 * a write that still finds the store locked is retried a few times with backoff. Not
 * thread-safe: one instance holds one connection; open one per thread.
 *
 * <p>Every method throws {@link StoreException} with a one-line reason when the database cannot
 * be reached, read or written.
 */
public final class RunStore implements AutoCloseable {
  /** How long SQLite waits for another process's lock before reporting it busy. */
  static final int BUSY_TIMEOUT_MS = 30_000;

  private final StoreLocation location;
  private final Connection connection;

  private RunStore(StoreLocation location, Connection connection) {
    this.location = location;
    this.connection = connection;
  }

  /**
   * Opens the store, creating it when it does not exist yet.
   *
   * @throws StoreException if the directory cannot be created, the database cannot be reached or
   *     its schema cannot be brought up to date
   */
  public static RunStore open(StoreLocation location) {
    try {
      Optional<Path> dir = location.file().map(Path::toAbsolutePath).map(Path::getParent);
      if (dir.isPresent()) {
        Files.createDirectories(dir.get());
      }
    } catch (IOException e) {
      throw new StoreException("cannot create the directory of " + location + ": " + e, e);
    }
    Connection c;
    try {
      c = Retry.onBusy(() -> connect(location));
    } catch (SQLException e) {
      throw new StoreException("cannot open " + location + ": " + reason(e), e);
    }
    try {
      Retry.onBusy(() -> {
        Migrations.migrate(c, location.dialect(), location.display());
        return null;
      });
      return new RunStore(location, c);
    } catch (SQLException | RuntimeException e) {
      try {
        c.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof StoreException s) {
        throw s;
      }
      throw new StoreException("cannot set up " + location + ": "
          + (e instanceof SQLException q ? reason(q) : e.toString()), e);
    }
  }

  private static Connection connect(StoreLocation location) throws SQLException {
    if (location.dialect() == Dialect.POSTGRESQL) {
      return DriverManager.getConnection(location.jdbcUrl());
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.enforceForeignKeys(true);
    return DriverManager.getConnection(location.jdbcUrl(), config.toProperties());
  }

  /** Where this store is. */
  public StoreLocation location() {
    return location;
  }

  /**
   * Records a run with all its rows in one transaction.
   *
   * @return the run's id
   * @throws StoreException if it cannot be written; then nothing of it is stored
   */
  public long record(RunRecord run) {
    String key = UUID.randomUUID().toString();
    try {
      return Retry.onBusy(() -> {
        // an earlier attempt may have committed and failed afterwards: never record twice
        Optional<Long> earlier = RunRows.idOfKey(connection, key);
        if (earlier.isPresent()) {
          return earlier.get();
        }
        return inTransaction(() -> RunRows.insert(connection, key, run));
      });
    } catch (SQLException e) {
      throw new StoreException("cannot record the run in " + location + ": " + reason(e), e);
    }
  }

  /** {@code text} for a LIKE pattern with the escape character {@code \}: its wildcards as such. */
  static String likeLiteral(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /**
   * The newest runs that pass the filter, newest first.
   *
   * @throws StoreException if the store cannot be read
   */
  public List<RunSummary> list(RunFilter filter) {
    StringBuilder sql = new StringBuilder("SELECT id, started_at, command, exit_code,"
        + " dataset_path, dataset_version, best_learner, best_metric, best_score FROM runs"
        + " WHERE 1 = 1");
    List<String> params = new ArrayList<>();
    filter.command().ifPresent(c -> {
      // a command's name in any case, and its subcommands ("datatest" finds "datatest write")
      String lower = c.strip().toLowerCase(Locale.ROOT);
      sql.append(" AND (LOWER(command) = ? OR LOWER(command) LIKE ? ESCAPE '\\')");
      params.add(lower);
      params.add(likeLiteral(lower) + " %");
    });
    filter.datasetVersion().ifPresent(v -> {
      sql.append(" AND (dataset_version = ? OR content_sha256 LIKE ? ESCAPE '\\')");
      params.add(v);
      params.add(likeLiteral(v.toLowerCase(Locale.ROOT)) + "%");
    });
    sql.append(" ORDER BY id DESC LIMIT ").append(filter.limit());
    try (PreparedStatement p = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        p.setString(i + 1, params.get(i));
      }
      List<RunSummary> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          String best = r.getString(7);
          out.add(new RunSummary(r.getLong(1), Instant.parse(r.getString(2)), r.getString(3),
              r.getInt(4), Optional.ofNullable(r.getString(5)),
              Optional.ofNullable(r.getString(6)), best == null ? Optional.empty()
              : Optional.of(new RunRecord.Best(best, r.getString(8), r.getDouble(9)))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read " + location + ": " + reason(e), e);
    }
  }

  /**
   * The run with this id, with everything recorded.
   *
   * @throws StoreException if the store cannot be read
   */
  public Optional<StoredRun> find(long id) {
    try {
      return RunRows.find(connection, id).map(r -> new StoredRun(id, r));
    } catch (SQLException e) {
      throw new StoreException("cannot read run " + id + " from " + location + ": " + reason(e),
          e);
    }
  }

  /**
   * What changed from run {@code first} to run {@code second}.
   *
   * @throws IllegalArgumentException if either run does not exist
   * @throws StoreException if the store cannot be read
   */
  public RunComparison compare(long first, long second) {
    StoredRun a = find(first).orElseThrow(() -> noRun(first));
    StoredRun b = find(second).orElseThrow(() -> noRun(second));
    return RunComparison.of(a, b);
  }

  /**
   * The lowest and highest run ids, for messages; empty when no run is recorded.
   *
   * @throws StoreException if the store cannot be read
   */
  public Optional<IdRange> ids() {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT MIN(id), MAX(id), COUNT(*) FROM runs")) {
      r.next();
      long count = r.getLong(3);
      return count == 0 ? Optional.empty()
          : Optional.of(new IdRange(r.getLong(1), r.getLong(2), count));
    } catch (SQLException e) {
      throw new StoreException("cannot read " + location + ": " + reason(e), e);
    }
  }

  /**
   * The ids in a store.
   *
   * @param first the lowest
   * @param last the highest
   * @param count how many runs
   */
  public record IdRange(long first, long last, long count) {}

  /** The connection, for tests that check the database itself. */
  Connection connection() {
    return connection;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close " + location + ": " + reason(e), e);
    }
  }

  private IllegalArgumentException noRun(long id) {
    return new IllegalArgumentException("no run " + id + " in " + location);
  }

  private <T> T inTransaction(Retry.Action<T> work) throws SQLException {
    location.dialect().begin(connection, false);
    try {
      T result = work.run();
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      try {
        connection.setAutoCommit(true);
      } catch (SQLException e) {
        // the transaction has ended either way; the next begin starts a fresh one
      }
    }
  }

  /** The first line of the database's message, without the driver's class name. */
  static String reason(SQLException e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).strip();
  }
}
