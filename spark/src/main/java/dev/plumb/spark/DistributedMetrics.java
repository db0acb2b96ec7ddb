package dev.plumb.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import dev.plumb.evaluate.Metric;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.mllib.evaluation.BinaryClassificationMetrics;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import scala.Tuple2;

/**
 * Plumb's metrics as distributed aggregations over a frame of predictions; only the sums, counts
 * and the confusion counts reach the driver. The formulas are the engine's ({@link Metric}): the
 * count-based metrics (accuracy, balanced accuracy, F1) come out identical, computed by {@link
 * Metric#fromCounts} from the confusion counts, the sums (log loss,
 * Brier, errors) equal up to the order of floating-point addition, ROC AUC from Spark's exact
 * (unbinned) ROC curve, whose trapezoids equal the engine's Mann–Whitney statistic with midranks.
 * Stateless.
 */
final class DistributedMetrics {
  private static final double EPS = 1e-15;

  private DistributedMetrics() {}

  /**
   * Classification metrics of a frame with {@code _label} (class index, a double) and {@code
   * _proba} (array of class probabilities).
   */
  static Map<Metric, Double> classification(Dataset<Row> predictions, int k,
      List<Metric> metrics) {
    UDF1<scala.collection.Seq<Object>, Integer> argmax = p -> {
      int best = 0;
      for (int c = 1; c < p.size(); c++) {
        if ((Double) p.apply(c) > (Double) p.apply(best)) {
          best = c;
        }
      }
      return best;
    };
    UDF2<scala.collection.Seq<Object>, Double, Double> logLoss = (p, y) -> {
      double hi = 1 - EPS;
      double rowSum = 0;
      for (int c = 0; c < p.size(); c++) {
        rowSum += Math.min(hi, Math.max(EPS, (Double) p.apply(c)));
      }
      double py = Math.min(hi, Math.max(EPS, (Double) p.apply((int) (double) y)));
      return -Math.log(py / rowSum);
    };
    UDF2<scala.collection.Seq<Object>, Double, Double> brier = (p, y) -> {
      int label = (int) (double) y;
      if (p.size() == 2) {
        double d = (Double) p.apply(1) - label;
        return d * d;
      }
      double s = 0;
      for (int c = 0; c < p.size(); c++) {
        double d = (Double) p.apply(c) - (c == label ? 1 : 0);
        s += d * d;
      }
      return s;
    };
    Dataset<Row> scored = predictions
        .withColumn("_pred", udf(argmax, DataTypes.IntegerType).apply(col("_proba")))
        .withColumn("_ll", udf(logLoss, DataTypes.DoubleType).apply(col("_proba"), col("_label")))
        .withColumn("_br", udf(brier, DataTypes.DoubleType).apply(col("_proba"), col("_label")));
    long[][] confusion = new long[k][k];
    for (Row r : scored.groupBy("_label", "_pred").count().collectAsList()) {
      confusion[(int) r.getDouble(0)][r.getInt(1)] = r.getLong(2);
    }
    Row sums = scored.agg(count(lit(1)), sum("_ll"), sum("_br")).first();
    long n = sums.getLong(0);
    long[] hits = new long[k];
    long[] truth = new long[k];
    long[] predicted = new long[k];
    for (int a = 0; a < k; a++) {
      for (int p = 0; p < k; p++) {
        truth[a] += confusion[a][p];
        predicted[p] += confusion[a][p];
      }
      hits[a] = confusion[a][a];
    }
    Map<Metric, Double> out = new EnumMap<>(Metric.class);
    for (Metric m : metrics) {
      switch (m) {
        case ACCURACY, BALANCED_ACCURACY, F1_MACRO -> out.put(m,
            m.fromCounts(hits, truth, predicted));
        case LOG_LOSS -> out.put(m, sums.getDouble(1) / n);
        case BRIER -> out.put(m, sums.getDouble(2) / n);
        case ROC_AUC -> rocAuc(predictions, k, truth).ifPresent(v -> out.put(m, v));
        default -> throw new IllegalArgumentException(m.label() + " is not a class metric");
      }
    }
    return out;
  }

  private static OptionalDouble rocAuc(Dataset<Row> predictions, int k, long[] truth) {
    int present = 0;
    for (long t : truth) {
      present += t > 0 ? 1 : 0;
    }
    if (present < 2) {
      return OptionalDouble.empty();
    }
    if (k == 2) {
      return OptionalDouble.of(auc(predictions, 1));
    }
    double s = 0;
    int used = 0;
    for (int c = 0; c < k; c++) {
      if (truth[c] > 0) {
        s += auc(predictions, c);
        used++;
      }
    }
    return OptionalDouble.of(s / used);
  }

  /** One-vs-rest AUC of class {@code c}, exact (no binning). */
  private static double auc(Dataset<Row> predictions, int c) {
    JavaRDD<Tuple2<Object, Object>> pairs = predictions.select("_proba", "_label").javaRDD()
        .map(r -> new Tuple2<>((Object) r.<Double>getList(0).get(c),
            (Object) (r.getDouble(1) == c ? 1.0 : 0.0)));
    BinaryClassificationMetrics bcm = new BinaryClassificationMetrics(pairs.rdd(), 0);
    try {
      return bcm.areaUnderROC();
    } finally {
      bcm.unpersist();
    }
  }

  /** Regression metrics of a frame with {@code _label} and {@code _prediction}. */
  static Map<Metric, Double> regression(Dataset<Row> predictions, List<Metric> metrics) {
    Row a = predictions.agg(count(lit(1)), sum(pow(col("_prediction").minus(col("_label")), 2)),
        sum(abs(col("_prediction").minus(col("_label")))), sum(col("_label")), min("_label"),
        max("_label")).first();
    long n = a.getLong(0);
    Map<Metric, Double> out = new EnumMap<>(Metric.class);
    for (Metric m : metrics) {
      switch (m) {
        case RMSE -> out.put(m, Math.sqrt(a.getDouble(1) / n));
        case MAE -> out.put(m, a.getDouble(2) / n);
        case R2 -> {
          if (a.getDouble(4) != a.getDouble(5)) {
            double mean = a.getDouble(3) / n;
            double ssTot = predictions.agg(sum(pow(col("_label").minus(lit(mean)), 2)))
                .first().getDouble(0);
            out.put(m, 1 - a.getDouble(1) / ssTot);
          }
        }
        default -> throw new IllegalArgumentException(m.label() + " is not a number metric");
      }
    }
    return out;
  }
}
