package dev.plumb.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Brings a store's schema up to date with versioned SQL scripts ({@code
 * migrations/V<n>__<name>.sql} beside this class), recording each in {@code schema_version}.
 * Each script runs in its own transaction holding the database's write lock (SQLite's {@code
 * BEGIN IMMEDIATE}, a PostgreSQL advisory lock), and the applied versions are read again inside
 * it, so processes creating one store at the same time apply every script exactly once. A store
 * whose schema is newer than this Plumb knows is refused rather than written. Stateless.
 */
final class Migrations {
  /** The scripts, in order; a new schema appends one and never edits an applied one. */
  static final List<String> SCRIPTS = List.of("V1__runs.sql");

  private static final String VERSION_TABLE = "CREATE TABLE IF NOT EXISTS schema_version ("
      + " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)";

  private Migrations() {}

  /** The latest schema version. */
  static int latest() {
    return SCRIPTS.size();
  }

  /**
   * Applies the scripts {@code c}'s database lacks.
   *
   * @throws SQLException if a script fails (its transaction is rolled back)
   * @throws StoreException if the database's schema is newer than this Plumb's
   */
  static void migrate(Connection c, Dialect dialect, String where) throws SQLException {
    Set<Integer> now = applied(c);
    if (newest(now) > latest()) {
      throw newer(where, now);
    }
    if (now.size() == latest()) {
      return;
    }
    for (int v = 1; v <= latest(); v++) {
      String script = SCRIPTS.get(v - 1);
      dialect.begin(c, true);
      try {
        try (Statement s = c.createStatement()) {
          s.execute(VERSION_TABLE);
        }
        Set<Integer> done = applied(c);
        if (newest(done) > latest()) {
          throw newer(where, done);
        }
        if (!done.contains(v)) {
          try (Statement s = c.createStatement()) {
            for (String sql : statements(dialect.translate(read(script)))) {
              s.execute(sql);
            }
          }
          try (PreparedStatement p = c.prepareStatement(
              "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
            p.setInt(1, v);
            p.setString(2, script.replaceFirst("^V\\d+__", "").replaceFirst("\\.sql$", ""));
            p.setString(3, Instant.now().toString());
            p.executeUpdate();
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  /** The versions applied so far; empty when there is no {@code schema_version} table. */
  static Set<Integer> applied(Connection c) {
    Set<Integer> out = new TreeSet<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT version FROM schema_version")) {
      while (r.next()) {
        out.add(r.getInt(1));
      }
    } catch (SQLException e) {
      // no table yet (a new store); inside a transaction the table was just created, so no error
      return Set.of();
    }
    return out;
  }

  private static StoreException newer(String where, Set<Integer> versions) {
    return new StoreException(where + " has schema version " + newest(versions) + "; this Plumb"
        + " knows versions up to " + latest() + ", upgrade Plumb to use it");
  }

  private static int newest(Set<Integer> versions) {
    return versions.stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /** The statements of a script: split at semicolons that end a line; comment lines dropped. */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String line : script.split("\n")) {
      String l = line.strip();
      if (l.startsWith("--") || l.isEmpty()) {
        continue;
      }
      if (l.endsWith(";")) {
        cur.append(l, 0, l.length() - 1);
        out.add(cur.toString().strip());
        cur.setLength(0);
      } else {
        cur.append(l).append('\n');
      }
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString().strip());
    }
    return out;
  }

  private static String read(String script) {
    try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + script)) {
      if (in == null) {
        throw new IllegalStateException("migration " + script + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read migration " + script, e);
    }
  }
}
