package dev.plumb.bench;

import dev.plumb.learn.LearnerSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The documented random-search space of each learner: for every tuned hyperparameter, a list of
 * values drawn uniformly, or a range drawn uniformly on a log scale. Learners without
 * hyperparameters worth tuning (least squares, the dummies, a stump) have an empty space.
 * Immutable.
 *
 * <table>
 *   <caption>Search spaces</caption>
 *   <tr><th>learner</th><th>space</th></tr>
 *   <tr><td>tree</td><td>max_depth in {2, 3, 4, 5, 6, 8, 10, 12, 16, 20, none}; node_size in
 *       {1, 2, 4, 8, 16, 32}</td></tr>
 *   <tr><td>random_forest</td><td>trees in {50, 100, 200, 300, 500}; max_depth in {6, 8, 12,
 *       16, 24, none}; mtry in {sqrt, log2, 0.2, 0.33, 0.5}; node_size in {1, 2, 4, 8}</td></tr>
 *   <tr><td>gradient_boosting</td><td>trees in {50, 100, 200, 400}; shrinkage log-uniform in
 *       [0.01, 0.3]; max_depth in {2, 3, 4, 5, 6}; subsample in {0.5, 0.7, 0.85, 1.0}</td></tr>
 *   <tr><td>logistic</td><td>c log-uniform in [0.001, 1000]</td></tr>
 *   <tr><td>knn</td><td>k log-uniform integer in [1, 50]</td></tr>
 *   <tr><td>ridge</td><td>alpha log-uniform in [0.001, 1000]</td></tr>
 *   <tr><td>naive_bayes</td><td>var_smoothing log-uniform in [1e-12, 0.1]</td></tr>
 *   <tr><td>one_rule</td><td>min_bucket log-uniform integer in [1, 50]</td></tr>
 * </table>
 *
 * @param dimensions the hyperparameters and how to draw them, in a fixed order
 */
public record SearchSpace(Map<String, Dimension> dimensions) {
  /** Copies, keeping the order. */
  public SearchSpace {
    dimensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
  }

  /** How one hyperparameter is drawn. */
  public sealed interface Dimension permits Choice, LogRange {
    /** One draw, as spec text. */
    String draw(SplittableRandom random);
  }

  /** One of the values, uniformly. */
  public record Choice(List<String> values) implements Dimension {
    @Override
    public String draw(SplittableRandom random) {
      return values.get(random.nextInt(values.size()));
    }
  }

  /** A number in [low, high], uniform on a log scale; rounded when {@code integer}. */
  public record LogRange(double low, double high, boolean integer) implements Dimension {
    @Override
    public String draw(SplittableRandom random) {
      double v = Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)));
      if (integer) {
        return Long.toString(Math.max((long) low, Math.min((long) high, Math.round(v))));
      }
      return String.format(Locale.ROOT, "%.4g", v).replace("e-0", "e-").replace("e+0", "e");
    }
  }

  /** Whether there is anything to tune. */
  public boolean isEmpty() {
    return dimensions.isEmpty();
  }

  /** A random setting of every dimension, applied to {@code spec}. */
  public LearnerSpec draw(LearnerSpec spec, SplittableRandom random) {
    Map<String, String> values = new LinkedHashMap<>();
    dimensions.forEach((name, d) -> values.put(name, d.draw(random)));
    return spec.with(values);
  }

  /** The space of a learner, by its canonical name (empty when there is none). */
  public static SearchSpace of(LearnerSpec spec) {
    Map<String, Dimension> d = new LinkedHashMap<>();
    switch (spec.name()) {
      case "tree" -> {
        d.put("max_depth", choice("2", "3", "4", "5", "6", "8", "10", "12", "16", "20", "none"));
        d.put("node_size", choice("1", "2", "4", "8", "16", "32"));
      }
      case "random_forest" -> {
        d.put("trees", choice("50", "100", "200", "300", "500"));
        d.put("max_depth", choice("6", "8", "12", "16", "24", "none"));
        d.put("mtry", choice("sqrt", "log2", "0.2", "0.33", "0.5"));
        d.put("node_size", choice("1", "2", "4", "8"));
      }
      case "gradient_boosting" -> {
        d.put("trees", choice("50", "100", "200", "400"));
        d.put("shrinkage", new LogRange(0.01, 0.3, false));
        d.put("max_depth", choice("2", "3", "4", "5", "6"));
        d.put("subsample", choice("0.5", "0.7", "0.85", "1.0"));
      }
      case "logistic" -> d.put("c", new LogRange(1e-3, 1e3, false));
      case "knn" -> d.put("k", new LogRange(1, 50, true));
      case "ridge" -> d.put("alpha", new LogRange(1e-3, 1e3, false));
      case "naive_bayes" -> d.put("var_smoothing", new LogRange(1e-12, 0.1, false));
      case "one_rule" -> d.put("min_bucket", new LogRange(1, 50, true));
      default -> {
        // nothing worth tuning
      }
    }
    d.keySet().retainAll(spec.params().keySet());
    return new SearchSpace(d);
  }

  private static Choice choice(String... values) {
    return new Choice(List.of(values));
  }
}
