package dev.plumb.bench;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One candidate judged against one bound. Immutable.
 *
 * @param bound the target
 * @param measured what the candidate measured, in the bound's unit; empty when it could not be
 *     measured (the candidate failed, or the measurement was not taken)
 * @param reason why there is no measurement; present exactly when {@code measured} is empty
 * @throws IllegalArgumentException if exactly one of {@code measured} and {@code reason} is not
 *     present
 */
public record TargetCheck(Bound bound, OptionalDouble measured, Optional<String> reason) {
  /** Checks that a check has a measurement or a reason for its absence, not both. */
  public TargetCheck {
    Objects.requireNonNull(bound, "bound");
    if (measured.isPresent() == reason.isPresent()) {
      throw new IllegalArgumentException("a check has a measurement or a reason, not "
          + (measured.isPresent() ? "both" : "neither"));
    }
  }

  /** A check on a measurement. */
  static TargetCheck of(Bound bound, double measured) {
    return new TargetCheck(bound, OptionalDouble.of(measured), Optional.empty());
  }

  /** A check that fails because there is nothing to judge. */
  static TargetCheck unmeasured(Bound bound, String reason) {
    return new TargetCheck(bound, OptionalDouble.empty(), Optional.of(reason));
  }

  /** Whether the measurement meets the bound; false when there is none. */
  public boolean pass() {
    return measured.isPresent() && bound.accepts(measured.getAsDouble());
  }

  /**
   * The signed room to spare, in the bound's unit (see {@link Bound#margin(double)}): for {@code
   * max_latency_p99_ms: 2.0} and 1.5 ms measured, {@code +0.5}; for {@code min_score: 0.8} and a
   * score of 0.78, {@code -0.02}. Empty when there is no measurement.
   */
  public OptionalDouble margin() {
    return measured.isPresent() ? OptionalDouble.of(bound.margin(measured.getAsDouble()))
        : OptionalDouble.empty();
  }
}
