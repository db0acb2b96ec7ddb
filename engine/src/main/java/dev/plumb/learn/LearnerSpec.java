package dev.plumb.learn;

import dev.plumb.data.BadInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a learner is: its library, its canonical name and its hyperparameters, written
 * {@code library:name(key=value,...)} on the command line and in every output. Immutable.
 *
 * @param library {@code plumb} for Plumb's own learners, {@code smile} or {@code tribuo}
 * @param name the canonical learner name, e.g. {@code random_forest}
 * @param params hyperparameters as text, in a stable order
 */
public record LearnerSpec(String library, String name, Map<String, String> params) {
  private static final Pattern SPEC =
      Pattern.compile("\\s*(?:([a-z]+)\\s*:)?\\s*([a-z_0-9]+)\\s*(?:\\((.*)\\))?\\s*");
  private static final Pattern PARAM = Pattern.compile("\\s*([a-z_0-9]+)\\s*=\\s*([^=]+?)\\s*");

  /** Copies the parameters, keeping their order. */
  public LearnerSpec {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** A spec without parameters. */
  public static LearnerSpec of(String library, String name) {
    return new LearnerSpec(library, name, Map.of());
  }

  /**
   * Parses {@code [library:]name[(key=value,...)]}; the library is empty when not given.
   *
   * @throws BadInputException with the expected form when the text does not parse
   */
  public static LearnerSpec parse(String text) {
    Matcher m = SPEC.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new BadInputException("learner '" + text + "' is not of the form"
          + " [library:]name[(key=value,...)], e.g. smile:random_forest(trees=300,max_depth=12)");
    }
    Map<String, String> params = new LinkedHashMap<>();
    String inside = m.group(3);
    if (inside != null && !inside.isBlank()) {
      for (String part : inside.split(",")) {
        Matcher p = PARAM.matcher(part);
        if (!p.matches()) {
          throw new BadInputException("learner '" + text + "': parameter '" + part.strip()
              + "' is not of the form key=value");
        }
        if (params.put(p.group(1), p.group(2)) != null) {
          throw new BadInputException("learner '" + text + "': parameter '" + p.group(1)
              + "' is given twice");
        }
      }
    }
    return new LearnerSpec(m.group(1) == null ? "" : m.group(1), m.group(2), params);
  }

  /** The same spec with these parameters added or replaced. */
  public LearnerSpec with(Map<String, String> more) {
    Map<String, String> all = new LinkedHashMap<>(params);
    all.putAll(more);
    return new LearnerSpec(library, name, all);
  }

  /** {@code library:name(key=value,...)}. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    if (!library.isEmpty()) {
      sb.append(library).append(':');
    }
    sb.append(name);
    if (!params.isEmpty()) {
      sb.append('(');
      String sep = "";
      for (Map.Entry<String, String> e : params.entrySet()) {
        sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
        sep = ",";
      }
      sb.append(')');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return text();
  }
}
