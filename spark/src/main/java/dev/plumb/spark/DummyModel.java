package dev.plumb.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import dev.plumb.plan.Seeds;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * The dummies of data-parallel mode as column expressions: a constant ({@code mean}, {@code
 * median}), the training class shares ({@code majority}, as the engine's "prior" dummy), or a
 * draw per row ({@code stratified}, {@code uniform}). The engine draws by the row's position in
 * the validation batch, which a partitioned frame has not; here a row's draw is seeded by its key,
 * so these two equal the engine's in distribution, not row by row. Immutable.
 */
final class DummyModel implements Predictions {
  private final String column;
  private final Column value;

  private DummyModel(String column, Column value) {
    this.column = column;
    this.value = value;
  }

  static DummyModel constant(double v) {
    return new DummyModel("_prediction", lit(v));
  }

  static DummyModel shares(double[] shares) {
    return new DummyModel("_proba", array(Arrays.stream(shares).mapToObj(s -> lit(s))
        .toArray(Column[]::new)));
  }

  static DummyModel draws(String strategy, double[] shares, long seed) {
    double[] s = shares.clone();
    int k = s.length;
    boolean stratified = strategy.equals("stratified");
    UDF1<Long, double[]> draw = key -> {
      SplittableRandom rnd = new SplittableRandom(Seeds.derive(seed, key));
      double[] out = new double[k];
      if (stratified) {
        double u = rnd.nextDouble();
        double cumulative = 0;
        int pick = k - 1;
        for (int c = 0; c < k; c++) {
          cumulative += s[c];
          if (u < cumulative) {
            pick = c;
            break;
          }
        }
        out[pick] = 1;
      } else {
        int pick = rnd.nextInt(k);
        for (int c = 0; c < k; c++) {
          out[c] = c == pick ? (1.0 + 1e-9) / (k + 1e-9) : 1.0 / (k + 1e-9);
        }
      }
      return out;
    };
    return new DummyModel("_proba", udf(draw, DataTypes.createArrayType(DataTypes.DoubleType))
        .apply(col("_key")));
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> rows) {
    return rows.withColumn(column, value);
  }
}
