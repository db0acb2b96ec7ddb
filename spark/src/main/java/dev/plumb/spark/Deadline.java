package dev.plumb.spark;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * The time limit of one learner on one fold in data-parallel mode. The Spark jobs the calling
 * thread starts belong to a job group of their own. Once the limit has passed, that group is
 * cancelled, and so is every job of the group that starts later, until {@link #close()}: an
 * iterative estimator (L-BFGS, trees grown level by level) starts a new job after each one ends,
 * and Spark 3.5 cancels only the jobs of a group that are running. Tasks are not interrupted,
 * only killed at record boundaries, as Spark advises for HDFS readers. Not thread-safe: one per
 * fit, on the thread that fits.
 */
final class Deadline implements AutoCloseable {
  /** The local property that names a job's group (SparkContext.SPARK_JOB_GROUP_ID). */
  private static final String GROUP_PROPERTY = "spark.jobGroup.id";

  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "plumb-spark-deadline");
        t.setDaemon(true);
        return t;
      });

  private final SparkContext sc;
  private final AtomicBoolean missed = new AtomicBoolean();
  private final ScheduledFuture<?> watch;
  private final SparkListener laterJobs;

  private Deadline(SparkContext sc, Optional<Duration> limit, String what) {
    this.sc = sc;
    String group = "plumb-" + UUID.randomUUID();
    sc.setJobGroup(group, what, false);
    this.laterJobs = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart job) {
        if (group.equals(job.properties().getProperty(GROUP_PROPERTY))) {
          sc.cancelJob(job.jobId());
        }
      }
    };
    this.watch = limit.<ScheduledFuture<?>>map(d -> TIMER.schedule(() -> {
      synchronized (missed) {
        if (!missed.getAndSet(true)) {
          sc.addSparkListener(laterJobs);
          sc.cancelJobGroup(group);
        }
      }
    }, d.toMillis(), TimeUnit.MILLISECONDS)).orElse(null);
  }

  /** Starts the clock of {@code limit} (none: no clock) on the jobs of this thread. */
  static Deadline start(SparkContext sc, Optional<Duration> limit, String what) {
    return new Deadline(sc, limit, what);
  }

  /** Whether the limit has passed (its jobs were cancelled, or the work ended late). */
  boolean missed() {
    return missed.get();
  }

  /** Stops the clock and takes this thread's jobs out of the group. */
  @Override
  public void close() {
    if (watch != null) {
      watch.cancel(false);
    }
    synchronized (missed) {
      if (missed.get()) {
        sc.removeSparkListener(laterJobs);
      }
    }
    sc.clearJobGroup();
  }
}
