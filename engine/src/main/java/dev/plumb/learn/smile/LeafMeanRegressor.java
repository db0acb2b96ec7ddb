package dev.plumb.learn.smile;

import smile.base.cart.Node;
import smile.base.cart.RegressionNode;
import smile.data.type.StructType;
import smile.regression.RegressionTree;

/**
 * A regression tree or forest: the mean, over the trees, of the leaf value each row falls in
 * (Smile's own rule for both). It walks Smile's fitted trees with one reused {@link RowTuple}, tree
 * by tree over all rows to keep each tree in cache, instead of calling Smile's
 * {@code predict(Tuple)}, which goes row by row and projects every row into a new tuple.
 * Incoming rows of features are first turned into the columns the trees were fitted on, each
 * one-hot block into one nominal column ({@link SmileColumns#rows}). Immutable and thread-safe.
 */
final class LeafMeanRegressor extends SmileModel {
  private static final long serialVersionUID = 1L;

  private final RegressionTree[] trees;
  private final StructType schema;
  private final SmileColumns columns;

  /**
   * @param trees the Smile tree, or the trees of a Smile forest
   * @param schema Smile's predictor schema
   * @param columns how features became the predictor columns the trees were fitted on
   */
  LeafMeanRegressor(RegressionTree[] trees, StructType schema, SmileColumns columns) {
    super(columns.features(), false);
    this.trees = trees.clone();
    this.schema = schema;
    this.columns = columns;
  }

  @Override
  double[] values(double[][] features) {
    double[][] x = columns.rows(features);
    double[] out = new double[x.length];
    RowTuple row = new RowTuple(schema);
    // tree by tree, so that one tree's nodes stay in cache while every row passes through it
    for (RegressionTree tree : trees) {
      Node root = tree.root();
      for (int i = 0; i < x.length; i++) {
        out[i] += ((RegressionNode) root.predict(row.at(x[i]))).output();
      }
    }
    for (int i = 0; i < x.length; i++) {
      out[i] /= trees.length;
    }
    return out;
  }
}
