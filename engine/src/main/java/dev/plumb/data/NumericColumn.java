package dev.plumb.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.BitSet;

/**
 * A column of numbers ({@link ColumnType#NUMERIC}, {@link ColumnType#INTEGER}) or of date-times
 * stored as epoch seconds ({@link ColumnType#DATETIME}). Immutable and thread-safe.
 */
public final class NumericColumn implements Column {
  private final String name;
  private final ColumnType type;
  private final double[] values;
  private final BitSet missing;
  private final int missingCount;
  private final boolean dateOnly;

  NumericColumn(String name, ColumnType type, double[] values, BitSet missing, boolean dateOnly) {
    if (!type.isNumeric()) {
      throw new IllegalArgumentException("not a numeric type: " + type);
    }
    this.name = name;
    this.type = type;
    this.values = values;
    this.missing = missing;
    this.missingCount = missing.cardinality();
    this.dateOnly = dateOnly;
  }

  /** A numeric column from values; {@code Double.NaN} marks a missing value. Copies the array. */
  public static NumericColumn of(String name, double... values) {
    BitSet missing = new BitSet(values.length);
    boolean integral = true;
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        missing.set(i);
      } else if (values[i] != Math.rint(values[i])) {
        integral = false;
      }
    }
    return new NumericColumn(
        name,
        integral ? ColumnType.INTEGER : ColumnType.NUMERIC,
        values.clone(),
        missing,
        false);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return type;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean isMissing(int row) {
    return missing.get(row);
  }

  @Override
  public int missingCount() {
    return missingCount;
  }

  /** The value at {@code row}; meaningless (NaN) when {@link #isMissing(int)}. */
  public double get(int row) {
    return values[row];
  }

  /** For date-time columns: whether every value was a date without a time of day. */
  public boolean dateOnly() {
    return dateOnly;
  }

  /** The non-missing values, in row order, as a new array. */
  public double[] presentValues() {
    double[] out = new double[values.length - missingCount];
    int k = 0;
    for (int i = 0; i < values.length; i++) {
      if (!missing.get(i)) {
        out[k++] = values[i];
      }
    }
    return out;
  }

  /** A copy of all values; missing rows hold NaN. */
  public double[] toArray() {
    return Arrays.copyOf(values, values.length);
  }

  @Override
  public String text(int row) {
    return missing.get(row) ? null : format(values[row]);
  }

  /** Formats a value of this column the way {@link #text(int)} does. */
  public String format(double v) {
    if (type == ColumnType.DATETIME) {
      if (dateOnly) {
        return LocalDate.ofEpochDay(Math.floorDiv((long) v, 86_400L)).toString();
      }
      long seconds = (long) Math.floor(v);
      long nanos = Math.round((v - seconds) * 1e9);
      return Instant.ofEpochSecond(seconds, nanos).atOffset(ZoneOffset.UTC).toLocalDateTime().toString();
    }
    return formatNumber(v);
  }

  /** Shortest text for a number: integral values without a decimal point. */
  public static String formatNumber(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
