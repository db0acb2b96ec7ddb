package dev.plumb.bench;

/**
 * One target of a targets file: a kind of bound and its limit, e.g. {@code max_latency_p99_ms:
 * 2.0}. Bounds are inclusive: a measurement equal to the limit passes. Immutable.
 *
 * @param kind which measurement is bounded, and in which direction
 * @param limit the limit, in the kind's unit
 * @throws IllegalArgumentException if the limit is not finite
 */
public record Bound(TargetKind kind, double limit) {
  /** Checks the limit. */
  public Bound {
    if (!Double.isFinite(limit)) {
      throw new IllegalArgumentException(kind.key() + " must be finite, got " + limit);
    }
  }

  /**
   * How much room a measurement leaves, in the kind's unit: {@code limit - measured} for an upper
   * bound, {@code measured - limit} for a lower bound. Positive means room to spare, negative
   * means how far it misses; zero passes.
   */
  public double margin(double measured) {
    return kind.isUpperBound() ? limit - measured : measured - limit;
  }

  /** Whether a measurement meets the bound (the margin is at least zero). */
  public boolean accepts(double measured) {
    return kind.isUpperBound() ? measured <= limit : measured >= limit;
  }

  /** The bound as in the file, e.g. {@code max_latency_p99_ms: 2.0}. */
  @Override
  public String toString() {
    return kind.key() + ": " + (kind.isWholeNumber() ? Long.toString((long) limit) : limit);
  }
}
