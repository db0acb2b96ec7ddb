package dev.plumb.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, columnar table: the typed form of a CSV file that every command works on.
 * Thread-safe.
 */
public final class Table {
  private final List<Column> columns;
  private final Map<String, Integer> index;
  private final int rowCount;

  /**
   * Builds a table from columns of equal length and distinct names.
   *
   * @throws IllegalArgumentException when lengths differ or names repeat
   */
  public Table(List<Column> columns) {
    this.columns = List.copyOf(columns);
    this.index = new HashMap<>();
    this.rowCount = columns.isEmpty() ? 0 : columns.get(0).size();
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      if (c.size() != rowCount) {
        throw new IllegalArgumentException(
            "column '" + c.name() + "' has " + c.size() + " rows, expected " + rowCount);
      }
      if (index.put(c.name(), i) != null) {
        throw new IllegalArgumentException("duplicate column name '" + c.name() + "'");
      }
    }
  }

  /** Number of rows. */
  public int rowCount() {
    return rowCount;
  }

  /** Number of columns. */
  public int columnCount() {
    return columns.size();
  }

  /** The columns in file order. */
  public List<Column> columns() {
    return columns;
  }

  /** The column names in file order. */
  public List<String> columnNames() {
    List<String> names = new ArrayList<>(columns.size());
    for (Column c : columns) {
      names.add(c.name());
    }
    return names;
  }

  /** The column called {@code name}, if any. */
  public Optional<Column> find(String name) {
    Integer i = index.get(name);
    return i == null ? Optional.empty() : Optional.of(columns.get(i));
  }

  /**
   * The column called {@code name}, for the given role ("target", "group column", ...).
   *
   * @throws BadInputException naming the closest column names when there is none
   */
  public Column require(String name, String role) {
    Optional<Column> found = find(name);
    if (found.isPresent()) {
      return found.get();
    }
    List<String> close = closestNames(name, 3);
    String hint = close.isEmpty()
        ? "the columns are: " + String.join(", ", columnNames().subList(0, Math.min(10, columns.size())))
            + (columns.size() > 10 ? ", ..." : "")
        : "did you mean " + String.join(" or ", close.stream().map(c -> "'" + c + "'").toList())
            + "?";
    throw new BadInputException(role + " column '" + name + "' not found; " + hint);
  }

  /** Up to {@code limit} column names closest to {@code name} (case-insensitive edit distance). */
  public List<String> closestNames(String name, int limit) {
    String wanted = name.toLowerCase(java.util.Locale.ROOT);
    record Scored(String name, int distance) {}
    List<Scored> scored = new ArrayList<>();
    for (String candidate : columnNames()) {
      String c = candidate.toLowerCase(java.util.Locale.ROOT);
      int d = c.contains(wanted) || wanted.contains(c) ? 1 : editDistance(wanted, c);
      if (d <= Math.max(2, wanted.length() / 3)) {
        scored.add(new Scored(candidate, d));
      }
    }
    scored.sort(java.util.Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
    return scored.stream().limit(limit).map(Scored::name).toList();
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** The column at position {@code i} (0-based, file order). */
  public Column column(int i) {
    return columns.get(i);
  }
}
