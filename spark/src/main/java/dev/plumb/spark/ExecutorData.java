package dev.plumb.spark;

import dev.plumb.backend.BackendPlan;
import dev.plumb.backend.ResolvedExperiment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * The data of a task-parallel run inside one JVM (an executor, or the driver): the plan's CSV
 * read by Plumb's own reader and resolved into folds and learners once, then shared by every
 * task of the run that lands in this JVM. A file on a Hadoop-compatible file system (HDFS, S3,
 * ...) is first copied to a local temporary file. Holds one run at a time. Thread-safe.
 */
final class ExecutorData {
  private static String cachedPlan;
  private static ResolvedExperiment cached;

  private ExecutorData() {}

  /** The resolved experiment of the plan (its JSON text), read once per JVM. */
  static synchronized ResolvedExperiment of(String planJson) {
    NativeBlas.preload();
    if (!planJson.equals(cachedPlan)) {
      cached = null;
      cachedPlan = null;
      BackendPlan plan = BackendPlan.fromJson(planJson);
      cached = ResolvedExperiment.read(localCopy(plan.data()), plan);
      cachedPlan = planJson;
    }
    return cached;
  }

  /** A local path of the data: the file itself when it is local, else a temporary copy. */
  static Path localCopy(String data) {
    URI uri = URI.create(data.replace(" ", "%20"));
    if (uri.getScheme() == null) {
      return Path.of(data);
    }
    if (uri.getScheme().equals("file")) {
      return Path.of(uri);
    }
    try {
      Path tmp = Files.createTempFile("plumb-spark-", ".csv");
      tmp.toFile().deleteOnExit();
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
      FileSystem fs = p.getFileSystem(new Configuration());
      try (InputStream in = fs.open(p)) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      return tmp;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + data, e);
    }
  }
}
