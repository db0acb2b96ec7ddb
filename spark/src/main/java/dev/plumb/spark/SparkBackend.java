package dev.plumb.spark;

import static org.apache.spark.sql.functions.col;

import dev.plumb.backend.BackendMode;
import dev.plumb.backend.BackendPlan;
import dev.plumb.backend.BackendScores;
import dev.plumb.backend.BackendSettings;
import dev.plumb.backend.ExperimentBackend;
import dev.plumb.data.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code --backend spark}: runs the experiment contract on Apache Spark, found by the engine
 * through {@link java.util.ServiceLoader}. In {@link BackendMode#AUTO} mode a CSV of at most
 * {@code spark.plumb.taskParallelMaxBytes} (default {@value #DEFAULT_TASK_PARALLEL_MAX_BYTES}
 * bytes, a size whose parsed table fits a default executor) runs task-parallel, a larger one
 * data-parallel. Thread-safe (Spark sessions are).
 */
public final class SparkBackend implements ExperimentBackend {
  /** Largest CSV that auto mode runs task-parallel, unless configured. */
  public static final long DEFAULT_TASK_PARALLEL_MAX_BYTES = 256L << 20;

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public BackendScores run(BackendPlan plan, BackendSettings settings) {
    return run(Sessions.obtain(settings.master()), plan);
  }

  /** Runs {@code plan} in the given session. */
  public static BackendScores run(SparkSession spark, BackendPlan plan) {
    NativeBlas.preload();
    long size = dataSize(spark, plan);
    BackendMode mode = plan.mode() == BackendMode.AUTO ? choose(spark, size) : plan.mode();
    return mode == BackendMode.TASK_PARALLEL ? TaskParallel.run(spark, plan.withMode(mode))
        : DataParallel.run(spark, plan.withMode(mode));
  }

  /**
   * The mode auto picks for {@code plan}: task-parallel when the data file is at most the
   * configured size, data-parallel otherwise.
   */
  public static BackendMode choose(SparkSession spark, BackendPlan plan) {
    return choose(spark, dataSize(spark, plan));
  }

  private static BackendMode choose(SparkSession spark, long size) {
    long max = spark.sparkContext().conf().getLong("spark.plumb.taskParallelMaxBytes",
        DEFAULT_TASK_PARALLEL_MAX_BYTES);
    return size <= max ? BackendMode.TASK_PARALLEL : BackendMode.DATA_PARALLEL;
  }

  /**
   * The size in bytes of the plan's data.
   *
   * @throws BadInputException when there is no such file, in the words of the local reader
   */
  private static long dataSize(SparkSession spark, BackendPlan plan) {
    try {
      Path p = new Path(plan.data());
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        throw new BadInputException(plan.data() + ": no such file; check the path");
      }
      return fs.getContentSummary(p).getLength();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + plan.data(), e);
    }
  }


  /** Spark's and Scala's versions, as on the class path. */
  @Override
  public Map<String, String> versions() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    out.put("scala", scala.util.Properties.versionNumberString());
    return out;
  }

  /** The folds as Spark deals them on the distributed rows (data-parallel mode's folds). */
  @Override
  public Map<Long, Integer> foldOfKey(BackendPlan plan, BackendSettings settings, int repeat) {
    return foldOfKey(Sessions.obtain(settings.master()), plan, repeat);
  }

  /** As {@link #foldOfKey(BackendPlan, BackendSettings, int)}, in the given session. */
  public static Map<Long, Integer> foldOfKey(SparkSession spark, BackendPlan plan, int repeat) {
    PreparedFrame pf = PreparedFrame.of(spark, plan);
    try {
      Map<Long, Integer> out = new HashMap<>();
      for (Row r : pf.frame.select(col("_key"), col(PreparedFrame.foldColumn(repeat)))
          .collectAsList()) {
        if (out.put(r.getLong(0), r.getInt(1)) != null) {
          throw new BadInputException("two rows share the key " + r.getLong(0));
        }
      }
      return out;
    } finally {
      pf.release();
    }
  }
}
