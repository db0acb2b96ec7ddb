package dev.plumb.spark;

import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session a run uses: the active one (under {@code spark-submit}, or a test's), else a
 * new one on the given master, else on {@code local[*]}. A session Plumb makes has its web UI off
 * unless {@code spark.ui.enabled} says otherwise. Thread-safe, as {@link SparkSession.Builder}.
 */
final class Sessions {
  private Sessions() {}

  static SparkSession obtain(Optional<String> master) {
    NativeBlas.preload();
    Optional<SparkSession> active = toOptional(SparkSession.getActiveSession())
        .or(() -> toOptional(SparkSession.getDefaultSession()));
    if (active.isPresent() && master.map(m -> m.equals(active.get().sparkContext().master()))
        .orElse(true)) {
      return active.get();
    }
    SparkSession.Builder b = SparkSession.builder().appName("plumb")
        .config("spark.ui.enabled", System.getProperty("spark.ui.enabled", "false"));
    if (master.isPresent()) {
      b.master(master.get());
    } else if (System.getProperty("spark.master") == null) {
      b.master("local[*]");
    }
    return b.getOrCreate();
  }

  private static <T> Optional<T> toOptional(scala.Option<T> o) {
    return o.isDefined() ? Optional.of(o.get()) : Optional.empty();
  }
}
