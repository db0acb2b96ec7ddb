package dev.plumb.drift;

import dev.plumb.data.Column;
import dev.plumb.data.NumericColumn;
import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Compares new values of a numeric feature with its quantile grid. Stateless.
 *
 * <p>PSI bins: the distinct reference deciles q10, ..., q90 (equal cut points merged) cut the line
 * into right-closed bins (−∞, c1], (c1, c2], ..., (ck, ∞); the first is narrowed to [q0, c1] and
 * values below the training minimum get a bin of their own, so that a shift below a constant or
 * heavily tied minimum shows. The expected share of a bin is read off the grid's distribution
 * function, times the training share of present values; missing values form one more bin when
 * either side has any.
 *
 * <p>Test: two-sample Kolmogorov–Smirnov with the training side represented by the grid
 * ({@link QuantileGrid#ksDistance}); D is therefore accurate to about 0.01, the grid's resolution.
 * The p value is Kolmogorov's asymptotic distribution at D·√(nm/(n+m)), from Commons Math.
 */
final class NumericComparison {
  private NumericComparison() {}

  /** Compares; {@code column} is null when the new data lacks it (all values count as missing). */
  static Comparison compare(FeatureReference ref, Column column, int newRows) {
    double[] values = column == null ? new double[0] : present(column);
    Arrays.sort(values);
    int newMissing = newRows - values.length;
    boolean missingBin = ref.missing() > 0 || newMissing > 0;
    double presentBefore = 1 - ref.missingShare();
    QuantileGrid grid = ref.quantiles().isEmpty() ? null : new QuantileGrid(ref.quantiles());
    double[] expected;
    double[] actual;
    if (grid == null) {
      expected = new double[] {0, ref.missingShare()};
      actual = new double[] {(double) values.length / newRows, (double) newMissing / newRows};
    } else {
      double[] cuts = Arrays.stream(new int[] {10, 20, 30, 40, 50, 60, 70, 80, 90})
          .mapToDouble(grid::at).distinct().toArray();
      expected = new double[cuts.length + 3];
      actual = new double[cuts.length + 3];
      double below = 0;
      for (int i = 0; i <= cuts.length; i++) {
        double upTo = i < cuts.length ? grid.cdf(cuts[i]) : 1;
        expected[i + 1] = (upTo - below) * presentBefore;
        below = upTo;
      }
      int[] counts = new int[cuts.length + 2];
      for (double x : values) {
        counts[x < grid.at(0) ? 0 : 1 + QuantileGrid.countBelow(cuts, x)]++;
      }
      for (int i = 0; i < counts.length; i++) {
        actual[i] = (double) counts[i] / newRows;
      }
      expected[cuts.length + 2] = ref.missingShare();
      actual[cuts.length + 2] = (double) newMissing / newRows;
    }
    if (!missingBin) { // neither side has missing values, so no bin for them
      expected = Arrays.copyOf(expected, expected.length - 1);
      actual = Arrays.copyOf(actual, actual.length - 1);
    }
    double psi = Psi.of(expected, actual);
    if (grid == null || values.length == 0) {
      return new Comparison(newMissing, psi, Optional.empty(), Optional.empty());
    }
    double d = grid.ksDistance(values);
    double p = new KolmogorovSmirnovTest()
        .approximateP(d, ref.rows() - ref.missing(), values.length);
    return new Comparison(newMissing, psi,
        Optional.of(new DriftTest(DriftTest.Method.KS, d, Math.min(1, Math.max(0, p)))),
        Optional.of(new Change("median", grid.at(50), QuantileGrid.quantile(values, 50))));
  }

  /**
   * The present values; a column that is no longer numeric is read from its text, and values that
   * are not numbers count as missing.
   */
  private static double[] present(Column column) {
    if (column instanceof NumericColumn numeric) {
      return numeric.presentValues();
    }
    double[] out = new double[column.size()];
    int k = 0;
    for (int row = 0; row < column.size(); row++) {
      String text = column.text(row);
      if (text != null) {
        try {
          double v = Double.parseDouble(text.trim());
          if (Double.isFinite(v)) {
            out[k++] = v;
          }
        } catch (NumberFormatException notANumber) {
          // counted as missing, as documented
        }
      }
    }
    return Arrays.copyOf(out, k);
  }
}
