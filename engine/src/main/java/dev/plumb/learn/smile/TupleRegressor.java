package dev.plumb.learn.smile;

import smile.regression.DataFrameRegression;

/**
 * A Smile regression model (gradient boosting) that predicts through Smile's own
 * {@code predict(Tuple)}, handed rows in one reused {@link RowTuple} whose schema is the model's.
 * Thread-safe for the reasons {@link TupleClassifier} gives.
 */
final class TupleRegressor extends SmileModel {
  private final DataFrameRegression model;

  TupleRegressor(DataFrameRegression model) {
    super(model, model.schema().length(), false);
    this.model = model;
  }

  @Override
  double[] values(double[][] x) {
    double[] out = new double[x.length];
    RowTuple row = new RowTuple(model.schema());
    for (int i = 0; i < x.length; i++) {
      out[i] = model.predict(row.at(x[i]));
    }
    return out;
  }
}
