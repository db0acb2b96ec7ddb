package dev.plumb.learn.smile;

import dev.plumb.data.BadInputException;
import dev.plumb.learn.LearnerSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Reads the text parameters of one spec against the keys its learner knows, checking each value,
 * and writes the full spec back with every default spelled out in a canonical form (so that
 * {@code trees=0300} and {@code trees=300} give the same spec text). Keys are read in the order the
 * learner declares them, which is the order of the full spec. Not thread-safe: one per
 * {@code create} call.
 */
final class ParamReader {
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(e[+-]?\\d+)?");

  private final String learner;
  private final Map<String, String> given;
  private final List<String> known;
  private final Map<String, String> full = new LinkedHashMap<>();

  /**
   * A reader for {@code spec}, whose learner knows {@code known} keys.
   *
   * @throws BadInputException for a key not in {@code known}, listing the known ones
   */
  ParamReader(LearnerSpec spec, List<String> known) {
    this.learner = "smile:" + spec.name();
    this.given = spec.params();
    this.known = known;
    for (String key : given.keySet()) {
      if (!known.contains(key)) {
        throw new BadInputException(learner + ": unknown parameter '" + key + "'; "
            + (known.isEmpty() ? "it takes no parameters"
                : "its parameters are " + String.join(", ", known)));
      }
    }
  }

  /** An integer in {@code [min, max]}. */
  int integer(String key, int fallback, int min, int max) {
    String text = text(key);
    int value = text == null ? fallback : parseInt(key, text, min, max, "an integer in "
        + closed(min, max));
    full.put(key, Integer.toString(value));
    return value;
  }

  /** {@code none} (no limit) or an integer in {@code [min, max]}. */
  OptionalInt limit(String key, OptionalInt fallback, int min, int max) {
    String text = text(key);
    OptionalInt value;
    if (text == null) {
      value = fallback;
    } else if (text.equals("none")) {
      value = OptionalInt.empty();
    } else {
      value = OptionalInt.of(parseInt(key, text, min, max, "'none' or an integer in "
          + closed(min, max)));
    }
    full.put(key, value.isPresent() ? Integer.toString(value.getAsInt()) : "none");
    return value;
  }

  /**
   * A finite number in the interval from {@code min} to {@code max}; {@code minOpen} and
   * {@code maxOpen} exclude the ends.
   */
  double real(String key, double fallback, double min, boolean minOpen, double max,
      boolean maxOpen) {
    String text = text(key);
    double value = fallback;
    if (text != null) {
      String range = "a number in " + (minOpen ? "(" : "[") + number(min) + ", " + number(max)
          + (maxOpen ? ")" : "]");
      if (!DECIMAL.matcher(text).matches()) {
        throw bad(key, text, range);
      }
      value = Double.parseDouble(text);
      boolean below = minOpen ? value <= min : value < min;
      boolean above = maxOpen ? value >= max : value > max;
      if (!Double.isFinite(value) || below || above) {
        throw bad(key, text, range);
      }
    }
    full.put(key, number(value));
    return value;
  }

  /** How many features a forest tries at each split. */
  Mtry mtry(String key, Mtry fallback) {
    String text = text(key);
    Mtry value = text == null ? fallback : Mtry.parse(text).orElseThrow(() -> bad(key, text,
        "sqrt, log2, all, a count of features >= 1, or a fraction of them in (0, 1]"));
    full.put(key, value.text());
    return value;
  }

  /**
   * The full spec: library {@code smile}, {@code name}, every known key with its value.
   *
   * @throws IllegalStateException when the learner did not read every key it declared
   */
  LearnerSpec spec(String name) {
    if (!List.copyOf(full.keySet()).equals(known)) {
      throw new IllegalStateException(learner + " read " + full.keySet() + ", declared " + known);
    }
    return new LearnerSpec("smile", name, full);
  }

  private String text(String key) {
    String text = given.get(key);
    return text == null ? null : text.strip().toLowerCase(Locale.ROOT);
  }

  private int parseInt(String key, String text, int min, int max, String range) {
    if (!INTEGER.matcher(text).matches()) {
      throw bad(key, text, range);
    }
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw bad(key, text, range);
    }
    if (value < min || value > max) {
      throw bad(key, text, range);
    }
    return (int) value;
  }

  private BadInputException bad(String key, String text, String range) {
    return new BadInputException(learner + ": " + key + " must be " + range + ", got '" + text
        + "'");
  }

  private static String closed(int min, int max) {
    return "[" + min + ", " + max + "]";
  }

  /** The canonical text of a number: Java's shortest round-trip form, lower case. */
  static String number(double v) {
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return Double.toString(v).toLowerCase(Locale.ROOT);
  }
}
