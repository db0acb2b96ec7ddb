package dev.plumb.learn.smile;

import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.Model;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import java.util.List;
import java.util.OptionalInt;
import smile.base.cart.SplitRule;
import smile.classification.DecisionTree;
import smile.regression.RegressionTree;

/**
 * One CART tree, Smile's {@code DecisionTree} (Gini) or {@code RegressionTree} (least squares):
 * the learners {@code tree} and {@code stump}.
 *
 * <p>Defaults are scikit-learn's {@code DecisionTreeClassifier}/{@code DecisionTreeRegressor}: no
 * depth limit ({@code max_depth=none}), leaves of one row ({@code node_size=1}, scikit-learn's
 * {@code min_samples_leaf}), no limit on leaves ({@code max_nodes=none}, scikit-learn's
 * {@code max_leaf_nodes}; when set, Smile grows the tree best-first, as scikit-learn does). A
 * stump is a tree with {@code max_depth=1}. Smile's own defaults (depth 20, leaves of 5, at most
 * {@code n/5} leaves) are not used. Unlike scikit-learn, Smile merges two sister leaves that
 * predict the same class, so leaf probabilities can be coarser than scikit-learn's; class
 * predictions are unaffected.
 *
 * <p>No randomness: Smile's tree tries every feature at every split. Immutable and thread-safe.
 */
final class TreeLearner extends CartLearner {
  /**
   * Hyperparameters in scikit-learn's sense.
   *
   * @param maxDepth most split levels; empty for no limit
   * @param nodeSize fewest training rows in a leaf
   * @param maxNodes most leaves; empty for no limit
   */
  record Settings(OptionalInt maxDepth, int nodeSize, OptionalInt maxNodes) {
    /** Checks the ranges. */
    Settings {
      if (maxDepth.isPresent() && maxDepth.getAsInt() < 1 || nodeSize < 1
          || maxNodes.isPresent() && maxNodes.getAsInt() < 2) {
        throw new IllegalArgumentException("invalid tree settings " + maxDepth + ", " + nodeSize
            + ", " + maxNodes);
      }
    }
  }

  private final Settings settings;

  private TreeLearner(LearnerSpec spec, boolean classification, Settings settings) {
    super(spec, classification);
    this.settings = settings;
  }

  /** {@code tree(max_depth=none,node_size=1,max_nodes=none)}. */
  static TreeLearner tree(LearnerSpec given, Task task) {
    ParamReader r = new ParamReader(given, List.of("max_depth", "node_size", "max_nodes"));
    Settings s = new Settings(
        r.limit("max_depth", OptionalInt.empty(), 1, CartLimits.MAX_DEPTH),
        r.integer("node_size", 1, 1, Integer.MAX_VALUE),
        r.limit("max_nodes", OptionalInt.empty(), 2, Integer.MAX_VALUE - 1));
    return new TreeLearner(r.spec("tree"), task.isClassification(), s);
  }

  /** {@code stump(node_size=1)}: one split. */
  static TreeLearner stump(LearnerSpec given, Task task) {
    ParamReader r = new ParamReader(given, List.of("node_size"));
    Settings s = new Settings(OptionalInt.of(1), r.integer("node_size", 1, 1, Integer.MAX_VALUE),
        OptionalInt.empty());
    return new TreeLearner(r.spec("stump"), task.isClassification(), s);
  }

  @Override
  public Model fit(TrainingSet data, long seed) {
    check(data);
    int depth = CartLimits.depth(settings.maxDepth());
    int leaves = CartLimits.leaves(settings.maxNodes(), settings.maxDepth(), data.rows());
    SmileColumns columns = SmileColumns.of(data);
    if (classification) {
      int[] present = SmileFrames.presentClasses(data);
      if (present.length == 1) {
        return ConstantModel.oneClass(present[0], data.numClasses());
      }
      DecisionTree tree = DecisionTree.fit(SmileFrames.formula(),
          SmileFrames.classification(data, columns), SplitRule.GINI, depth, leaves,
          settings.nodeSize());
      return new LeafShareClassifier(new DecisionTree[] {tree}, tree.classes(),
          data.numClasses(), tree.schema(), columns);
    }
    RegressionTree tree = RegressionTree.fit(SmileFrames.formula(),
        SmileFrames.regression(data, columns), depth, leaves, settings.nodeSize());
    return new LeafMeanRegressor(new RegressionTree[] {tree}, tree.schema(), columns);
  }
}
