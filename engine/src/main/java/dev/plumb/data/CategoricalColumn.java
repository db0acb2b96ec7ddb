package dev.plumb.data;

import java.util.Arrays;
import java.util.List;

/**
 * A dictionary-coded text column ({@link ColumnType#CATEGORICAL}, {@link ColumnType#BOOLEAN} or
 * {@link ColumnType#TEXT}). Levels are sorted, so codes do not depend on row order. Immutable and
 * thread-safe.
 */
public final class CategoricalColumn implements Column {
  /** The code of a missing value. */
  public static final int MISSING = -1;

  private final String name;
  private final ColumnType type;
  private final int[] codes;
  private final String[] levels;
  private final int missingCount;

  CategoricalColumn(String name, ColumnType type, int[] codes, String[] levels) {
    if (type.isNumeric()) {
      throw new IllegalArgumentException("not a text type: " + type);
    }
    this.name = name;
    this.type = type;
    this.codes = codes;
    this.levels = levels;
    int m = 0;
    for (int c : codes) {
      if (c == MISSING) {
        m++;
      }
    }
    this.missingCount = m;
  }

  /** A categorical column from values; {@code null} marks a missing value. */
  public static CategoricalColumn of(String name, ColumnType type, String... values) {
    String[] levels =
        Arrays.stream(values).filter(v -> v != null).distinct().sorted().toArray(String[]::new);
    int[] codes = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      codes[i] = values[i] == null ? MISSING : Arrays.binarySearch(levels, values[i]);
    }
    return new CategoricalColumn(name, type, codes, levels);
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
    return codes.length;
  }

  @Override
  public boolean isMissing(int row) {
    return codes[row] == MISSING;
  }

  @Override
  public int missingCount() {
    return missingCount;
  }

  /** The level code at {@code row}, or {@link #MISSING}. */
  public int code(int row) {
    return codes[row];
  }

  /** The distinct values, sorted. */
  public List<String> levels() {
    return List.of(levels);
  }

  /** Number of distinct non-missing values. */
  public int levelCount() {
    return levels.length;
  }

  /** The text of level {@code code}. */
  public String level(int code) {
    return levels[code];
  }

  /** Occurrences of each level, indexed by code. */
  public int[] levelCounts() {
    int[] counts = new int[levels.length];
    for (int c : codes) {
      if (c != MISSING) {
        counts[c]++;
      }
    }
    return counts;
  }

  @Override
  public String text(int row) {
    int c = codes[row];
    return c == MISSING ? null : levels[c];
  }
}
