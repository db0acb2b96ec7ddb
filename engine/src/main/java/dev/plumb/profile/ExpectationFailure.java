package dev.plumb.profile;

import java.util.List;
import java.util.Optional;

/**
 * One expectation that new data broke. Immutable.
 *
 * @param check which expectation: {@code rows}, {@code columns}, {@code type},
 *     {@code max_missing_share}, {@code min}, {@code max}, {@code earliest}, {@code latest},
 *     {@code allowed_values}, {@code unique}
 * @param column the column, when the expectation is about one
 * @param message one sentence: what was expected, what was found
 * @param count how many values (or rows) broke it
 * @param examples a few offending values with their data rows
 */
public record ExpectationFailure(
    String check, Optional<String> column, String message, long count, List<String> examples) {
  /** Defensive copy. */
  public ExpectationFailure {
    examples = List.copyOf(examples);
  }
}
