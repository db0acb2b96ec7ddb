package dev.plumb.learn.simple;

import dev.plumb.data.BadInputException;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerFactory;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.Model;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Plumb's own learners (library {@code plumb}): the "stupid baselines" every problem should be
 * compared with, Holte's one-rule classifier, and exact k-nearest neighbours.
 *
 * <table>
 *   <caption>Learners</caption>
 *   <tr><th>name</th><th>task</th><th>predicts</th></tr>
 *   <tr><td>majority</td><td>classes</td><td>the most frequent training class, with the
 *       training class shares as probabilities (scikit-learn's {@code DummyClassifier} "prior")</td></tr>
 *   <tr><td>stratified</td><td>classes</td><td>a class drawn at random with the training shares
 *       (probability 1 on the drawn class)</td></tr>
 *   <tr><td>uniform</td><td>classes</td><td>equal probabilities, the predicted class drawn
 *       uniformly at random</td></tr>
 *   <tr><td>one_rule</td><td>classes</td><td>{@link OneRule}: the best single-feature rule</td></tr>
 *   <tr><td>mean</td><td>numbers</td><td>the training mean</td></tr>
 *   <tr><td>median</td><td>numbers</td><td>the training median</td></tr>
 *   <tr><td>knn</td><td>both</td><td>{@link Knn}: exact k-nearest neighbours (k=5, Euclidean),
 *       vote shares or mean target</td></tr>
 * </table>
 *
 * Stateless; learners and models are immutable and thread-safe.
 */
public final class SimpleLearners implements LearnerFactory {
  private static final List<String> CLASSIFICATION =
      List.of("majority", "stratified", "uniform", "one_rule", Knn.NAME);
  private static final List<String> REGRESSION = List.of("mean", "median", Knn.NAME);
  static final String LIBRARY = "plumb";

  @Override
  public String library() {
    return LIBRARY;
  }

  @Override
  public List<String> names(Task task) {
    return task.isClassification() ? CLASSIFICATION : REGRESSION;
  }

  @Override
  public Learner create(LearnerSpec spec, Task task) {
    if (!names(task).contains(spec.name())) {
      throw new BadInputException("plumb has no " + task.label() + " learner '" + spec.name()
          + "'; it has " + String.join(", ", names(task)));
    }
    if (spec.name().equals("one_rule")) {
      return OneRule.create(spec);
    }
    if (spec.name().equals(Knn.NAME)) {
      return Knn.create(spec);
    }
    if (!spec.params().isEmpty()) {
      throw new BadInputException("learner '" + spec.name() + "' takes no parameters, got "
          + spec.params().keySet());
    }
    LearnerSpec full = new LearnerSpec("plumb", spec.name(), Map.of());
    return switch (spec.name()) {
      case "majority" -> new Dummy(full, Dummy.Strategy.PRIOR);
      case "stratified" -> new Dummy(full, Dummy.Strategy.STRATIFIED);
      case "uniform" -> new Dummy(full, Dummy.Strategy.UNIFORM);
      case "mean" -> new Dummy(full, Dummy.Strategy.MEAN);
      default -> new Dummy(full, Dummy.Strategy.MEDIAN);
    };
  }

  /** The input-independent learners. */
  record Dummy(LearnerSpec spec, Strategy strategy) implements Learner {
    enum Strategy {
      PRIOR, STRATIFIED, UNIFORM, MEAN, MEDIAN
    }

    @Override
    public boolean supports(Task task) {
      boolean classes = strategy == Strategy.PRIOR || strategy == Strategy.STRATIFIED
          || strategy == Strategy.UNIFORM;
      return classes == task.isClassification();
    }

    @Override
    public Model fit(TrainingSet data, long seed) {
      return switch (strategy) {
        case MEAN -> new Constant(Arrays.stream(data.y()).average().orElse(0));
        case MEDIAN -> new Constant(median(data.y()));
        default -> new Draw(strategy, shares(data), seed);
      };
    }

    private static double[] shares(TrainingSet data) {
      double[] shares = new double[data.numClasses()];
      for (int c : data.classes()) {
        shares[c]++;
      }
      for (int k = 0; k < shares.length; k++) {
        shares[k] /= data.rows();
      }
      return shares;
    }

    private static double median(double[] v) {
      double[] s = v.clone();
      Arrays.sort(s);
      int m = s.length / 2;
      return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
  }

  /** Predicts one number. */
  record Constant(double value) implements Model {
    private static final long serialVersionUID = 1L;

    @Override
    public double[][] predictProba(double[][] x) {
      throw new UnsupportedOperationException("a regression model");
    }

    @Override
    public double[] predict(double[][] x) {
      double[] out = new double[x.length];
      Arrays.fill(out, value);
      return out;
    }
  }

  /**
   * Class probabilities that ignore the input. The random draws of {@code stratified} and
   * {@code uniform} depend on the seed and the row's position in the batch, so predicting the same
   * batch twice gives the same answer.
   */
  record Draw(SimpleLearners.Dummy.Strategy strategy, double[] shares, long seed)
      implements Model {
    private static final long serialVersionUID = 1L;

    @Override
    public double[][] predictProba(double[][] x) {
      int k = shares.length;
      double[][] out = new double[x.length][];
      SplittableRandom rnd = new SplittableRandom(seed);
      for (int i = 0; i < x.length; i++) {
        switch (strategy) {
          case PRIOR -> out[i] = shares.clone();
          case STRATIFIED -> {
            out[i] = new double[k];
            out[i][draw(rnd.nextDouble())] = 1;
          }
          default -> {
            // equal shares; a tiny seeded nudge makes the predicted (argmax) class uniform too
            out[i] = new double[k];
            int pick = rnd.nextInt(k);
            for (int c = 0; c < k; c++) {
              out[i][c] = c == pick ? (1.0 + 1e-9) / (k + 1e-9) : 1.0 / (k + 1e-9);
            }
          }
        }
      }
      return out;
    }

    private int draw(double u) {
      double cumulative = 0;
      for (int c = 0; c < shares.length; c++) {
        cumulative += shares[c];
        if (u < cumulative) {
          return c;
        }
      }
      for (int c = shares.length - 1; c >= 0; c--) {
        if (shares[c] > 0) {
          return c;
        }
      }
      return 0;
    }

    @Override
    public double[] predict(double[][] x) {
      throw new UnsupportedOperationException("a classification model");
    }
  }
}
