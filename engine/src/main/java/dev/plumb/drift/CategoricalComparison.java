package dev.plumb.drift;

import dev.plumb.data.Column;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * Compares new values of a categorical feature with its level counts. Stateless.
 *
 * <p>Bins: one per kept training level, one for {@code other} (levels not kept, and levels never
 * seen in training), and one for missing values when either side has any. PSI is taken over the
 * shares of these bins. Test: Pearson's chi-squared test of homogeneity on the 2×L table of
 * training and new counts over the bins that are not empty on both sides (Commons Math's
 * {@code chiSquareTestDataSetsComparison}, L − 1 degrees of freedom, no continuity correction);
 * with fewer than two such bins the samples cannot differ, so the statistic is 0 and p is 1.
 */
final class CategoricalComparison {
  private CategoricalComparison() {}

  /** Compares; {@code column} is null when the new data lacks it (all values count as missing). */
  static Comparison compare(FeatureReference ref, Column column, int newRows) {
    List<LevelCount> levels = ref.levels();
    int other = levels.size();
    int missing = other + 1;
    Map<String, Integer> bins = new HashMap<>();
    for (int i = 0; i < levels.size(); i++) {
      bins.put(levels.get(i).value(), i);
    }
    long[] before = new long[levels.size() + 2];
    long[] after = new long[levels.size() + 2];
    for (int i = 0; i < levels.size(); i++) {
      before[i] = levels.get(i).count();
    }
    before[other] = ref.other();
    before[missing] = ref.missing();
    for (int row = 0; row < newRows; row++) {
      String text = column == null ? null : column.text(row);
      after[text == null ? missing : bins.getOrDefault(text, other)]++;
    }
    int used = before[missing] + after[missing] > 0 ? missing + 1 : missing;
    double[] expected = new double[used];
    double[] actual = new double[used];
    int biggest = 0;
    for (int i = 0; i < used; i++) {
      expected[i] = (double) before[i] / ref.rows();
      actual[i] = (double) after[i] / newRows;
      double move = Math.abs(actual[i] - expected[i]);
      if (i < missing && move > Math.abs(actual[biggest] - expected[biggest])) {
        biggest = i;
      }
    }
    Optional<Change> change = Optional.of(new Change(
        biggest == other ? "other levels" : "'" + levels.get(biggest).value() + "'",
        expected[biggest], actual[biggest]));
    return new Comparison((int) after[missing], Psi.of(expected, actual),
        Optional.of(chiSquared(before, after)), change);
  }

  private static DriftTest chiSquared(long[] before, long[] after) {
    int nonEmpty = 0;
    for (int i = 0; i < before.length; i++) {
      if (before[i] + after[i] > 0) {
        nonEmpty++;
      }
    }
    if (nonEmpty < 2) {
      return new DriftTest(DriftTest.Method.CHI2, 0, 1);
    }
    long[] b = new long[nonEmpty];
    long[] a = new long[nonEmpty];
    for (int i = 0, k = 0; i < before.length; i++) {
      if (before[i] + after[i] > 0) {
        b[k] = before[i];
        a[k++] = after[i];
      }
    }
    ChiSquareTest test = new ChiSquareTest();
    return new DriftTest(DriftTest.Method.CHI2, test.chiSquareDataSetsComparison(b, a),
        test.chiSquareTestDataSetsComparison(b, a));
  }
}
