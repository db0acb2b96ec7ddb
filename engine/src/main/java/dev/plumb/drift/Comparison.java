package dev.plumb.drift;

import java.util.Optional;

/**
 * What comparing one present-or-absent column with its reference gives, before severity and
 * flagging. Immutable.
 *
 * @param newMissing the new rows counted as missing
 * @param psi the population stability index
 * @param test the two-sample test, when both sides have values to test
 * @param change the change most worth showing, when both sides have values
 */
record Comparison(int newMissing, double psi, Optional<DriftTest> test, Optional<Change> change) {}
