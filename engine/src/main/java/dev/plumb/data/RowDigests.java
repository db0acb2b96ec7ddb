package dev.plumb.data;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * 64-bit digests of rows over a chosen list of columns, equal for rows with equal values (numbers by
 * value, text by its characters, missing as its own marker). Used for the content fingerprint, and
 * to find duplicate rows and rows with the same features but different labels. Stateless.
 */
public final class RowDigests {
  private static final long MISSING_MARK = 0x6d697373696e6721L;

  private RowDigests() {}

  /** One digest per row, mixing the cells of {@code columns} in the order given. */
  public static long[] of(List<Column> columns) {
    int n = columns.isEmpty() ? 0 : columns.get(0).size();
    long[] rows = new long[n];
    Arrays.fill(rows, 0x243F6A8885A308D3L);
    // blocks of rows in parallel: each row's digest depends only on its own cells, in column order
    long[][] levelDigests = new long[columns.size()][];
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i) instanceof CategoricalColumn cat) {
        levelDigests[i] = new long[cat.levelCount()];
        for (int l = 0; l < cat.levelCount(); l++) {
          levelDigests[i][l] = textDigest(cat.level(l));
        }
      }
    }
    int block = 1 << 16;
    IntStream.range(0, (n + block - 1) / block).parallel().forEach(b -> {
      int from = b * block;
      int to = Math.min(n, from + block);
      for (int i = 0; i < columns.size(); i++) {
        mixInto(columns.get(i), levelDigests[i], rows, from, to);
      }
    });
    return rows;
  }

  private static void mixInto(Column c, long[] levelDigest, long[] rows, int from, int to) {
    if (c instanceof NumericColumn num) {
      for (int r = from; r < to; r++) {
        double v = num.get(r); // missing values are stored as NaN, which no present value is
        long cell = Double.isNaN(v) ? MISSING_MARK : mix(Double.doubleToLongBits(v == 0.0 ? 0.0 : v));
        rows[r] = mix(rows[r] * 0x9E3779B97F4A7C15L + cell);
      }
    } else if (c instanceof CategoricalColumn cat) {
      for (int r = from; r < to; r++) {
        int code = cat.code(r);
        long cell = code == CategoricalColumn.MISSING ? MISSING_MARK : levelDigest[code];
        rows[r] = mix(rows[r] * 0x9E3779B97F4A7C15L + cell);
      }
    }
  }

  /** The digest of a text cell, by its characters (also a hash-fold key's text field). */
  public static long textDigest(String s) {
    long h = 0x1000193L;
    for (int i = 0; i < s.length(); i++) {
      h = mix(h ^ s.charAt(i));
    }
    return mix(h ^ s.length() ^ 0x7465787400000000L);
  }

  /** SplitMix64's finalizer: a bijective 64-bit mix. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
