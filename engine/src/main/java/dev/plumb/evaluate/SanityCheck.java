package dev.plumb.evaluate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one check that the problem and the pipeline are sound. Immutable.
 *
 * @param name {@code can_overfit} or {@code beats_shuffled_labels}
 * @param passed whether it held
 * @param message one sentence: what was measured and what it means
 * @param evidence the numbers
 */
public record SanityCheck(String name, boolean passed, String message, Map<String, Object> evidence) {
  /** Copies the evidence, keeping its order. */
  public SanityCheck {
    evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
  }
}
