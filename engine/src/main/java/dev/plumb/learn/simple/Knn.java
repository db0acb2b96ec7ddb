package dev.plumb.learn.simple;

import dev.plumb.data.BadInputException;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.Model;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import java.util.Map;

/**
 * k-nearest neighbours with Euclidean distance, exact, as scikit-learn's
 * {@code KNeighborsClassifier()} / {@code KNeighborsRegressor()} with uniform weights: class
 * probabilities are the vote shares of the k nearest training rows, a regression prediction is
 * their mean target. Ties in distance go to the earlier training row. When k exceeds the training
 * rows, all rows are used (scikit-learn raises instead; a learning curve's smallest sizes need an
 * answer).
 *
 * <p>Plumb's own rather than Tribuo's ({@code tribuo:knn} is still there): Tribuo computes one
 * distance at a time, and at 100,000 rows that made kNN prediction the slowest part of the whole
 * baseline. {@link NeighbourSearch} gets the distances from blocked matrix products instead.
 *
 * <p>Immutable and thread-safe; so are its models.
 */
final class Knn implements Learner {
  static final String NAME = "knn";
  private static final int DEFAULT_K = 5;
  private static final int MAX_K = 100_000;

  private final int k;

  private Knn(int k) {
    this.k = k;
  }

  /**
   * The learner a spec asks for; its one parameter is {@code k} (default 5).
   *
   * @throws BadInputException for another parameter or a k out of range
   */
  static Knn create(LearnerSpec spec) {
    int k = DEFAULT_K;
    for (Map.Entry<String, String> e : spec.params().entrySet()) {
      if (!e.getKey().equals("k")) {
        throw new BadInputException("plumb:knn has one parameter, k; got '" + e.getKey() + "'");
      }
      try {
        k = Integer.parseInt(e.getValue().trim());
      } catch (NumberFormatException ex) {
        k = 0;
      }
      if (k < 1 || k > MAX_K) {
        throw new BadInputException("plumb:knn k must be a whole number in [1, " + MAX_K
            + "], got '" + e.getValue() + "'");
      }
    }
    return new Knn(k);
  }

  @Override
  public LearnerSpec spec() {
    return new LearnerSpec(SimpleLearners.LIBRARY, NAME, Map.of("k", Integer.toString(k)));
  }

  @Override
  public boolean supports(Task task) {
    return true;
  }

  /** Keeps the training rows (shared, not copied); there is no randomness, so no seed. */
  @Override
  public Model fit(TrainingSet data, long seed) {
    if (data.rows() == 0) {
      throw new IllegalArgumentException("no training rows");
    }
    NeighbourSearch search = new NeighbourSearch(data.x(), data.features());
    int used = Math.min(k, data.rows());
    if (data.task().isClassification()) {
      return new Votes(search, used, data.classes(), data.numClasses());
    }
    return new Means(search, used, data.y());
  }

  /**
   * Class vote shares of the nearest rows. Saved as its rows and classes; the search, with its
   * off-heap copy of the rows, is rebuilt on load.
   */
  private record Votes(NeighbourSearch search, int k, int[] classes, int numClasses)
      implements Model {
    private static final long serialVersionUID = 1L;

    /** Checks that the parts agree (they come from a file when a saved model is loaded). */
    Votes {
      check(search, k, classes.length);
      for (int c : classes) {
        if (c < 0 || c >= numClasses) {
          throw new IllegalArgumentException("class index " + c + " of " + numClasses);
        }
      }
    }

    @Override
    public double[][] predictProba(double[][] x) {
      int[][] nearest = search.nearest(x, k);
      double[][] out = new double[x.length][numClasses];
      for (int i = 0; i < x.length; i++) {
        for (int row : nearest[i]) {
          out[i][classes[row]]++;
        }
        for (int c = 0; c < numClasses; c++) {
          out[i][c] /= k;
        }
      }
      return out;
    }

    @Override
    public double[] predict(double[][] x) {
      throw new UnsupportedOperationException("a classification model");
    }
  }

  /** Mean target of the nearest rows; saved like {@link Votes}. */
  private record Means(NeighbourSearch search, int k, double[] y) implements Model {
    private static final long serialVersionUID = 1L;

    /** Checks that the parts agree. */
    Means {
      check(search, k, y.length);
    }

    @Override
    public double[][] predictProba(double[][] x) {
      throw new UnsupportedOperationException("a regression model");
    }

    @Override
    public double[] predict(double[][] x) {
      int[][] nearest = search.nearest(x, k);
      double[] out = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        double sum = 0;
        for (int row : nearest[i]) {
          sum += y[row];
        }
        out[i] = sum / k;
      }
      return out;
    }
  }

  private static void check(NeighbourSearch search, int k, int targets) {
    if (search.size() != targets || k < 1 || k > search.size()) {
      throw new IllegalArgumentException("k = " + k + " with " + search.size() + " rows and "
          + targets + " targets");
    }
  }
}
