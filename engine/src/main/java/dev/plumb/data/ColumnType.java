package dev.plumb.data;

/**
 * The inferred type of a column. Inference is described in {@link CsvTableReader}; the type decides
 * which statistics a profile shows and how learners encode the column.
 */
public enum ColumnType {
  /** Real numbers, at least one not integral. Stored as {@code double}. */
  NUMERIC,
  /** Numbers that are all integral (so {@code 1.0} and {@code 1} both count). Stored as {@code double}. */
  INTEGER,
  /** Two-valued text such as yes/no, true/false, y/n, t/f. Dictionary coded. */
  BOOLEAN,
  /** Text with a modest number of distinct values. Dictionary coded. */
  CATEGORICAL,
  /** ISO-8601 dates or date-times. Stored as epoch seconds (UTC for local times). */
  DATETIME,
  /** Text with mostly distinct values: names, free text, identifiers. Dictionary coded. */
  TEXT;

  /** Whether values of this type are stored as numbers. */
  public boolean isNumeric() {
    return this == NUMERIC || this == INTEGER || this == DATETIME;
  }

  /** The lower-case name used in JSON and on the command line. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
