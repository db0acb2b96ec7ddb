package dev.plumb.spark;

import org.apache.spark.sql.SparkSession;

/** The test session: local[2], web UI off, few shuffle partitions. */
final class SparkSessions {
  private SparkSessions() {}

  static SparkSession start() {
    return SparkSession.builder().appName("plumb-test").master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "4")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }
}
