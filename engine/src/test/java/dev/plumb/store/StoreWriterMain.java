package dev.plumb.store;

/**
 * A child JVM for the process tests: records runs of {@code learners} learners into a store, {@code
 * count} of them or, with a count of 0, until killed. Arguments: LOCATION COUNT LEARNERS.
 */
public final class StoreWriterMain {
  private StoreWriterMain() {}

  /** Records the runs; exits 0 when done. */
  public static void main(String[] args) {
    StoreLocation where = StoreLocation.parse(args[0]);
    int count = Integer.parseInt(args[1]);
    int learners = Integer.parseInt(args[2]);
    try (RunStore s = RunStore.open(where)) {
      for (int i = 0; count == 0 || i < count; i++) {
        s.record(SampleRuns.full(i, learners));
      }
    }
  }
}
