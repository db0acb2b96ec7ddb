package dev.plumb.learn.smile;

import smile.data.Tuple;
import smile.data.type.StructType;

/**
 * A Smile {@link Tuple} that views one {@code double[]} row and is moved from row to row, so that
 * predicting a batch allocates no tuple per row and never boxes a value on the hot path
 * ({@link #getDouble} and {@link #getInt}, which are what Smile's tree nodes call). Its schema is
 * the fitted model's own predictor schema, so a model's formula binds to it once and then reuses
 * the binding.
 *
 * <p>Mutable and not thread-safe: each prediction call makes its own.
 */
final class RowTuple implements Tuple {
  private final StructType schema;
  private double[] row;

  RowTuple(StructType schema) {
    this.schema = schema;
  }

  /** Points this tuple at {@code row} and returns it. */
  RowTuple at(double[] row) {
    this.row = row;
    return this;
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public Object get(int i) {
    return row[i];
  }

  @Override
  public double getDouble(int i) {
    return row[i];
  }

  /** The level of a nominal column, which {@link SmileColumns#rows} stores as a double. */
  @Override
  public int getInt(int i) {
    return (int) row[i];
  }
}
