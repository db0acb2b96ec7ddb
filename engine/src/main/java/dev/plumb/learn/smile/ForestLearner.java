package dev.plumb.learn.smile;

import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.Model;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.type.StructType;

/**
 * Smile's random forest, for classes ({@code smile.classification.RandomForest}, Gini) or numbers
 * ({@code smile.regression.RandomForest}, least squares): the learner {@code random_forest}.
 *
 * <p>Defaults are scikit-learn's {@code RandomForestClassifier}/{@code RandomForestRegressor}: 100
 * trees; {@code mtry=sqrt} features tried per split for classes and {@code mtry=all} for numbers
 * (scikit-learn's {@code max_features}, but counting a one-hot encoded category as one feature, as
 * Smile sees it: see {@link Mtry}); unlimited depth; leaves of one row; bootstrap samples as
 * large as the data ({@code subsample=1.0}; below 1, Smile samples that fraction without
 * replacement). Probabilities are the leaf class shares averaged over the trees, as scikit-learn
 * does (see {@link LeafShareClassifier}). Two differences remain: Smile draws the bootstrap sample
 * of each class separately (stratified), and merges sister leaves of the same class.
 *
 * <p>Randomness: Smile fits the trees in a parallel stream on the common fork-join pool, and each
 * tree reseeds the thread-local generator of the thread it runs on from its own seed before
 * drawing anything. The per-tree seeds are drawn here from the fit seed, so the forest depends on
 * the seed only, not on which thread runs which tree or on other fits running at the same time.
 * (Smile only reseeds for seeds above 1; its default seeds are negative and so leave the trees to
 * whatever state the pool threads are in, which is why they are always passed.) Immutable and
 * thread-safe.
 */
final class ForestLearner extends CartLearner {
  /**
   * Hyperparameters in scikit-learn's sense.
   *
   * @param trees how many trees
   * @param mtry features tried per split
   * @param maxDepth most split levels; empty for no limit
   * @param nodeSize fewest training rows (counted with bootstrap repeats) in a leaf
   * @param subsample 1 for a bootstrap sample of n rows, below 1 the fraction drawn without
   *     replacement
   */
  record Settings(int trees, Mtry mtry, OptionalInt maxDepth, int nodeSize, double subsample) {
    /** Checks the ranges. */
    Settings {
      if (trees < 1 || maxDepth.isPresent() && maxDepth.getAsInt() < 1 || nodeSize < 1
          || !(subsample > 0 && subsample <= 1)) {
        throw new IllegalArgumentException("invalid forest settings " + trees + ", " + maxDepth
            + ", " + nodeSize + ", " + subsample);
      }
    }
  }

  /** The most trees accepted. */
  static final int MAX_TREES = 100_000;

  private final Settings settings;

  private ForestLearner(LearnerSpec spec, boolean classification, Settings settings) {
    super(spec, classification);
    this.settings = settings;
  }

  /** {@code random_forest(trees=100,mtry=sqrt|all,max_depth=none,node_size=1,subsample=1.0)}. */
  static ForestLearner create(LearnerSpec given, Task task) {
    ParamReader r = new ParamReader(given,
        List.of("trees", "mtry", "max_depth", "node_size", "subsample"));
    Settings s = new Settings(
        r.integer("trees", 100, 1, MAX_TREES),
        r.mtry("mtry", task.isClassification() ? Mtry.SQRT : Mtry.ALL),
        r.limit("max_depth", OptionalInt.empty(), 1, CartLimits.MAX_DEPTH),
        r.integer("node_size", 1, 1, Integer.MAX_VALUE),
        r.real("subsample", 1.0, 0, true, 1, false));
    return new ForestLearner(r.spec("random_forest"), task.isClassification(), s);
  }

  @Override
  public Model fit(TrainingSet data, long seed) {
    check(data);
    SmileColumns columns = SmileColumns.of(data);
    int mtry = settings.mtry().resolve(columns.columns());
    int depth = CartLimits.depth(settings.maxDepth());
    int leaves = CartLimits.leaves(OptionalInt.empty(), settings.maxDepth(), data.rows());
    LongStream seeds = treeSeeds(seed, settings.trees());
    if (classification) {
      int[] present = SmileFrames.presentClasses(data);
      if (present.length == 1) {
        return ConstantModel.oneClass(present[0], data.numClasses());
      }
      RandomForest forest = RandomForest.fit(SmileFrames.formula(),
          SmileFrames.classification(data, columns), settings.trees(), mtry, SplitRule.GINI, depth,
          leaves, settings.nodeSize(), settings.subsample(), null, seeds);
      StructType schema = forest.schema();
      return new LeafShareClassifier(forest.trees(), forest.classes(), data.numClasses(),
          schema, columns);
    }
    smile.regression.RandomForest forest = smile.regression.RandomForest.fit(
        SmileFrames.formula(), SmileFrames.regression(data, columns), settings.trees(), mtry,
        depth, leaves, settings.nodeSize(), settings.subsample(), seeds);
    return new LeafMeanRegressor(forest.trees(), forest.schema(), columns);
  }

  /**
   * {@code trees} distinct seeds above 1 drawn from {@code seed}: Smile reseeds a tree only for a
   * seed above 1 and insists on distinct ones.
   */
  static LongStream treeSeeds(long seed, int trees) {
    SplittableRandom random = new SplittableRandom(seed);
    Set<Long> seen = new HashSet<>();
    long[] seeds = new long[trees];
    for (int t = 0; t < trees; t++) {
      long s;
      do {
        s = random.nextLong(2, Long.MAX_VALUE);
      } while (!seen.add(s));
      seeds[t] = s;
    }
    return LongStream.of(seeds);
  }
}
