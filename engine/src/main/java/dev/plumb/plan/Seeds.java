package dev.plumb.plan;

/**
 * Derives independent child seeds from one seed and a path (repeat, fold, learner, ...), so that
 * every random choice depends only on the run's seed and on what it is for, never on thread
 * scheduling or on the order work happens to run in. Stateless.
 */
public final class Seeds {
  private Seeds() {}

  /** The seed for {@code path} under {@code seed}; different paths give unrelated seeds. */
  public static long derive(long seed, long... path) {
    long h = mix(seed ^ 0x5DEECE66DL);
    for (long p : path) {
      h = mix(h + 0x9E3779B97F4A7C15L + mix(p));
    }
    return h;
  }

  /**
   * The seed of a learner's final fit on every row (the model a command saves), under the run's
   * {@code seed}: the same whichever command fits it.
   */
  public static long fullFit(long seed, String learner) {
    return derive(seed, of(learner), 0x66756C6CL);
  }

  /** A 64-bit value for a string, for use in a seed path (e.g. a learner's spec). */
  public static long of(String s) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001B3L;
    }
    return mix(h);
  }

  /** SplitMix64's finalizer: a bijective 64-bit mix. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
