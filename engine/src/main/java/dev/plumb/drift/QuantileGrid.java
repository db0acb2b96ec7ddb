package dev.plumb.drift;

import java.util.ArrayList;
import java.util.List;

/**
 * The training distribution of a numeric feature as its 101 quantiles at 0%, 1%, ..., 100%, and the
 * distribution function they imply: F(q_k) = k/100 with linear interpolation between grid points,
 * 0 below q_0 and 1 from q_100 on. Where quantiles tie, F jumps there. Immutable, thread-safe.
 */
final class QuantileGrid {
  /** Grid points: 0%, 1%, ..., 100%. */
  static final int SIZE = 101;

  private final double[] q;

  QuantileGrid(List<Double> quantiles) {
    this.q = quantiles.stream().mapToDouble(Double::doubleValue).toArray();
    if (q.length != SIZE) {
      throw new IllegalArgumentException("expected " + SIZE + " quantiles, got " + q.length);
    }
  }

  /**
   * The quantile grid of {@code sorted} (ascending, no NaN, not empty), by Hyndman and Fan's
   * definition 1, the inverse of the empirical distribution function: Q(p) is the smallest value
   * with at least a share p of the values at or below it, x[⌈np⌉] on 1-based order statistics, and
   * Q(0) the minimum (numpy's {@code quantile(..., method="inverted_cdf")}; Hyndman and Fan,
   * "Sample quantiles in statistical packages", The American Statistician 50(4), 1996). Unlike
   * interpolating definitions it only returns values that occurred, so the decile cut points of
   * integer or heavily tied features fall on the values themselves and F(q_k) is the empirical
   * distribution function there, to within 1/n.
   */
  static List<Double> of(double[] sorted) {
    List<Double> out = new ArrayList<>(SIZE);
    for (int k = 0; k < SIZE; k++) {
      out.add(quantile(sorted, k));
    }
    return out;
  }

  /** The definition-1 quantile at {@code percent}% (0 to 100) of a non-empty ascending array. */
  static double quantile(double[] sorted, int percent) {
    long rank = ((long) sorted.length * percent + 99) / 100; // ⌈n·p⌉ in exact arithmetic
    return sorted[(int) Math.max(0, rank - 1)];
  }

  /** The quantile at {@code percent}%, 0 to 100. */
  double at(int percent) {
    return q[percent];
  }

  /** F(x): the share of training values at or below {@code x}. */
  double cdf(double x) {
    int k = lastAtOrBelow(x);
    if (k < 0) {
      return 0;
    }
    if (k == SIZE - 1) {
      return 1;
    }
    return (k + (x - q[k]) / (q[k + 1] - q[k])) / 100.0;
  }

  /** F(x−): the share of training values below {@code x}. */
  double cdfBelow(double x) {
    int k = lastAtOrBelow(Math.nextDown(x)) + 1; // first grid point at or above x
    if (k == 0) {
      return 0;
    }
    if (k == SIZE) {
      return 1;
    }
    return (k - 1 + (x - q[k - 1]) / (q[k] - q[k - 1])) / 100.0;
  }

  /**
   * The Kolmogorov–Smirnov distance sup |F_new − F| between the empirical distribution of
   * {@code sorted} (ascending, non-empty) and this grid's F. Between the new values and the grid
   * points F_new is constant and F monotone, so both one-sided limits at those points suffice.
   */
  double ksDistance(double[] sorted) {
    double m = sorted.length;
    double d = 0;
    for (int i = 0; i < sorted.length; ) {
      int j = i;
      while (j < sorted.length && sorted[j] == sorted[i]) {
        j++;
      }
      d = Math.max(d, Math.abs(i / m - cdfBelow(sorted[i])));
      d = Math.max(d, Math.abs(j / m - cdf(sorted[i])));
      i = j;
    }
    for (double x : q) {
      d = Math.max(d, Math.abs(countBelow(sorted, x) / m - cdfBelow(x)));
      d = Math.max(d, Math.abs(countBelow(sorted, Math.nextUp(x)) / m - cdf(x)));
    }
    return d;
  }

  /** The number of values in {@code sorted} strictly below {@code x}. */
  static int countBelow(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private int lastAtOrBelow(double x) {
    return countBelow(q, Math.nextUp(x)) - 1;
  }
}
