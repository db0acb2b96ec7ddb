package dev.plumb.learn.tribuo;

import dev.plumb.data.BadInputException;
import dev.plumb.learn.LearnerSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the text hyperparameters of one spec into typed values: rejects unknown keys (naming the
 * known ones) and values that do not parse (naming what was expected). Range checks belong to the
 * settings records that use the values. Immutable.
 */
final class SpecParams {
  private final String learner;
  private final Map<String, String> given;

  /**
   * @param learner {@code library:name}, used in messages
   * @throws BadInputException when the spec has a key not in {@code known}
   */
  SpecParams(String learner, LearnerSpec spec, List<String> known) {
    this.learner = learner;
    this.given = spec.params();
    for (String key : given.keySet()) {
      if (!known.contains(key)) {
        throw new BadInputException(learner + ": unknown parameter '" + key
            + "'; known parameters: " + String.join(", ", known));
      }
    }
  }

  /** A number in {@code Double.parseDouble} syntax; ranges are checked by the caller. */
  double number(String key, double fallback, String allowed) {
    String text = given.get(key);
    if (text == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw invalid(learner, key, allowed, text);
    }
  }

  /** A whole number; ranges are checked by the caller. */
  int integer(String key, int fallback, String allowed) {
    String text = given.get(key);
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw invalid(learner, key, allowed, text);
    }
  }

  /** {@code true} or {@code false}, case-insensitive. */
  boolean bool(String key, boolean fallback) {
    String text = given.get(key);
    if (text == null) {
      return fallback;
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(learner, key, "true or false", text);
    };
  }

  /** One of the constants of {@code type}, written in lower case. */
  <E extends Enum<E>> E choice(String key, E fallback, Class<E> type) {
    String text = given.get(key);
    if (text == null) {
      return fallback;
    }
    for (E e : type.getEnumConstants()) {
      if (lower(e).equals(text.strip().toLowerCase(Locale.ROOT))) {
        return e;
      }
    }
    StringBuilder allowed = new StringBuilder("one of ");
    String sep = "";
    for (E e : type.getEnumConstants()) {
      allowed.append(sep).append(lower(e));
      sep = ", ";
    }
    throw invalid(learner, key, allowed.toString(), text);
  }

  /** The message for a value outside what {@code key} allows. */
  static BadInputException invalid(String learner, String key, String allowed, Object got) {
    return new BadInputException(learner + ": parameter " + key + " must be " + allowed + ", got '"
        + got + "'");
  }

  /** An enum constant as written in specs. */
  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  /**
   * A number as written in canonical specs: plain decimal, at least one fractional digit, so that
   * {@code 1e-4} prints as {@code 0.0001} and {@code 1} as {@code 1.0}, and the text survives
   * {@link LearnerSpec#parse}, which lower-cases everything.
   */
  static String format(double v) {
    String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    return s.contains(".") ? s : s + ".0";
  }
}
