package dev.plumb.data;

/**
 * One immutable column of a {@link Table}: a name, an inferred type and a missing-value mask.
 *
 * <p>Implementations are immutable and therefore thread-safe.
 */
public sealed interface Column permits NumericColumn, CategoricalColumn {

  /** The column name as given in the header. */
  String name();

  /** The inferred type. */
  ColumnType type();

  /** Number of rows. */
  int size();

  /** Whether the value at {@code row} is missing. */
  boolean isMissing(int row);

  /** Number of missing values. */
  int missingCount();

  /**
   * The value at {@code row} as text, in a canonical form: integers without a decimal point, other
   * numbers in shortest round-trip form, dates in ISO-8601; {@code null} when missing.
   */
  String text(int row);
}
