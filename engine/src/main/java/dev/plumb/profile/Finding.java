package dev.plumb.profile;

import java.util.Map;
import java.util.Optional;

/**
 * One problem found in the data, with the numbers behind it. Immutable.
 *
 * @param kind what was found
 * @param severity how much it matters
 * @param column the column concerned, if one
 * @param message one sentence for a person: what, how much, what to do
 * @param evidence the numbers behind it, for scripts (values are numbers, strings or lists)
 */
public record Finding(
    FindingKind kind,
    Severity severity,
    Optional<String> column,
    String message,
    Map<String, Object> evidence) {

  /** Defensive copy; keeps insertion order. */
  public Finding {
    evidence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
  }
}
