package dev.plumb.spark;

import dev.plumb.data.BadInputException;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.plan.Task;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.ml.Predictor;
import org.apache.spark.ml.classification.DecisionTreeClassifier;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.NaiveBayes;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.ml.regression.DecisionTreeRegressor;
import org.apache.spark.ml.regression.GBTRegressor;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.RandomForestRegressor;

/**
 * Plumb's learner names in data-parallel mode: MLlib estimators for the model learners, the
 * dummies as aggregations, and the learners MLlib lacks reported with the reason. Hyperparameters
 * read from a spec: {@code max_depth} (trees; default 10 here, as MLlib caps depth at 30) and
 * {@code trees} (forests and boosting; default 50). Stateless.
 */
final class MllibLearners {
  /** What data-parallel mode does for one learner. */
  sealed interface Plan permits Mllib, Dummy, Unsupported {}

  /** An MLlib estimator, on {@code _features} and {@code _label}. */
  record Mllib(String spec, Predictor<?, ?, ?> estimator) implements Plan {}

  /** An input-independent learner computed by aggregation. */
  record Dummy(String spec, String name) implements Plan {}

  /** A learner this mode cannot run, and why. */
  record Unsupported(String spec, String reason) implements Plan {}

  private MllibLearners() {}

  static Plan of(String text, Task task, long seed) {
    LearnerSpec spec = LearnerSpec.parse(text);
    Map<String, String> p = spec.params();
    // "none" (the engine's unlimited depth) is MLlib's deepest tree
    int depth = Math.min(30, intParam(text, p, "max_depth", 10));
    int trees = intParam(text, p, "trees", 50);
    String name = spec.name();
    String label = "spark:" + name;
    boolean classes = task.isClassification();
    Optional<Predictor<?, ?, ?>> est = Optional.empty();
    switch (name) {
      case "majority", "stratified", "uniform" -> {
        return classes ? new Dummy(label, name) : wrongTask(label, name, task);
      }
      case "mean", "median" -> {
        return classes ? wrongTask(label, name, task) : new Dummy(label, name);
      }
      case "logistic" -> est = classes ? Optional.of(new LogisticRegression().setMaxIter(100))
          : Optional.empty();
      case "naive_bayes" -> est = classes
          ? Optional.of(new NaiveBayes().setModelType("gaussian")) : Optional.empty();
      case "linear" -> est = classes ? Optional.empty()
          : Optional.of(new LinearRegression().setMaxIter(100));
      case "ridge" -> est = classes ? Optional.empty() : Optional.of(new LinearRegression()
          .setMaxIter(100).setElasticNetParam(0).setRegParam(
              Double.parseDouble(p.getOrDefault("lambda", "1.0"))));
      case "stump" -> est = Optional.of(classes
          ? new DecisionTreeClassifier().setMaxDepth(1).setSeed(seed)
          : new DecisionTreeRegressor().setMaxDepth(1).setSeed(seed));
      case "tree" -> est = Optional.of(classes
          ? new DecisionTreeClassifier().setMaxDepth(depth).setSeed(seed)
          : new DecisionTreeRegressor().setMaxDepth(depth).setSeed(seed));
      case "random_forest" -> est = Optional.of(classes
          ? new RandomForestClassifier().setNumTrees(trees).setMaxDepth(depth).setSeed(seed)
          : new RandomForestRegressor().setNumTrees(trees).setMaxDepth(depth).setSeed(seed));
      case "gradient_boosting" -> {
        if (task == Task.MULTICLASS) {
          return new Unsupported(label, "MLlib's gradient-boosted trees are binary only; run it"
              + " with --mode task");
        }
        est = Optional.of(classes
            ? new GBTClassifier().setMaxIter(trees).setMaxDepth(Math.min(depth, 5)).setSeed(seed)
            : new GBTRegressor().setMaxIter(trees).setMaxDepth(Math.min(depth, 5)).setSeed(seed));
      }
      case "knn", "one_rule" -> {
        return new Unsupported(label, "MLlib has no " + (name.equals("knn")
            ? "k-nearest-neighbours" : "one-rule") + " learner, so data-parallel mode cannot run"
            + " '" + name + "'; run it with --mode task (task-parallel, Plumb's own learner)");
      }
      default -> {
        return new Unsupported(label, "data-parallel mode has no MLlib version of '" + name
            + "'; run it with --mode task");
      }
    }
    if (est.isEmpty()) {
      return wrongTask(label, name, task);
    }
    Predictor<?, ?, ?> e = est.get();
    e.set(e.featuresCol(), "_features");
    e.set(e.labelCol(), "_label");
    return new Mllib(label + settings(name, depth, trees, p), e);
  }

  /** The settings MLlib runs with, for the spec a report shows (not the engine's). */
  private static String settings(String name, int depth, int trees, Map<String, String> p) {
    return switch (name) {
      case "logistic", "linear" -> "(max_iter=100)";
      case "ridge" -> "(max_iter=100,lambda=" + p.getOrDefault("lambda", "1.0") + ")";
      case "naive_bayes" -> "(model=gaussian)";
      case "stump" -> "(max_depth=1)";
      case "tree" -> "(max_depth=" + depth + ")";
      case "random_forest" -> "(trees=" + trees + ",max_depth=" + depth + ")";
      case "gradient_boosting" -> "(trees=" + trees + ",max_depth=" + Math.min(depth, 5) + ")";
      default -> "";
    };
  }

  private static int intParam(String text, Map<String, String> p, String name, int otherwise) {
    String v = p.get(name);
    if (v == null) {
      return otherwise;
    }
    if (v.equals("none")) {
      return Integer.MAX_VALUE;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new BadInputException("learner '" + text + "': " + name + " must be a whole number"
          + " or none, got '" + v + "'");
    }
  }

  private static Unsupported wrongTask(String label, String name, Task task) {
    return new Unsupported(label, "'" + name + "' is not a " + task.label() + " learner");
  }
}
