package dev.plumb.store;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where runs are recorded: a SQLite file or a PostgreSQL database, as a JDBC URL and a name to
 * show people (PostgreSQL passwords blanked). Immutable.
 *
 * @param dialect the database
 * @param jdbcUrl the URL to connect with
 * @param display the location for messages: the path as given, or the URL without its password
 * @param file the SQLite file, when the store is a local file
 */
public record StoreLocation(Dialect dialect, String jdbcUrl, String display, Optional<Path> file) {
  /** The store used when nothing else is configured: {@code .plumb/plumb.db} here. */
  public static final String DEFAULT = ".plumb/plumb.db";

  /** The value that turns recording off. */
  public static final String NONE = "none";

  /** Checks for nulls. */
  public StoreLocation {
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(display, "display");
    Objects.requireNonNull(file, "file");
  }

  /**
   * Reads a location: a file path (a SQLite file), a {@code jdbc:sqlite:} URL or a {@code
   * jdbc:postgresql://host:port/db?user=..&password=..} URL. ({@link #NONE} is the caller's to
   * handle.)
   *
   * @throws IllegalArgumentException if the text is blank, another kind of JDBC URL, a malformed
   *     PostgreSQL URL, or not a valid path
   */
  public static StoreLocation parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the store location is empty; give a file path (e.g. "
          + DEFAULT + "), a jdbc:sqlite: or jdbc:postgresql: URL, or 'none'");
    }
    String t = text.strip();
    if (t.startsWith("jdbc:sqlite:")) {
      String rest = t.substring("jdbc:sqlite:".length());
      if (rest.isEmpty() || rest.startsWith(":memory:") || rest.startsWith("file::memory:")) {
        throw new IllegalArgumentException("'" + t + "' is not a file; an in-memory database"
            + " forgets every run, give jdbc:sqlite:PATH");
      }
      String path = rest.startsWith("file:") ? rest.substring(5) : rest;
      int query = path.indexOf('?');
      return new StoreLocation(Dialect.SQLITE, t, t,
          Optional.of(toPath(query < 0 ? path : path.substring(0, query), t)));
    }
    if (t.startsWith("jdbc:postgresql:")) {
      if (org.postgresql.Driver.parseURL(t, null) == null) {
        throw new IllegalArgumentException("'" + redact(t) + "' is not a valid PostgreSQL URL;"
            + " write jdbc:postgresql://HOST[:PORT]/DATABASE?user=USER&password=PASSWORD");
      }
      return new StoreLocation(Dialect.POSTGRESQL, t, redact(t), Optional.empty());
    }
    if (t.startsWith("jdbc:")) {
      throw new IllegalArgumentException("'" + redact(t) + "' is not a supported store; give a"
          + " file path, a jdbc:sqlite: URL or a jdbc:postgresql: URL");
    }
    Path p = toPath(t, t);
    return new StoreLocation(Dialect.SQLITE, "jdbc:sqlite:" + p, t, Optional.of(p));
  }

  /**
   * The location in effect: the command line's {@code --store} wins over the {@code plumb.store}
   * system property, which wins over the {@code PLUMB_STORE} environment variable; without any,
   * {@link #DEFAULT}. Empty when the winning value is {@link #NONE}.
   *
   * @param option the {@code --store} value, or null
   * @param property the system property, or null
   * @param env the environment variable, or null
   * @throws IllegalArgumentException as {@link #parse}, naming where the bad value came from
   */
  public static Optional<StoreLocation> resolve(String option, String property, String env) {
    String source;
    String value;
    if (option != null) {
      source = "--store";
      value = option;
    } else if (property != null && !property.isBlank()) {
      source = "system property plumb.store";
      value = property;
    } else if (env != null && !env.isBlank()) {
      source = "environment variable PLUMB_STORE";
      value = env;
    } else {
      return Optional.of(parse(DEFAULT));
    }
    if (NONE.equalsIgnoreCase(value.strip())) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(value));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  /** Whether the store may hold runs: a SQLite file that exists, or any server database. */
  public boolean mayExist() {
    return file.map(Files::isRegularFile).orElse(true);
  }

  @Override
  public String toString() {
    return display;
  }

  /** The text with the value of any {@code password} parameter blanked, for messages and logs. */
  public static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  private static Path toPath(String text, String whole) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("'" + whole + "' names no file");
    }
    try {
      Path p = Path.of(text);
      if (Files.isDirectory(p)) {
        throw new IllegalArgumentException("store '" + whole + "' is a directory; give a file"
            + " in it, e.g. " + p.resolve("plumb.db"));
      }
      return p;
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("store '" + whole + "' is not a valid path: "
          + e.getReason(), e);
    }
  }
}
