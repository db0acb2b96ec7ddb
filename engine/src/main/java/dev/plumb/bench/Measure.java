package dev.plumb.bench;

import dev.plumb.data.Table;
import dev.plumb.evaluate.Problem;
import dev.plumb.learn.Learner;
import dev.plumb.learn.FittedPipeline;
import dev.plumb.learn.ModelFile;
import dev.plumb.plan.Seeds;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Measures one learner the way it would be deployed: fitted on every labelled row (preprocessing
 * included), then asked for one row at a time and for batches.
 *
 * <ul>
 *   <li>training: wall seconds of preprocessing plus fit, and the bytes allocated meanwhile by the
 *       threads of the fork-join pool it runs in (HotSpot's per-thread allocation counters;
 *       {@code ThreadMXBean.getThreadAllocatedBytes});
 *   <li>latency: after {@value #WARMUP_CALLS} warm-up calls (or {@value #WARMUP_SECONDS} s), at
 *       least {@value #MIN_CALLS} timed single-row predictions (until {@value #MEASURE_SECONDS}
 *       s), each encoding one row and predicting it, recorded in an HdrHistogram (3 significant
 *       digits): p50, p90, p99 and the maximum;
 *   <li>throughput: batches of up to {@value #BATCH_ROWS} rows, encoded and predicted, repeated
 *       for about a second: rows per second.
 * </ul>
 *
 * Run one learner at a time with nothing else running: the numbers are wall-clock. Stateless.
 */
public final class Measure {
  static final int WARMUP_CALLS = 2_000;
  static final double WARMUP_SECONDS = 1.0;
  static final int MIN_CALLS = 1_000;
  static final double MEASURE_SECONDS = 2.0;
  static final int BATCH_ROWS = 10_000;

  private Measure() {}

  /**
   * What was measured.
   *
   * @param pipeline the preprocessing and model fitted on every row
   * @param sizeBytes the length of its model file ({@link ModelFile})
   * @param gzipBytes the same bytes gzip-compressed
   * @param trainSeconds preprocessing plus fit, wall time
   * @param trainAllocatedBytes bytes allocated during it
   * @param latencyMs single-row latency in milliseconds: p50, p90, p99, max
   * @param latencyCalls timed single-row calls
   * @param latencyHistogramMs bucket upper bounds and counts of the single-row latencies, for a
   *     chart: {@code [bound, count]} pairs
   * @param throughputRowsPerS batch prediction rows per second
   */
  public record Result(FittedPipeline pipeline, long sizeBytes, long gzipBytes, double trainSeconds,
      long trainAllocatedBytes, double[] latencyMs, long latencyCalls,
      double[][] latencyHistogramMs, double throughputRowsPerS) {}

  /** Fits on every labelled row of {@code problem} and measures. */
  public static Result run(Learner learner, Problem problem, long seed, int threads) {
    int[] all = new int[problem.size()];
    Arrays.setAll(all, i -> i);
    int[] rows = problem.rows(all);
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      // start the pool's threads first, so that their allocation counters exist before the fit
      pool.submit(() -> { }).get();
      com.sun.management.ThreadMXBean mx =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long[] ids = mx.getAllThreadIds();
      long before = sum(mx.getThreadAllocatedBytes(ids));
      long t0 = System.nanoTime();
      FittedPipeline pipeline = pool.submit(() -> problem.fitPipeline(learner,
          Seeds.fullFit(seed, learner.spec().text()))).get();
      double trainSeconds = (System.nanoTime() - t0) / 1e9;
      long[] idsAfter = mx.getAllThreadIds();
      long allocated = Math.max(0, sum(mx.getThreadAllocatedBytes(idsAfter)) - before);
      FittedPipeline.Bound fit = pipeline.bind(problem.table());
      Histogram h = latency(fit, rows, problem.task().isClassification());
      double[] latency = {h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6,
          h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6};
      byte[] bytes = ModelFile.bytes(pipeline);
      return new Result(pipeline, bytes.length, gzipped(bytes), trainSeconds, allocated, latency,
          h.getTotalCount(), buckets(h), throughput(fit, rows,
              problem.task().isClassification()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while measuring", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
      try {
        pool.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static long gzipped(byte[] bytes) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length / 2 + 64);
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.size();
  }

  private static long sum(long[] v) {
    long s = 0;
    for (long x : v) {
      s += Math.max(0, x);
    }
    return s;
  }

  /** Sink for predictions, so the JIT cannot drop the calls. */
  private static volatile double sink;

  private static double predictOne(FittedPipeline.Bound fit, int row, boolean classes) {
    int[] one = {row};
    return classes ? fit.predictProba(one)[0][0] : fit.predict(one)[0];
  }

  /**
   * The single-row prediction latency of {@code pipeline} on the rows of {@code table}, measured
   * as {@link #run} measures it (warm-up, then at least {@value #MIN_CALLS} timed calls).
   *
   * @throws dev.plumb.data.BadInputException when the table lacks a feature column
   */
  public static Latency singleRowLatency(FittedPipeline pipeline, Table table) {
    int[] rows = new int[table.rowCount()];
    Arrays.setAll(rows, i -> i);
    if (rows.length == 0) {
      throw new IllegalArgumentException("no rows to predict");
    }
    Histogram h = latency(pipeline.bind(table), rows, pipeline.task().isClassification());
    return new Latency(h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6,
        h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6);
  }

  private static Histogram latency(FittedPipeline.Bound fit, int[] rows, boolean classes) {
    double acc = 0;
    long warmEnd = System.nanoTime() + (long) (WARMUP_SECONDS * 1e9);
    for (int i = 0; i < WARMUP_CALLS || System.nanoTime() < warmEnd; i++) {
      acc += predictOne(fit, rows[i % rows.length], classes);
      if (i > 50 * WARMUP_CALLS) {
        break;
      }
    }
    Histogram h = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
    long end = System.nanoTime() + (long) (MEASURE_SECONDS * 1e9);
    for (int i = 0; i < MIN_CALLS || System.nanoTime() < end; i++) {
      int row = rows[(int) ((i * 2_654_435_761L) % rows.length)];
      long t0 = System.nanoTime();
      acc += predictOne(fit, row, classes);
      h.recordValue(Math.max(1, System.nanoTime() - t0));
      if (i >= 1_000_000) {
        break;
      }
    }
    sink = acc;
    return h;
  }

  private static double[][] buckets(Histogram h) {
    java.util.List<double[]> out = new java.util.ArrayList<>();
    // from 0.1 µs: a small tree answers in well under a microsecond
    for (var v : h.logarithmicBucketValues(100, 1.25)) {
      if (v.getCountAddedInThisIterationStep() > 0) {
        out.add(new double[] {v.getValueIteratedTo() / 1e6, v.getCountAddedInThisIterationStep()});
      }
    }
    return out.toArray(double[][]::new);
  }

  private static double throughput(FittedPipeline.Bound fit, int[] rows, boolean classes) {
    int[] batch = Arrays.copyOf(rows, Math.min(BATCH_ROWS, rows.length));
    double acc = 0;
    // one untimed batch to warm up
    acc += predictBatch(fit, batch, classes);
    long t0 = System.nanoTime();
    long done = 0;
    int reps = 0;
    while (reps < 3 || System.nanoTime() - t0 < 1_000_000_000L) {
      acc += predictBatch(fit, batch, classes);
      done += batch.length;
      reps++;
      if (reps >= 1_000) {
        break;
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    sink = acc;
    return done / seconds;
  }

  private static double predictBatch(FittedPipeline.Bound fit, int[] batch, boolean classes) {
    return classes ? fit.predictProba(batch)[0][0] : fit.predict(batch)[0];
  }
}
