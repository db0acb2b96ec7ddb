package dev.plumb.evaluate;

import java.util.List;

/**
 * Counts of (actual class, predicted class) pairs, the predicted class being the most probable.
 * Immutable: the counts are copied in and out.
 *
 * @param classes class names, indexing both rows (actual) and columns (predicted)
 * @param counts {@code counts[actual][predicted]}
 */
public record ConfusionMatrix(List<String> classes, long[][] counts) {
  /** Copies. */
  public ConfusionMatrix {
    classes = List.copyOf(classes);
    long[][] copy = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      copy[i] = counts[i].clone();
    }
    counts = copy;
  }

  /** Tallies predictions. */
  public static ConfusionMatrix of(List<String> classes, int[] actual, double[][] proba) {
    int k = classes.size();
    long[][] counts = new long[k][k];
    for (int i = 0; i < actual.length; i++) {
      int best = 0;
      for (int c = 1; c < proba[i].length; c++) {
        if (proba[i][c] > proba[i][best]) {
          best = c;
        }
      }
      counts[actual[i]][best]++;
    }
    return new ConfusionMatrix(classes, counts);
  }

  @Override
  public long[][] counts() {
    long[][] copy = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      copy[i] = counts[i].clone();
    }
    return copy;
  }

  /** The element-wise sum of two matrices over the same classes. */
  public ConfusionMatrix plus(ConfusionMatrix other) {
    long[][] sum = counts();
    for (int i = 0; i < sum.length; i++) {
      for (int j = 0; j < sum.length; j++) {
        sum[i][j] += other.counts[i][j];
      }
    }
    return new ConfusionMatrix(classes, sum);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfusionMatrix m && m.classes.equals(classes)
        && java.util.Arrays.deepEquals(m.counts, counts);
  }

  @Override
  public int hashCode() {
    return 31 * classes.hashCode() + java.util.Arrays.deepHashCode(counts);
  }

  @Override
  public String toString() {
    return "ConfusionMatrix" + java.util.Arrays.deepToString(counts);
  }
}
