package dev.plumb.drift;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * How often one level of a categorical feature occurred in the training data. Immutable.
 *
 * @param value the level's text
 * @param count its occurrences, at least 1
 */
public record LevelCount(
    @JsonProperty(value = "value", required = true) String value,
    @JsonProperty(value = "count", required = true) int count) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException when the value is null or the count is not positive
   */
  public LevelCount {
    Objects.requireNonNull(value, "level value");
    if (count < 1) {
      throw new IllegalArgumentException("level '" + value + "' has count " + count
          + "; counts must be at least 1");
    }
  }
}
