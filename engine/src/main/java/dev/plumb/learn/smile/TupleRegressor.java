package dev.plumb.learn.smile;

import smile.regression.DataFrameRegression;

/**
 * A Smile regression model (gradient boosting) that predicts through Smile's own
 * {@code predict(Tuple)}, handed rows in one reused {@link RowTuple} whose schema is the model's,
 * after turning them into the columns the model was fitted on ({@link SmileColumns#rows}).
 * Thread-safe for the reasons {@link TupleClassifier} gives.
 */
final class TupleRegressor extends SmileModel {
  private static final long serialVersionUID = 1L;

  private final DataFrameRegression model;
  private final SmileColumns columns;

  /**
   * @param model the fitted Smile model
   * @param columns how features became the predictor columns the model was fitted on
   */
  TupleRegressor(DataFrameRegression model, SmileColumns columns) {
    super(columns.features(), false);
    this.model = model;
    this.columns = columns;
  }

  @Override
  double[] values(double[][] features) {
    double[][] x = columns.rows(features);
    double[] out = new double[x.length];
    RowTuple row = new RowTuple(model.schema());
    for (int i = 0; i < x.length; i++) {
      out[i] = model.predict(row.at(x[i]));
    }
    return out;
  }
}
