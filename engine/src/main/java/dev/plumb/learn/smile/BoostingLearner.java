package dev.plumb.learn.smile;

import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.Model;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import java.util.List;
import java.util.OptionalInt;
import smile.base.cart.Loss;
import smile.classification.GradientTreeBoost;
import smile.math.MathEx;

/**
 * Smile's gradient tree boosting ({@code GradientTreeBoost}): logistic loss for two classes,
 * softmax (one tree per class per round) for more, least squares for numbers. The learner
 * {@code gradient_boosting}.
 *
 * <p>Defaults are scikit-learn's {@code GradientBoostingClassifier} and
 * {@code GradientBoostingRegressor}: 100 rounds, {@code shrinkage=0.1} (scikit-learn's
 * {@code learning_rate}), trees of {@code max_depth=3}, leaves of one row
 * ({@code min_samples_leaf=1}), every row in every round ({@code subsample=1.0}; below 1, Smile
 * draws that fraction of each class without replacement).
 * Smile's own defaults (500 trees, shrinkage 0.05, depth 20 capped at 6 leaves, leaves of 5,
 * subsample 0.7) are not used.
 *
 * <p>Randomness: Smile draws a permutation of the rows every round, even at {@code subsample=1.0},
 * from {@code smile.math.MathEx}'s generator, which is thread-local; it fits the rounds on the
 * calling thread (the per-feature split search runs on the common pool but draws nothing). So
 * {@code fit} reseeds the calling thread's generator with the fit seed immediately before Smile
 * fits, and the result does not depend on other fits running in other threads. Immutable and
 * thread-safe.
 */
final class BoostingLearner extends CartLearner {
  /**
   * Hyperparameters in scikit-learn's sense.
   *
   * @param trees boosting rounds
   * @param shrinkage the learning rate, in (0, 1]
   * @param maxDepth split levels of each tree
   * @param nodeSize fewest training rows in a leaf
   * @param subsample fraction of the rows each round sees, in (0, 1]
   */
  record Settings(int trees, double shrinkage, int maxDepth, int nodeSize, double subsample) {
    /** Checks the ranges. */
    Settings {
      if (trees < 1 || !(shrinkage > 0 && shrinkage <= 1) || maxDepth < 1 || nodeSize < 1
          || !(subsample > 0 && subsample <= 1)) {
        throw new IllegalArgumentException("invalid boosting settings " + trees + ", " + shrinkage
            + ", " + maxDepth + ", " + nodeSize + ", " + subsample);
      }
    }
  }

  private final Settings settings;

  private BoostingLearner(LearnerSpec spec, boolean classification, Settings settings) {
    super(spec, classification);
    this.settings = settings;
  }

  /** {@code gradient_boosting(trees=100,shrinkage=0.1,max_depth=3,node_size=1,subsample=1.0)}. */
  static BoostingLearner create(LearnerSpec given, Task task) {
    ParamReader r = new ParamReader(given,
        List.of("trees", "shrinkage", "max_depth", "node_size", "subsample"));
    Settings s = new Settings(
        r.integer("trees", 100, 1, ForestLearner.MAX_TREES),
        r.real("shrinkage", 0.1, 0, true, 1, false),
        r.integer("max_depth", 3, 1, CartLimits.MAX_DEPTH),
        r.integer("node_size", 1, 1, Integer.MAX_VALUE),
        r.real("subsample", 1.0, 0, true, 1, false));
    return new BoostingLearner(r.spec("gradient_boosting"), task.isClassification(), s);
  }

  @Override
  public Model fit(TrainingSet data, long seed) {
    check(data);
    OptionalInt maxDepth = OptionalInt.of(settings.maxDepth());
    int depth = CartLimits.depth(maxDepth);
    int leaves = CartLimits.leaves(OptionalInt.empty(), maxDepth, data.rows());
    SmileColumns columns = SmileColumns.of(data);
    if (classification) {
      int[] present = SmileFrames.presentClasses(data);
      if (present.length == 1) {
        return ConstantModel.oneClass(present[0], data.numClasses());
      }
      var frame = SmileFrames.classification(data, columns);
      MathEx.setSeed(seed);
      GradientTreeBoost model = GradientTreeBoost.fit(SmileFrames.formula(), frame,
          settings.trees(), depth, leaves, settings.nodeSize(), settings.shrinkage(),
          settings.subsample());
      return new TupleClassifier(model, data.numClasses(), columns);
    }
    var frame = SmileFrames.regression(data, columns);
    MathEx.setSeed(seed);
    smile.regression.GradientTreeBoost model = smile.regression.GradientTreeBoost.fit(
        SmileFrames.formula(), frame, Loss.ls(), settings.trees(), depth, leaves,
        settings.nodeSize(), settings.shrinkage(), settings.subsample());
    return new TupleRegressor(model, columns);
  }
}
