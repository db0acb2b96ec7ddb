package dev.plumb.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumb.bench.BenchEntry;
import dev.plumb.bench.BenchResult;
import dev.plumb.bench.Bound;
import dev.plumb.bench.CandidateMeasurement;
import dev.plumb.bench.CandidateVerdict;
import dev.plumb.bench.TargetCheck;
import dev.plumb.bench.Tuner;
import dev.plumb.data.Dataset;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.MetricSummary;
import java.util.Map;

/** The JSON form of a bench run (documented in the README). Stateless. */
public final class BenchJson {
  private BenchJson() {}

  /** The run as a JSON tree. */
  public static ObjectNode of(Dataset dataset, BenchResult r, Provenance provenance,
      double totalSeconds) {
    ObjectNode root = Json.envelope("bench");
    root.set("dataset", Json.dataset(dataset.path(), dataset.version()));
    root.put("target", r.run().problem().target());
    root.put("task", r.run().problem().task().label());
    root.put("seed", r.run().seed());
    root.put("labelled_rows", r.run().problem().size());
    ObjectNode splits = root.putObject("splits");
    splits.put("strategy", r.run().splits().strategy().label());
    splits.put("folds", r.run().splits().k());
    splits.put("repeats", r.run().splits().repeats());
    root.put("metric", r.metric().label());
    root.put("tuned_trials", r.run().tuneBudget());
    ObjectNode targets = root.putObject("targets");
    for (Bound b : r.targets().bounds()) {
      Json.putNumber(targets, b.kind().key(), b.limit());
    }
    ArrayNode models = root.putArray("models");
    for (int i = 0; i < r.measurements().size(); i++) {
      models.add(model(r, r.run().entries().get(i), r.measurements().get(i)));
    }
    ArrayNode meets = root.putArray("meets_all_targets");
    r.verdicts().meetingAll().forEach(meets::add);
    root.put("any_meets_all_targets", r.verdicts().anyMeetsAll());
    ArrayNode front = root.putArray("pareto_front");
    r.front().front().forEach(front::add);
    if (r.cheapest().isPresent()) {
      ObjectNode c = root.putObject("cheapest_within_1se");
      c.put("name", r.cheapest().get().chosen().name());
      c.put("best", r.cheapest().get().best().name());
      Json.putNumber(c, "standard_error", r.cheapest().get().standardError());
      c.put("explanation", r.cheapest().get().explanation());
    } else {
      root.putNull("cheapest_within_1se");
    }
    root.set("best", Json.value(r.best().map(BenchEntry::name).orElse(null)));
    root.put("latency_source", r.jmh().isPresent() ? "jmh" : "in-process");
    ArrayNode notes = root.putArray("notes");
    r.run().notes().forEach(notes::add);
    root.putObject("timings").put("total_seconds", totalSeconds);
    root.set("provenance", Json.provenance(provenance));
    return root;
  }

  private static ObjectNode model(BenchResult r, BenchEntry e, CandidateMeasurement m) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("name", m.name());
    o.put("library", m.spec().library());
    o.put("spec", m.spec().text());
    o.put("control", e.control());
    o.put("status", m.ok() ? "ok" : "failed");
    o.set("error", Json.value(m.error().orElse(null)));
    ObjectNode metrics = o.putObject("metrics");
    for (Map.Entry<Metric, MetricSummary> s : m.scores().entrySet()) {
      ObjectNode mo = metrics.putObject(s.getKey().label());
      Json.putNumber(mo, "mean", s.getValue().mean());
      Json.putNumber(mo, "std", s.getValue().std());
      ArrayNode ci = mo.putArray("ci95");
      ci.add(s.getValue().ci95().lower());
      ci.add(s.getValue().ci95().upper());
    }
    if (m.latency().isPresent()) {
      ObjectNode l = o.putObject("latency_ms");
      Json.putNumber(l, "p50", m.latency().get().p50Ms());
      Json.putNumber(l, "p90", m.latency().get().p90Ms());
      Json.putNumber(l, "p99", m.latency().get().p99Ms());
      Json.putNumber(l, "max", m.latency().get().maxMs());
    } else {
      o.putNull("latency_ms");
    }
    putOptional(o, "throughput_rows_per_s", m.throughputRowsPerS().isPresent()
        ? m.throughputRowsPerS().getAsDouble() : Double.NaN);
    o.set("size_bytes", Json.value(m.sizeBytes().isPresent() ? m.sizeBytes().getAsLong() : null));
    o.set("gzip_bytes", Json.value(m.gzipBytes().isPresent() ? m.gzipBytes().getAsLong() : null));
    putOptional(o, "train_seconds", m.trainSeconds().isPresent()
        ? m.trainSeconds().getAsDouble() : Double.NaN);
    o.set("train_memory_bytes", Json.value(m.trainMemoryBytes().isPresent()
        ? m.trainMemoryBytes().getAsLong() : null));
    e.cv().fitSeconds().ifPresent(s -> o.put("fit_seconds", s));
    ObjectNode verdicts = o.putObject("verdicts");
    CandidateVerdict v = r.verdicts().candidate(m.name()).orElseThrow();
    for (TargetCheck c : v.checks()) {
      ObjectNode vo = verdicts.putObject(c.bound().kind().key());
      vo.put("pass", c.pass());
      putOptional(vo, "margin", c.margin().isPresent() ? c.margin().getAsDouble() : Double.NaN);
      putOptional(vo, "measured", c.measured().isPresent() ? c.measured().getAsDouble()
          : Double.NaN);
      Json.putNumber(vo, "limit", c.bound().limit());
      vo.set("reason", Json.value(c.reason().orElse(null)));
    }
    o.put("meets_all_targets", v.meetsAll());
    ObjectNode pareto = o.putObject("pareto");
    pareto.put("on_front", r.front().isOnFront(m.name()));
    pareto.set("dominated_by", Json.value(r.front().dominatedBy(m.name()).orElse(null)));
    if (e.tuning().isPresent()) {
      Tuner.Result t = e.tuning().get();
      ObjectNode to = o.putObject("tuning");
      to.put("tunable", t.tunable());
      to.put("chosen", t.chosen().spec().text());
      ArrayNode trials = to.putArray("trials");
      for (Tuner.Trial trial : t.trials()) {
        ObjectNode tr = trials.addObject();
        tr.put("spec", trial.spec().text());
        Json.putNumber(tr, "score", trial.score());
      }
    } else {
      o.putNull("tuning");
    }
    r.jmh().flatMap(j -> j.entry(m.name())).ifPresent(j -> {
      ObjectNode jo = o.putObject("jmh");
      jo.set("error", Json.value(j.error().orElse(null)));
      if (j.ok()) {
        Json.putNumber(jo, "mean_ms", j.meanMs());
        Json.putNumber(jo, "mean_error_ms", j.meanErrorMs());
        Json.putNumber(jo, "p50_ms", j.latency().p50Ms());
        Json.putNumber(jo, "p90_ms", j.latency().p90Ms());
        Json.putNumber(jo, "p99_ms", j.latency().p99Ms());
        Json.putNumber(jo, "throughput_rows_per_s", j.throughputRowsPerS());
        Json.putNumber(jo, "throughput_error", j.throughputError());
        jo.put("samples", j.samples());
      }
    });
    return o;
  }

  private static void putOptional(ObjectNode o, String key, double v) {
    Json.putNumber(o, key, v);
  }
}
