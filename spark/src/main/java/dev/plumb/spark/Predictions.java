package dev.plumb.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A model fitted in data-parallel mode, as what it adds to rows: {@code _proba} (class
 * probabilities) or {@code _prediction}, or MLlib's own {@code probability} and {@code
 * prediction} columns. Implementations are immutable.
 */
@FunctionalInterface
interface Predictions {
  /** The rows with their predictions. */
  Dataset<Row> apply(Dataset<Row> rows);
}
