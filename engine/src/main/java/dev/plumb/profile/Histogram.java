package dev.plumb.profile;

import java.util.Arrays;

/**
 * Counts of values in consecutive bins; bin {@code i} spans {@code [edges[i], edges[i+1])}, the
 * last bin closed. Immutable: arrays are copied in and out.
 */
public record Histogram(double[] edges, long[] counts) {
  /** Checks shape and copies. */
  public Histogram {
    if (edges.length != counts.length + 1) {
      throw new IllegalArgumentException("need one more edge than counts");
    }
    edges = edges.clone();
    counts = counts.clone();
  }

  @Override
  public double[] edges() {
    return edges.clone();
  }

  @Override
  public long[] counts() {
    return counts.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Histogram h && Arrays.equals(edges, h.edges) && Arrays.equals(counts, h.counts);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(edges) + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "Histogram" + Arrays.toString(counts);
  }
}
