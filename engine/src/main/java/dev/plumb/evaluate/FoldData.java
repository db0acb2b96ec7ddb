package dev.plumb.evaluate;

import dev.plumb.learn.Preprocessor;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Fold;
import dev.plumb.plan.Seeds;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One split's matrices, built once and shared by every learner fitted on it: the preprocessing
 * fitted on the training rows only, the encoded training set, the encoded validation rows with
 * their targets, and the training rows used for the training score with theirs. Arrays are
 * shared, not copied: callers must not modify them. Immutable by contract and thread-safe.
 */
public final class FoldData {
  private final TrainingSet train;
  private final double[][] validationX;
  private final int[] validationClasses;
  private final double[] validationValues;
  private final double[][] scoringX;
  private final int[] scoringClasses;
  private final double[] scoringValues;

  private FoldData(TrainingSet train, double[][] validationX, int[] validationClasses,
      double[] validationValues, double[][] scoringX, int[] scoringClasses,
      double[] scoringValues) {
    this.train = train;
    this.validationX = validationX;
    this.validationClasses = validationClasses;
    this.validationValues = validationValues;
    this.scoringX = scoringX;
    this.scoringClasses = scoringClasses;
    this.scoringValues = scoringValues;
  }

  /**
   * A cross-validation fold, its training score taken on a seeded sample of at most
   * {@value CrossValidation#MAX_TRAIN_SCORING_ROWS} training rows.
   */
  static FoldData of(Problem problem, Fold fold, long seed) {
    return of(problem, fold.train(), fold.validation(), scoringSample(fold.trainSize(),
        Seeds.derive(seed, 0x7261696EL, fold.repeat(), fold.index())));
  }

  /**
   * Any split.
   *
   * @param trainPos positions (into the problem's labelled rows) to fit on
   * @param validationPos positions to validate on
   * @param scoring indexes into {@code trainPos} of the rows the training score uses
   */
  public static FoldData of(Problem problem, int[] trainPos, int[] validationPos,
      int[] scoring) {
    Preprocessor.Fitted pre = Preprocessor.fit(problem.features().features(),
        problem.rows(trainPos));
    double[][] x = pre.transform(problem.rows(trainPos));
    double[][] vx = pre.transform(problem.rows(validationPos));
    double[][] sx = new double[scoring.length][];
    for (int i = 0; i < scoring.length; i++) {
      sx[i] = x[scoring[i]];
    }
    if (problem.task().isClassification()) {
      int[] y = problem.classes(trainPos);
      TrainingSet train = TrainingSet.classification(problem.task(), x, y,
          problem.classNames(), pre.featureNames(), pre.groups());
      int[] sy = new int[scoring.length];
      for (int i = 0; i < scoring.length; i++) {
        sy[i] = y[scoring[i]];
      }
      return new FoldData(train, vx, problem.classes(validationPos), null, sx, sy, null);
    }
    double[] y = problem.values(trainPos);
    TrainingSet train = TrainingSet.regression(x, y, pre.featureNames(), pre.groups());
    double[] sy = new double[scoring.length];
    for (int i = 0; i < scoring.length; i++) {
      sy[i] = y[scoring[i]];
    }
    return new FoldData(train, vx, null, problem.values(validationPos), sx, null, sy);
  }

  /** The encoded training rows and their targets. */
  public TrainingSet train() {
    return train;
  }

  /** The encoded validation rows. */
  public double[][] validationX() {
    return validationX;
  }

  /** The validation rows' classes (classification only, else null). */
  public int[] validationClasses() {
    return validationClasses;
  }

  /** The validation rows' targets (regression only, else null). */
  public double[] validationValues() {
    return validationValues;
  }

  /** The encoded rows of the training score. */
  public double[][] scoringX() {
    return scoringX;
  }

  /** Their classes (classification only, else null). */
  public int[] scoringClasses() {
    return scoringClasses;
  }

  /** Their targets (regression only, else null). */
  public double[] scoringValues() {
    return scoringValues;
  }

  private static int[] scoringSample(int n, long seed) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    if (n <= CrossValidation.MAX_TRAIN_SCORING_ROWS) {
      return all;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < CrossValidation.MAX_TRAIN_SCORING_ROWS; i++) {
      int j = i + rnd.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] sample = Arrays.copyOf(all, CrossValidation.MAX_TRAIN_SCORING_ROWS);
    Arrays.sort(sample);
    return sample;
  }
}
