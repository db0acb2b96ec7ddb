package dev.plumb.learn;

import dev.plumb.data.BadInputException;
import dev.plumb.learn.simple.SimpleLearners;
import dev.plumb.learn.smile.SmileLearners;
import dev.plumb.learn.tribuo.TribuoLearners;
import dev.plumb.plan.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves learner specs to learners, and knows the default baseline ladder. A spec without a
 * library goes to the library that implements that canonical name by default: Plumb for the
 * dummies, one-rule and nearest neighbours, Tribuo for the linear classifier, Smile for naive
 * Bayes, least squares and the trees and ensembles. Stateless and thread-safe.
 */
public final class LearnerCatalog {
  private static final Map<String, LearnerFactory> LIBRARIES = new LinkedHashMap<>();

  static {
    for (LearnerFactory f : List.of(new SimpleLearners(), new SmileLearners(), new TribuoLearners())) {
      LIBRARIES.put(f.library(), f);
    }
  }

  /** The ladder for classification: name and default library, simplest first. */
  private static final List<String[]> CLASSIFICATION = List.of(
      new String[] {"majority", "plumb"},
      new String[] {"stratified", "plumb"},
      new String[] {"uniform", "plumb"},
      new String[] {"one_rule", "plumb"},
      new String[] {"naive_bayes", "smile"},
      new String[] {"logistic", "tribuo"},
      new String[] {"knn", "plumb"},
      new String[] {"stump", "smile"},
      new String[] {"tree", "smile"},
      new String[] {"random_forest", "smile"},
      new String[] {"gradient_boosting", "smile"});

  /** The ladder for regression. */
  private static final List<String[]> REGRESSION = List.of(
      new String[] {"mean", "plumb"},
      new String[] {"median", "plumb"},
      new String[] {"linear", "smile"},
      new String[] {"ridge", "smile"},
      new String[] {"knn", "plumb"},
      new String[] {"tree", "smile"},
      new String[] {"random_forest", "smile"},
      new String[] {"gradient_boosting", "smile"});

  private LearnerCatalog() {}

  /** Every learner of the default ladder for {@code task}, with default hyperparameters. */
  public static List<Learner> ladder(Task task) {
    List<Learner> out = new ArrayList<>();
    for (String[] entry : ladderOf(task)) {
      out.add(LIBRARIES.get(entry[1]).create(LearnerSpec.of(entry[1], entry[0]), task));
    }
    return out;
  }

  /** The canonical learner names of the ladder for {@code task}. */
  public static List<String> names(Task task) {
    return ladderOf(task).stream().map(e -> e[0]).toList();
  }

  /**
   * The learner for a spec such as {@code random_forest}, {@code smile:random_forest(trees=300)}
   * or {@code tribuo:logistic}.
   *
   * @throws BadInputException for an unknown library, name or parameter
   */
  public static Learner resolve(LearnerSpec spec, Task task) {
    String library = spec.library();
    if (library.isEmpty()) {
      library = ladderOf(task).stream().filter(e -> e[0].equals(spec.name())).map(e -> e[1])
          .findFirst().orElseGet(() -> LIBRARIES.values().stream()
              .filter(f -> f.names(task).contains(spec.name())).map(LearnerFactory::library)
              .findFirst().orElseThrow(() -> new BadInputException("unknown " + task.label()
                  + " learner '" + spec.name() + "'; known: "
                  + String.join(", ", names(task)))));
    }
    LearnerFactory factory = LIBRARIES.get(library);
    if (factory == null) {
      throw new BadInputException("unknown library '" + library + "' in learner '" + spec.text()
          + "'; libraries: " + String.join(", ", LIBRARIES.keySet()));
    }
    if (!factory.names(task).contains(spec.name())) {
      throw new BadInputException("library " + library + " has no " + task.label() + " learner '"
          + spec.name() + "'; it has " + String.join(", ", factory.names(task)));
    }
    return factory.create(spec, task);
  }

  private static List<String[]> ladderOf(Task task) {
    return task.isClassification() ? CLASSIFICATION : REGRESSION;
  }
}
