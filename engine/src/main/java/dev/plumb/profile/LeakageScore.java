package dev.plumb.profile;

import dev.plumb.data.Column;
import dev.plumb.data.NumericColumn;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

/** How well one feature alone predicts the target, on a 0-to-1 scale. Stateless. */
final class LeakageScore {
  private LeakageScore() {}

  /**
   * Normalized in-sample accuracy of predicting the majority class of each group:
   * {@code (acc - p) / (1 - p)}, where {@code p} is the overall majority share.
   */
  static double classification(int[] groups, int[] classes) {
    int g = 0;
    int k = 0;
    for (int i = 0; i < groups.length; i++) {
      g = Math.max(g, groups[i] + 1);
      k = Math.max(k, classes[i] + 1);
    }
    int[][] counts = new int[g][k];
    int[] overall = new int[k];
    for (int i = 0; i < groups.length; i++) {
      counts[groups[i]][classes[i]]++;
      overall[classes[i]]++;
    }
    long correct = 0;
    for (int[] row : counts) {
      int best = 0;
      for (int c : row) {
        best = Math.max(best, c);
      }
      correct += best;
    }
    int majority = 0;
    for (int c : overall) {
      majority = Math.max(majority, c);
    }
    double acc = (double) correct / groups.length;
    double p = (double) majority / groups.length;
    return p >= 1 ? 0 : (acc - p) / (1 - p);
  }

  /**
   * For a numeric feature, |Pearson r| over rows where both are present; for a categorical one,
   * the square root of the share of target variance explained by the group means (eta).
   */
  static double regression(Column feature, int[] groups, double[] target, int[] rows) {
    if (feature instanceof NumericColumn num) {
      int m = 0;
      double[] x = new double[rows.length];
      double[] y = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        if (!num.isMissing(rows[i])) {
          x[m] = num.get(rows[i]);
          y[m] = target[i];
          m++;
        }
      }
      if (m < 3) {
        return 0;
      }
      double r = new PearsonsCorrelation().correlation(
          java.util.Arrays.copyOf(x, m), java.util.Arrays.copyOf(y, m));
      return Double.isNaN(r) ? 0 : Math.abs(r);
    }
    int g = 0;
    for (int v : groups) {
      g = Math.max(g, v + 1);
    }
    double[] sum = new double[g];
    int[] count = new int[g];
    double total = 0;
    for (int i = 0; i < groups.length; i++) {
      sum[groups[i]] += target[i];
      count[groups[i]]++;
      total += target[i];
    }
    double mean = total / groups.length;
    double ssTotal = 0;
    double ssWithin = 0;
    for (int i = 0; i < groups.length; i++) {
      double gm = sum[groups[i]] / count[groups[i]];
      ssTotal += (target[i] - mean) * (target[i] - mean);
      ssWithin += (target[i] - gm) * (target[i] - gm);
    }
    return ssTotal == 0 ? 0 : Math.sqrt(Math.max(0, 1 - ssWithin / ssTotal));
  }
}
