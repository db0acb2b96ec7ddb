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

  /** The column at position {@code i} (0-based, file order). */
  public Column column(int i) {
    return columns.get(i);
  }
}
