package dev.plumb.learn.smile;

import smile.classification.DataFrameClassifier;

/**
 * A Smile soft classifier (gradient boosting) that predicts through Smile's own
 * {@code predict(Tuple, posteriori)}. Rows are handed over in one reused {@link RowTuple} whose
 * schema is the model's, so Smile binds its formula once; Smile still projects each row into a
 * small tuple of its own. Smile's class {@code j} is Plumb class {@code labels[j]}; classes absent
 * from training get probability 0.
 *
 * <p>Thread-safe: Smile's fitted trees are read-only. Smile's formula caches its binding to the
 * last input schema it saw, replacing it without synchronization when the schema object changes;
 * every call here passes the model's own schema object, so racing first calls build equal bindings
 * and later calls reuse them.
 */
final class TupleClassifier extends SmileModel {
  private final DataFrameClassifier model;
  private final int[] labels;
  private final int numClasses;

  TupleClassifier(DataFrameClassifier model, int numClasses) {
    super(model, model.schema().length(), true);
    this.model = model;
    this.labels = model.classes().clone();
    this.numClasses = numClasses;
  }

  @Override
  double[][] proba(double[][] x) {
    double[][] out = new double[x.length][numClasses];
    RowTuple row = new RowTuple(model.schema());
    double[] posteriori = new double[labels.length];
    for (int i = 0; i < x.length; i++) {
      model.predict(row.at(x[i]), posteriori);
      for (int j = 0; j < labels.length; j++) {
        out[i][labels[j]] = posteriori[j];
      }
    }
    return out;
  }
}
