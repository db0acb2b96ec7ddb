package dev.plumb.data;

import java.util.Arrays;
import java.util.List;

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
    for (Column c : columns) {
      long[] cells = cellDigests(c);
      for (int r = 0; r < n; r++) {
        rows[r] = mix(rows[r] * 0x9E3779B97F4A7C15L + cells[r]);
      }
    }
    return rows;
  }

  private static long[] cellDigests(Column c) {
    int n = c.size();
    long[] out = new long[n];
    if (c instanceof NumericColumn num) {
      for (int r = 0; r < n; r++) {
        if (num.isMissing(r)) {
          out[r] = MISSING_MARK;
        } else {
          double v = num.get(r);
          out[r] = mix(Double.doubleToLongBits(v == 0.0 ? 0.0 : v));
        }
      }
    } else if (c instanceof CategoricalColumn cat) {
      long[] levelDigest = new long[cat.levelCount()];
      for (int l = 0; l < levelDigest.length; l++) {
        levelDigest[l] = textDigest(cat.level(l));
      }
      for (int r = 0; r < n; r++) {
        int code = cat.code(r);
        out[r] = code == CategoricalColumn.MISSING ? MISSING_MARK : levelDigest[code];
      }
    }
    return out;
  }

  private static long textDigest(String s) {
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
