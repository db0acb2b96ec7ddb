package dev.plumb.evaluate;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The computations behind {@link Metric}, on inputs already checked by {@link
 * #checkClassification} or {@link #checkRegression}. Each method allocates a few arrays per call
 * (of the number of classes, or of the rows for ROC AUC) and nothing per row. Stateless and
 * thread-safe.
 */
final class Metrics {
  /** Log loss clips probabilities to {@code [EPS, 1 - EPS]}, as scikit-learn's {@code eps}. */
  static final double LOG_LOSS_EPS = 1e-15;

  private Metrics() {}

  static void checkClassification(int[] actual, double[][] proba) {
    if (actual.length != proba.length) {
      throw new IllegalArgumentException(
          actual.length + " true classes but " + proba.length + " probability rows");
    }
    if (actual.length == 0) {
      throw new IllegalArgumentException("no rows to score");
    }
    int k = proba[0].length;
    if (k < 2) {
      throw new IllegalArgumentException("probability rows need at least 2 columns, got " + k);
    }
    for (int i = 0; i < actual.length; i++) {
      double[] row = proba[i];
      if (row.length != k) {
        throw new IllegalArgumentException(
            "probability row " + i + " has " + row.length + " columns, row 0 has " + k);
      }
      if (actual[i] < 0 || actual[i] >= k) {
        throw new IllegalArgumentException(
            "true class of row " + i + " is " + actual[i] + ", outside [0, " + k + ")");
      }
      for (int c = 0; c < k; c++) {
        if (!Double.isFinite(row[c])) {
          throw new IllegalArgumentException(
              "probability of class " + c + " in row " + i + " is " + row[c]);
        }
      }
    }
  }

  static void checkRegression(double[] actual, double[] predicted) {
    if (actual.length != predicted.length) {
      throw new IllegalArgumentException(
          actual.length + " true values but " + predicted.length + " predictions");
    }
    if (actual.length == 0) {
      throw new IllegalArgumentException("no rows to score");
    }
    for (int i = 0; i < actual.length; i++) {
      if (!Double.isFinite(actual[i]) || !Double.isFinite(predicted[i])) {
        throw new IllegalArgumentException(
            "row " + i + " has true value " + actual[i] + " and prediction " + predicted[i]);
      }
    }
  }

  /** The column with the largest probability; the lowest index among ties. */
  static int argmax(double[] row) {
    int best = 0;
    for (int c = 1; c < row.length; c++) {
      if (row[c] > row[best]) {
        best = c;
      }
    }
    return best;
  }

  static double accuracy(int[] actual, double[][] proba) {
    int correct = 0;
    for (int i = 0; i < actual.length; i++) {
      if (argmax(proba[i]) == actual[i]) {
        correct++;
      }
    }
    return (double) correct / actual.length;
  }

  /** Counts per class: index 0 true positives, 1 true rows, 2 predicted rows. */
  private static long[][] counts(int[] actual, double[][] proba) {
    int k = proba[0].length;
    long[][] counts = new long[3][k];
    for (int i = 0; i < actual.length; i++) {
      int predicted = argmax(proba[i]);
      counts[1][actual[i]]++;
      counts[2][predicted]++;
      if (predicted == actual[i]) {
        counts[0][predicted]++;
      }
    }
    return counts;
  }

  static double balancedAccuracy(int[] actual, double[][] proba) {
    long[][] counts = counts(actual, proba);
    return balancedAccuracy(counts[0], counts[1]);
  }

  /** Balanced accuracy from the hits and true rows of each class. */
  static double balancedAccuracy(long[] hits, long[] truth) {
    double sum = 0;
    int present = 0;
    for (int c = 0; c < hits.length; c++) {
      if (truth[c] > 0) {
        sum += (double) hits[c] / truth[c];
        present++;
      }
    }
    return sum / present;
  }

  static double f1Macro(int[] actual, double[][] proba) {
    long[][] counts = counts(actual, proba);
    return f1Macro(counts[0], counts[1], counts[2]);
  }

  /** Macro F1 from the hits, true rows and predicted rows of each class. */
  static double f1Macro(long[] hits, long[] truth, long[] predicted) {
    double sum = 0;
    int labels = 0;
    for (int c = 0; c < hits.length; c++) {
      if (truth[c] + predicted[c] > 0) {
        // 2PR / (P + R) simplifies to 2 TP / (true + predicted); 0 when TP = 0, as scikit-learn
        sum += 2.0 * hits[c] / (truth[c] + predicted[c]);
        labels++;
      }
    }
    return sum / labels;
  }

  static double logLoss(int[] actual, double[][] proba) {
    double hi = 1 - LOG_LOSS_EPS;
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      double[] row = proba[i];
      double rowSum = 0;
      for (double p : row) {
        rowSum += Math.min(hi, Math.max(LOG_LOSS_EPS, p));
      }
      double p = Math.min(hi, Math.max(LOG_LOSS_EPS, row[actual[i]]));
      sum -= Math.log(p / rowSum);
    }
    return sum / actual.length;
  }

  static double brier(int[] actual, double[][] proba) {
    int k = proba[0].length;
    double sum = 0;
    if (k == 2) {
      for (int i = 0; i < actual.length; i++) {
        double d = proba[i][1] - actual[i];
        sum += d * d;
      }
    } else {
      for (int i = 0; i < actual.length; i++) {
        double[] row = proba[i];
        for (int c = 0; c < k; c++) {
          double d = row[c] - (c == actual[i] ? 1 : 0);
          sum += d * d;
        }
      }
    }
    return sum / actual.length;
  }

  static OptionalDouble rocAuc(int[] actual, double[][] proba) {
    int n = actual.length;
    int k = proba[0].length;
    int[] perClass = new int[k];
    for (int y : actual) {
      perClass[y]++;
    }
    // Scratch arrays shared by every class: one sort per class, no per-row allocation.
    double[] positives = new double[n];
    double[] negatives = new double[n];
    if (k == 2) {
      return binaryAuc(actual, proba, 1, perClass[1], positives, negatives);
    }
    double sum = 0;
    int scored = 0;
    for (int c = 0; c < k; c++) {
      if (perClass[c] == 0) {
        continue;
      }
      OptionalDouble auc = binaryAuc(actual, proba, c, perClass[c], positives, negatives);
      if (auc.isEmpty()) {
        return OptionalDouble.empty(); // class c is the only class present
      }
      sum += auc.getAsDouble();
      scored++;
    }
    return scored < 2 ? OptionalDouble.empty() : OptionalDouble.of(sum / scored);
  }

  /** AUC of column {@code c} for "class c" against the rest; empty unless both are present. */
  private static OptionalDouble binaryAuc(
      int[] actual, double[][] proba, int c, int positiveCount, double[] pos, double[] neg) {
    int negativeCount = actual.length - positiveCount;
    if (positiveCount == 0 || negativeCount == 0) {
      return OptionalDouble.empty();
    }
    int p = 0;
    int q = 0;
    for (int i = 0; i < actual.length; i++) {
      if (actual[i] == c) {
        pos[p++] = proba[i][c];
      } else {
        neg[q++] = proba[i][c];
      }
    }
    return OptionalDouble.of(aucOfSorted(pos, positiveCount, neg, negativeCount));
  }

  /**
   * The Mann–Whitney U statistic divided by the number of (positive, negative) pairs: each pair
   * scores 1 when the positive is ranked higher and 1/2 when tied, which equals the rank-sum
   * formula with midranks. Sorts the first {@code np} and {@code nn} entries in place; counts in
   * half-units with {@code long} so the sum is exact.
   */
  static double aucOfSorted(double[] pos, int np, double[] neg, int nn) {
    Arrays.sort(pos, 0, np);
    Arrays.sort(neg, 0, nn);
    long twiceU = 0;
    int below = 0; // negatives strictly below the current positive
    int notAbove = 0; // negatives at or below it
    for (int i = 0; i < np; i++) {
      double s = pos[i];
      while (below < nn && neg[below] < s) {
        below++;
      }
      if (notAbove < below) {
        notAbove = below;
      }
      while (notAbove < nn && neg[notAbove] <= s) {
        notAbove++;
      }
      twiceU += below + (long) notAbove;
    }
    return twiceU / (2.0 * np * nn);
  }

  static double rmse(double[] actual, double[] predicted) {
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      double d = predicted[i] - actual[i];
      sum += d * d;
    }
    return Math.sqrt(sum / actual.length);
  }

  static double mae(double[] actual, double[] predicted) {
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      sum += Math.abs(predicted[i] - actual[i]);
    }
    return sum / actual.length;
  }

  static OptionalDouble r2(double[] actual, double[] predicted) {
    // Test equality directly: the mean of equal values can differ from them in the last bit,
    // which would make SS_tot a tiny positive number and R² meaningless rather than undefined.
    boolean constant = true;
    double mean = 0;
    for (double y : actual) {
      constant &= y == actual[0];
      mean += y;
    }
    if (constant) {
      return OptionalDouble.empty();
    }
    mean /= actual.length;
    double ssRes = 0;
    double ssTot = 0;
    for (int i = 0; i < actual.length; i++) {
      double r = actual[i] - predicted[i];
      double t = actual[i] - mean;
      ssRes += r * r;
      ssTot += t * t;
    }
    return OptionalDouble.of(1 - ssRes / ssTot);
  }
}
