package dev.plumb.bench;

/**
 * Percentiles of the time to predict one row, measured after warm-up, in milliseconds. Immutable.
 *
 * @param p50Ms median
 * @param p90Ms 90th percentile
 * @param p99Ms 99th percentile
 * @param maxMs slowest observed
 * @throws IllegalArgumentException if a value is negative or not finite, or the percentiles are not
 *     in increasing order
 */
public record Latency(double p50Ms, double p90Ms, double p99Ms, double maxMs) {
  /** Checks the values. */
  public Latency {
    if (!(p50Ms >= 0 && Double.isFinite(maxMs) && p50Ms <= p90Ms && p90Ms <= p99Ms
        && p99Ms <= maxMs)) {
      throw new IllegalArgumentException("latency percentiles must be finite, non-negative and"
          + " increasing, got p50 " + p50Ms + ", p90 " + p90Ms + ", p99 " + p99Ms + ", max "
          + maxMs + " ms");
    }
  }
}
