package dev.plumb.bench;

import dev.plumb.evaluate.CorrectedTTest;
import dev.plumb.evaluate.LearnerResult;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.MetricSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A finished benchmark read against its targets: every candidate's measurements, the verdicts per
 * target, the Pareto front and the cheapest candidate within one standard error of the best.
 * Immutable.
 *
 * @param run the measurements
 * @param targets the targets (possibly none)
 * @param measurements one per entry, in entry order
 * @param verdicts pass or fail per candidate and target
 * @param front the Pareto front over score, p99 latency, size and training time
 * @param cheapest the cheapest candidate within one standard error of the best score
 * @param jmh JMH's latency and throughput measurements, with {@code --jmh}
 */
public record BenchResult(Bench.Run run, Targets targets, List<CandidateMeasurement> measurements,
    Verdicts verdicts, ParetoFront front, Optional<OneSeChoice> cheapest,
    Optional<JmhLatency.Report> jmh) {
  /** Copies. */
  public BenchResult {
    measurements = List.copyOf(measurements);
  }

  /** The metric the targets and the front use. */
  public Metric metric() {
    return verdicts.metric();
  }

  /**
   * Reads {@code run} against {@code targets}; with a JMH report, latency and throughput are
   * JMH's.
   */
  public static BenchResult of(Bench.Run run, Targets targets, Optional<JmhLatency.Report> jmh) {
    CorrectedTTest test = CorrectedTTest.forSplits(run.splits());
    List<CandidateMeasurement> measured = new ArrayList<>();
    for (BenchEntry e : run.entries()) {
      CandidateMeasurement m = measurement(e, run.metrics(), test);
      if (jmh.isPresent() && m.ok()) {
        Optional<JmhLatency.Entry> j = jmh.get().entry(e.name());
        if (j.isPresent() && j.get().ok()) {
          m = m.withLatency(j.get().latency()).withThroughput(j.get().throughputRowsPerS());
        }
      }
      measured.add(m);
    }
    Metric metric = targets.metricOr(run.metric());
    Verdicts verdicts = Verdicts.of(targets, run.metric(), measured);
    return new BenchResult(run, targets, measured, verdicts, Pareto.front(measured, metric),
        OneStandardError.cheapest(measured, metric), jmh);
  }

  /**
   * The winner: the best score among the entries that meet every target; empty when none does.
   */
  public Optional<BenchEntry> best() {
    Metric metric = metric();
    BenchEntry best = null;
    double bestScore = Double.NaN;
    for (int i = 0; i < measurements.size(); i++) {
      CandidateMeasurement m = measurements.get(i);
      if (!m.ok() || !verdicts.meetsAll(m.name()) || m.score(metric).isEmpty()) {
        continue;
      }
      double s = m.score(metric).get().mean();
      if (best == null || metric.isBetter(s, bestScore)) {
        best = run.entries().get(i);
        bestScore = s;
      }
    }
    return Optional.ofNullable(best);
  }

  private static CandidateMeasurement measurement(BenchEntry e, List<Metric> metrics,
      CorrectedTTest test) {
    if (!e.ok()) {
      return CandidateMeasurement.failed(e.name(), e.cv().spec(),
          e.error().orElse(e.cv().error().orElse("not measured")));
    }
    CandidateMeasurement m = CandidateMeasurement.of(e.name(), e.cv().spec());
    LearnerResult cv = e.cv();
    for (Metric metric : metrics) {
      Optional<MetricSummary> s = cv.validation(metric, test);
      if (s.isPresent()) {
        m = m.withScore(metric, s.get());
      }
    }
    Measure.Result r = e.measured().orElseThrow();
    double[] l = r.latencyMs();
    return m.withLatency(new Latency(l[0], l[1], l[2], l[3]))
        .withThroughput(r.throughputRowsPerS()).withSize(r.sizeBytes(), r.gzipBytes())
        .withTrainSeconds(r.trainSeconds()).withTrainMemoryBytes(r.trainAllocatedBytes());
  }
}
