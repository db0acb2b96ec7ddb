package dev.plumb.learn.smile;

import smile.classification.DataFrameClassifier;

/**
 * A Smile soft classifier (gradient boosting) that predicts through Smile's own
 * {@code predict(Tuple, posteriori)}. Rows are handed over in one reused {@link RowTuple} whose
 * schema is the model's, so Smile binds its formula once; Smile still projects each row into a
 * small tuple of its own. Incoming rows of features are first turned into the columns the model was
 * fitted on ({@link SmileColumns#rows}). Smile's class {@code j} is Plumb class {@code labels[j]};
 * classes absent from training get probability 0.
 *
 * <p>Thread-safe: Smile's fitted trees are read-only. Smile's formula caches its binding to the
 * last input schema it saw, replacing it without synchronization when the schema object changes;
 * every call here passes the model's own schema object, so racing first calls build equal bindings
 * and later calls reuse them.
 */
final class TupleClassifier extends SmileModel {
  private static final long serialVersionUID = 1L;

  private final DataFrameClassifier model;
  private final int[] labels;
  private final int numClasses;
  private final SmileColumns columns;

  /**
   * @param model the fitted Smile model
   * @param numClasses the number of Plumb classes
   * @param columns how features became the predictor columns the model was fitted on
   */
  TupleClassifier(DataFrameClassifier model, int numClasses, SmileColumns columns) {
    super(columns.features(), true);
    this.model = model;
    this.labels = model.classes().clone();
    this.numClasses = numClasses;
    this.columns = columns;
  }

  @Override
  double[][] proba(double[][] features) {
    double[][] x = columns.rows(features);
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
