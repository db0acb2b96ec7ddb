package dev.plumb.bench;

import dev.plumb.data.CsvOptions;
import dev.plumb.learn.ModelFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * {@code plumb bench --jmh}: latency and throughput from JMH (through its Java API) instead of the
 * in-process timer. Each candidate's pipeline is saved to a temporary model file, and
 * {@link PipelineBenchmark} runs in one forked JVM per candidate with {@value #WARMUP} warm-up and
 * {@value #MEASURE} measurement iterations of one second each: one row at a time in sample mode
 * (percentiles of every sampled call) and batches in throughput mode. JMH's own log goes to a
 * temporary file, named in the error when a run fails.
 */
public final class JmhLatency {
  static final int WARMUP = 3;
  static final int MEASURE = 5;

  private JmhLatency() {}

  /**
   * One candidate's JMH measurements.
   *
   * @param name the candidate
   * @param error why JMH failed on it, if it did
   * @param latency single-row latency percentiles, milliseconds
   * @param meanMs mean single-row latency
   * @param meanErrorMs JMH's 99.9% error bound of that mean
   * @param throughputRowsPerS batch throughput
   * @param throughputError JMH's 99.9% error bound of it
   * @param samples single-row calls sampled
   */
  public record Entry(String name, Optional<String> error, Latency latency, double meanMs,
      double meanErrorMs, double throughputRowsPerS, double throughputError, long samples) {
    /** Whether JMH ran. */
    public boolean ok() {
      return error.isEmpty();
    }
  }

  /**
   * Every candidate's measurements.
   *
   * @param entries one per candidate that ran, in entry order
   * @param seconds how long the JMH runs took
   */
  public record Report(List<Entry> entries, double seconds) {
    /** Copies. */
    public Report {
      entries = List.copyOf(entries);
    }

    /** The entry of a candidate. */
    public Optional<Entry> entry(String name) {
      return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** A few lines for the terminal. */
    public String summary() {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "JMH (forked JVM, %d × 1 s"
          + " warm-up, %d × 1 s measurement; %.0f s in all):%n", WARMUP, MEASURE, seconds));
      for (Entry e : entries) {
        if (!e.ok()) {
          sb.append("  ").append(e.name()).append(": failed: ").append(e.error().get())
              .append('\n');
          continue;
        }
        sb.append(String.format(Locale.ROOT, "  %-20s one row: mean %.4f ± %.4f ms, p50 %.4f,"
            + " p99 %.4f ms (%,d samples); batch: %,.0f ± %,.0f rows/s%n", e.name(), e.meanMs(),
            e.meanErrorMs(), e.latency().p50Ms(), e.latency().p99Ms(), e.samples(),
            e.throughputRowsPerS(), e.throughputError()));
      }
      return sb.toString();
    }
  }

  /** Runs JMH on every candidate of {@code run} that was measured. */
  public static Report run(Bench.Run run, Path data, CsvOptions options, PrintWriter err) {
    long t0 = System.nanoTime();
    List<Entry> out = new ArrayList<>();
    for (BenchEntry e : run.entries()) {
      if (!e.ok()) {
        continue;
      }
      err.println("plumb: JMH on " + e.name() + " (about 15 s)");
      err.flush();
      out.add(one(e, data, options));
    }
    return new Report(out, (System.nanoTime() - t0) / 1e9);
  }

  private static Entry one(BenchEntry e, Path data, CsvOptions options) {
    Path model = null;
    Path log = null;
    try {
      model = Files.createTempFile("plumb-jmh-", ".plumb");
      log = Files.createTempFile("plumb-jmh-", ".log");
      ModelFile.save(e.measured().orElseThrow().pipeline(), model);
      Options opts = new OptionsBuilder()
          .include(PipelineBenchmark.class.getName() + "\\.")
          .forks(1)
          .warmupIterations(WARMUP).warmupTime(TimeValue.seconds(1))
          .measurementIterations(MEASURE).measurementTime(TimeValue.seconds(1))
          .threads(1)
          .jvmArgsAppend("-D" + PipelineBenchmark.MODEL + "=" + model,
              "-D" + PipelineBenchmark.DATA + "=" + data.toAbsolutePath(),
              "-D" + PipelineBenchmark.OPTIONS + "=" + PipelineBenchmark.encode(options),
              "-Djava.awt.headless=true")
          .output(log.toString())
          .shouldFailOnError(true)
          .build();
      Collection<RunResult> results = new Runner(opts).run();
      Statistics sample = null;
      Result<?> sampleResult = null;
      Result<?> throughput = null;
      for (RunResult r : results) {
        String label = r.getParams().getBenchmark();
        if (label.endsWith(".oneRow")) {
          sampleResult = r.getPrimaryResult();
          sample = sampleResult.getStatistics();
        } else if (label.endsWith(".batch")) {
          throughput = r.getPrimaryResult();
        }
      }
      if (sample == null || throughput == null) {
        return failed(e.name(), "JMH returned no result; see " + log);
      }
      double toMs = 1.0 / TimeUnit.MILLISECONDS.toMicros(1);
      Latency latency = new Latency(sample.getPercentile(50) * toMs,
          sample.getPercentile(90) * toMs, sample.getPercentile(99) * toMs,
          sample.getMax() * toMs);
      return new Entry(e.name(), Optional.empty(), latency, sampleResult.getScore() * toMs,
          sampleResult.getScoreError() * toMs, throughput.getScore() * PipelineBenchmark.BATCH,
          throughput.getScoreError() * PipelineBenchmark.BATCH, sample.getN());
    } catch (RunnerException ex) {
      return failed(e.name(), "JMH failed: " + ex.getMessage() + "; its log: " + log);
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write JMH's temporary files", ex);
    } finally {
      delete(model);
    }
  }

  private static Entry failed(String name, String why) {
    return new Entry(name, Optional.of(why), new Latency(0, 0, 0, 0), Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, 0);
  }

  private static void delete(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ex) {
        // a leftover temporary file is harmless
      }
    }
  }
}
