package dev.plumb.diagnose;

import dev.plumb.data.BadInputException;
import dev.plumb.learn.LearnerSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A validation curve's plan: one hyperparameter of a learner, the values to try, and which way
 * is "more complex". Values are spec text ({@code none} means unlimited); they are tried in order
 * of increasing complexity. Immutable.
 *
 * @param parameter the hyperparameter, as in the learner's spec (e.g. {@code max_depth})
 * @param values the values, least complex first, always including the learner's own setting
 * @param higherIsMoreComplex whether a larger value means more capacity ({@code max_depth},
 *     {@code trees}, {@code c}) or less ({@code k}, {@code alpha})
 */
public record Sweep(String parameter, List<String> values, boolean higherIsMoreComplex) {
  /** Copies and checks. */
  public Sweep {
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a sweep needs values");
    }
  }

  /**
   * The default sweep of a learner's main complexity parameter, if it has one: tree depth for
   * trees and forests, boosting rounds, k of kNN, the inverse regularization c of logistic
   * regression, ridge's alpha, naive Bayes' variance smoothing and one-rule's bucket size. The
   * learner's own value is added when it is not among them.
   */
  public static Optional<Sweep> defaultFor(LearnerSpec spec) {
    Optional<Sweep> base = switch (spec.name()) {
      case "tree" -> Optional.of(new Sweep("max_depth",
          List.of("1", "2", "3", "4", "6", "8", "12", "none"), true));
      // few deep settings: they cost nearly a whole forest each
      case "random_forest" -> Optional.of(new Sweep("max_depth",
          List.of("2", "4", "8", "16", "none"), true));
      case "gradient_boosting" -> Optional.of(new Sweep("trees",
          List.of("10", "25", "50", "100", "200", "400"), true));
      case "knn" -> Optional.of(new Sweep("k",
          List.of("1", "3", "5", "9", "15", "25", "51"), false));
      case "logistic" -> Optional.of(new Sweep("c",
          List.of("0.001", "0.01", "0.1", "1.0", "10.0", "100.0"), true));
      case "ridge" -> Optional.of(new Sweep("alpha",
          List.of("0.01", "0.1", "1.0", "10.0", "100.0", "1000.0"), false));
      case "naive_bayes" -> Optional.of(new Sweep("var_smoothing",
          List.of("1.0e-9", "1.0e-6", "1.0e-3", "0.01", "0.1", "1.0"), false));
      case "one_rule" -> Optional.of(new Sweep("min_bucket",
          List.of("1", "3", "6", "12", "25", "50"), false));
      default -> Optional.empty();
    };
    return base.filter(s -> spec.params().containsKey(s.parameter))
        .map(s -> s.including(spec.params().get(s.parameter)));
  }

  /**
   * A user's sweep, {@code name=v1,v2,...}, for a learner whose spec has that parameter; the
   * direction is the default sweep's, or "higher is more complex" for a parameter without one.
   *
   * @throws BadInputException when the text is malformed
   */
  public static Optional<Sweep> parse(String text, LearnerSpec spec) {
    int eq = text.indexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new BadInputException("--sweep '" + text + "' must look like name=v1,v2,..., e.g."
          + " max_depth=2,4,8,none");
    }
    String name = text.substring(0, eq).strip();
    if (!spec.params().containsKey(name)) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    for (String v : text.substring(eq + 1).split(",")) {
      if (!v.isBlank()) {
        values.add(v.strip());
      }
    }
    if (values.isEmpty()) {
      throw new BadInputException("--sweep '" + text + "' lists no values");
    }
    boolean higher = defaultFor(spec).filter(s -> s.parameter.equals(name))
        .map(Sweep::higherIsMoreComplex).orElse(true);
    return Optional.of(new Sweep(name, values, higher).including(spec.params().get(name)));
  }

  /** This sweep with {@code current} added if missing, sorted by complexity. */
  Sweep including(String current) {
    List<String> all = new ArrayList<>(values);
    if (all.stream().noneMatch(v -> same(v, current))) {
      all.add(current);
    }
    Comparator<String> byValue = Comparator.comparingDouble(Sweep::numeric);
    all.sort(higherIsMoreComplex ? byValue : byValue.reversed());
    List<String> distinct = new ArrayList<>();
    for (String v : all) {
      if (distinct.stream().noneMatch(d -> same(d, v))) {
        distinct.add(v);
      }
    }
    return new Sweep(parameter, distinct, higherIsMoreComplex);
  }

  /** The position of {@code value} among the values, or -1. */
  public int indexOf(String value) {
    for (int i = 0; i < values.size(); i++) {
      if (same(values.get(i), value)) {
        return i;
      }
    }
    return -1;
  }

  /** The spec with the parameter set to the {@code i}-th value. */
  public LearnerSpec apply(LearnerSpec spec, int i) {
    return spec.with(Map.of(parameter, values.get(i)));
  }

  static boolean same(String a, String b) {
    double x = numeric(a);
    double y = numeric(b);
    return Double.isNaN(x) || Double.isNaN(y) ? a.equalsIgnoreCase(b) : x == y;
  }

  /** The value as a number; {@code none} (unlimited) is infinity; other text is NaN. */
  static double numeric(String v) {
    String t = v.strip().toLowerCase(Locale.ROOT);
    if (t.equals("none")) {
      return Double.POSITIVE_INFINITY;
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
