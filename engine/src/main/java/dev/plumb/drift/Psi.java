package dev.plumb.drift;

/**
 * The population stability index of two distributions over the same bins:
 * PSI = Σ (a − e)·ln(a / e), with e the expected (training) share and a the actual (new) share of
 * each bin (Siddiqi 2006, ch. 8; Yurdakul 2018). Shares below {@value #FLOOR} are raised to it so
 * that an empty bin on one side gives a large but finite term instead of infinity; the shares are
 * not renormalized afterwards. Stateless.
 */
final class Psi {
  /** The smallest share used in the logarithm. */
  static final double FLOOR = 1e-4;

  private Psi() {}

  /** The PSI of {@code actual} against {@code expected}; both are shares per bin. */
  static double of(double[] expected, double[] actual) {
    if (expected.length != actual.length) {
      throw new IllegalArgumentException(
          expected.length + " expected shares but " + actual.length + " actual ones");
    }
    double sum = 0;
    for (int i = 0; i < expected.length; i++) {
      double e = Math.max(expected[i], FLOOR);
      double a = Math.max(actual[i], FLOOR);
      sum += (a - e) * Math.log(a / e);
    }
    return sum;
  }
}
