package dev.plumb.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server for the run store's tests, shared by the whole test JVM and started on first
 * use. With {@code PLUMB_TEST_POSTGRES_URL} (a {@code jdbc:postgresql:} URL with its user and
 * password) that server is used; otherwise {@code initdb} and {@code pg_ctl} (on the PATH or
 * under {@code /usr/lib/postgresql/*}{@code /bin}) create a throw-away cluster in a temporary
 * directory, listening on a free port of 127.0.0.1 with its socket in that directory, trusting
 * local connections; it is stopped ({@code pg_ctl stop -m immediate}) and deleted when the JVM
 * exits. As root, whom initdb refuses, the binaries run as the {@code postgres} user.
 *
 * <p>Each caller of {@link #freshSchemaUrl} gets its own schema, so test classes do not see each
 * other's tables. When no server can be had, tests are skipped with the reason, or fail with it
 * when {@code PLUMB_POSTGRES_REQUIRED=1} (CI) or {@code -Dplumb.postgres.required=true}.
 * Thread-safe.
 */
public final class PostgresServer {
  private static final String USER = "plumb";
  private static Optional<String> baseUrl;
  private static String unavailable = "";
  private static int schemas;

  private PostgresServer() {}

  /**
   * A URL whose {@code currentSchema} is a new, empty schema named after {@code prefix}; skips
   * the calling test (or fails it, when PostgreSQL is required) when no server can be had.
   */
  public static synchronized String freshSchemaUrl(String prefix) {
    String base = base();
    String schema = (prefix + "_" + ProcessHandle.current().pid() + "_" + (++schemas))
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    try (Connection c = DriverManager.getConnection(base);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      Assertions.fail("cannot create schema " + schema + " on the test PostgreSQL: " + e, e);
    }
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static String base() {
    if (baseUrl == null) {
      baseUrl = start();
    }
    if (baseUrl.isEmpty()) {
      String why = "no PostgreSQL for the run store's tests: " + unavailable;
      if (required()) {
        Assertions.fail(why + " (PostgreSQL is required here; run .ci/install-postgresql)");
      }
      Assumptions.assumeTrue(false, why + "; skipped (set PLUMB_POSTGRES_REQUIRED=1 to fail"
          + " instead)");
    }
    return baseUrl.get();
  }

  /** Whether a missing server fails the tests instead of skipping them. */
  public static boolean required() {
    String env = System.getenv("PLUMB_POSTGRES_REQUIRED");
    return Boolean.getBoolean("plumb.postgres.required")
        || (env != null && (env.equals("1") || env.equalsIgnoreCase("true")));
  }

  private static Optional<String> start() {
    String given = System.getenv("PLUMB_TEST_POSTGRES_URL");
    if (given != null && !given.isBlank()) {
      return Optional.of(given.strip());
    }
    Optional<Path> bin = binaries();
    if (bin.isEmpty()) {
      unavailable = "initdb and pg_ctl are neither on the PATH nor under"
          + " /usr/lib/postgresql/*/bin";
      return Optional.empty();
    }
    try {
      return Optional.of(startCluster(bin.get()));
    } catch (IOException | SQLException | RuntimeException e) {
      unavailable = "could not start one with " + bin.get() + ": " + e.getMessage();
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unavailable = "interrupted while starting it";
      return Optional.empty();
    }
  }

  private static String startCluster(Path bin) throws IOException, InterruptedException,
      SQLException {
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "plumb-pg-");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(bin, dir, root)));
    if (root) {
      run(List.of("chown", "postgres:postgres", dir.toString()), false, dir);
    }
    Path data = dir.resolve("data");
    run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U",
        USER, "-E", "UTF8", "--no-sync"), root, dir);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
        dir.resolve("server.log").toString(), "-w", "-t", "60", "-o", "-p " + port + " -k " + dir
        + " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off", "start"), root,
        dir);
    String server = "jdbc:postgresql://127.0.0.1:" + port + "/";
    try (Connection c = DriverManager.getConnection(server + "postgres?user=" + USER);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE plumb_test");
    }
    return server + "plumb_test?user=" + USER;
  }

  private static void stop(Path bin, Path dir, boolean root) {
    try {
      if (Files.isDirectory(dir.resolve("data"))) {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
            "stop", "-m", "immediate"), root, dir);
      }
    } catch (IOException | RuntimeException e) {
      // the JVM is exiting; a server left running dies with the machine's temporary files
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort, as above
    }
  }

  private static void run(List<String> command, boolean asPostgres, Path dir)
      throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asPostgres) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
        .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", full) + " did not finish in 90 s");
    }
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", full) + " exited with " + p.exitValue() + ": "
          + output.strip().replace('\n', ' '));
    }
  }

  private static Optional<Path> binaries() {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String d : path.split(java.io.File.pathSeparator)) {
        Path initdb = Path.of(d, "initdb");
        if (Files.isExecutable(initdb)) {
          Path real;
          try {
            real = initdb.toRealPath();
          } catch (IOException e) {
            continue;
          }
          if (Files.isExecutable(real.resolveSibling("pg_ctl"))) {
            return Optional.of(real.getParent());
          }
        }
      }
    }
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions.map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb"))
              && Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparing(b -> versionOf(b.getParent().getFileName().toString())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Integer versionOf(String name) {
    try {
      return Integer.parseInt(name.replaceAll("\\D.*", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
