package dev.plumb.spark;

import dev.plumb.backend.BackendPlan;
import dev.plumb.backend.BackendScores;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract on Spark: one local session per test class, the plan run by {@link SparkBackend}
 * and the folds as Spark deals them over partitioned rows (one global sort). Subclasses name
 * the mode and the tolerance.
 */
abstract class SparkContract extends BackendContract {
  static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = SparkSessions.start();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Override
  BackendScores run(BackendPlan plan) {
    return SparkBackend.run(spark, plan);
  }

  @Override
  Map<Long, Integer> folds(BackendPlan plan, int repeat) {
    return SparkBackend.foldOfKey(spark, plan, repeat);
  }
}
