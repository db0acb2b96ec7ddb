package dev.plumb.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumb.store.RunComparison;
import dev.plumb.store.RunRecord;
import dev.plumb.store.RunSummary;
import dev.plumb.store.StoreLocation;
import dev.plumb.store.StoredRun;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The JSON of {@code plumb runs}, {@code runs show} and {@code runs compare}; keys are listed in
 * the README. Stateless.
 */
public final class RunsJson {
  private RunsJson() {}

  /** The run list. */
  public static ObjectNode list(StoreLocation store, List<RunSummary> runs) {
    ObjectNode root = Json.envelope("runs");
    root.put("store", store.display());
    ArrayNode a = root.putArray("runs");
    for (RunSummary r : runs) {
      ObjectNode o = a.addObject();
      o.put("id", r.id());
      o.put("started_at", r.startedAt().toString());
      o.put("command", r.command());
      o.put("exit_code", r.exitCode());
      ObjectNode d = o.putObject("dataset");
      d.put("path", r.datasetPath().orElse(null));
      d.put("version", r.datasetVersion().orElse(null));
      best(o, r.best());
    }
    return root;
  }

  /** Everything recorded of one run; {@code report} is the command's own JSON. */
  public static ObjectNode show(StoreLocation store, StoredRun stored) {
    ObjectNode root = Json.envelope("runs show");
    root.put("store", store.display());
    RunRecord r = stored.run();
    ObjectNode o = root.putObject("run");
    o.put("id", stored.id());
    o.put("command", r.command());
    o.set("arguments", Json.value(r.arguments()));
    o.put("started_at", r.startedAt().toString());
    o.put("ended_at", r.endedAt().toString());
    o.put("exit_code", r.exitCode());
    if (r.dataset().isPresent()) {
      RunRecord.DatasetRef d = r.dataset().get();
      ObjectNode dn = o.putObject("dataset");
      dn.put("path", d.path());
      dn.put("version", d.versionId());
      dn.put("content_sha256", d.contentSha256());
      dn.put("bytes_sha256", d.bytesSha256());
      dn.put("schema_sha256", d.schemaSha256());
      dn.put("rows", d.rows());
      dn.put("columns", d.columns());
    } else {
      o.putNull("dataset");
    }
    o.put("target", r.target().orElse(null));
    o.put("task", r.task().orElse(null));
    if (r.seed().isPresent()) {
      o.put("seed", r.seed().getAsLong());
    } else {
      o.putNull("seed");
    }
    if (r.split().isPresent()) {
      ObjectNode s = o.putObject("split");
      s.put("strategy", r.split().get().strategy());
      s.put("folds", r.split().get().folds());
      s.put("repeats", r.split().get().repeats());
      s.put("test_train_ratio", r.split().get().testTrainRatio());
    } else {
      o.putNull("split");
    }
    ObjectNode sw = o.putObject("software");
    sw.put("plumb", r.software().plumbVersion());
    sw.put("java", r.software().javaVersion());
    sw.set("libraries", Json.value(r.software().libraries()));
    ArrayNode learners = o.putArray("learners");
    for (RunRecord.LearnerRun l : r.learners()) {
      ObjectNode ln = learners.addObject();
      ln.put("learner", l.learner());
      ln.put("error", l.error().orElse(null));
      number(ln, "fit_seconds", l.fitSeconds());
      number(ln, "predict_seconds_per_1000", l.predictSecondsPer1000());
      ArrayNode ms = ln.putArray("metrics");
      for (RunRecord.MetricScore m : l.metrics()) {
        ObjectNode mn = ms.addObject();
        mn.put("metric", m.metric());
        Json.putNumber(mn, "mean", m.mean());
        Json.putNumber(mn, "std", m.std());
        if (m.ciLow().isPresent() && m.ciHigh().isPresent()) {
          mn.putArray("ci95").add(m.ciLow().getAsDouble()).add(m.ciHigh().getAsDouble());
        } else {
          mn.putNull("ci95");
        }
        ArrayNode folds = mn.putArray("folds");
        for (double f : m.folds()) {
          folds.add(Json.value(f));
        }
      }
    }
    best(o, r.best());
    ArrayNode notes = o.putArray("notes");
    for (RunRecord.Note n : r.notes()) {
      ObjectNode nn = notes.addObject();
      nn.put("learner", n.learner().orElse(null));
      nn.put("kind", n.kind());
      nn.put("value", n.value());
      number(nn, "number", n.number());
      nn.put("detail", n.detail().orElse(null));
    }
    try {
      o.set("report", Json.MAPPER.readTree(r.reportJson()));
    } catch (JsonProcessingException e) {
      o.put("report", r.reportJson());
    }
    return root;
  }

  /** What changed between two runs. */
  public static ObjectNode compare(StoreLocation store, RunComparison c) {
    ObjectNode root = Json.envelope("runs compare");
    root.put("store", store.display());
    root.put("first", c.first());
    root.put("second", c.second());
    ObjectNode d = root.putObject("dataset");
    d.put("same_content", c.dataset().sameContent());
    dataset(d, "first", c.dataset().first());
    dataset(d, "second", c.dataset().second());
    ArrayNode settings = root.putArray("settings");
    for (RunComparison.Change s : c.settings()) {
      change(settings.addObject(), s).put("changed", s.changed());
    }
    ObjectNode args = root.putObject("arguments");
    args.set("removed", Json.value(c.argumentsRemoved()));
    args.set("added", Json.value(c.argumentsAdded()));
    ArrayNode versions = root.putArray("versions_changed");
    c.versions().forEach(v -> change(versions.addObject(), v));
    root.put("paired", c.paired());
    ArrayNode metrics = root.putArray("metrics");
    for (RunComparison.MetricDelta m : c.metrics()) {
      ObjectNode o = metrics.addObject();
      o.put("learner", m.learner());
      o.put("metric", m.metric());
      Json.putNumber(o, "first_mean", m.firstMean());
      Json.putNumber(o, "second_mean", m.secondMean());
      Json.putNumber(o, "delta", m.delta());
      o.put("test", m.test().label());
      number(o, "p_value", m.pValue());
      o.put("exceeds_noise", m.exceedsNoise());
    }
    root.set("learners_added", Json.value(c.learnersAdded()));
    root.set("learners_removed", Json.value(c.learnersRemoved()));
    return root;
  }

  private static void dataset(ObjectNode parent, String key, Optional<RunRecord.DatasetRef> d) {
    if (d.isEmpty()) {
      parent.putNull(key);
      return;
    }
    ObjectNode o = parent.putObject(key);
    o.put("path", d.get().path());
    o.put("version", d.get().versionId());
    o.put("rows", d.get().rows());
    o.put("columns", d.get().columns());
  }

  private static ObjectNode change(ObjectNode o, RunComparison.Change c) {
    o.put("name", c.name());
    o.put("first", c.first().orElse(null));
    o.put("second", c.second().orElse(null));
    return o;
  }

  private static void best(ObjectNode o, Optional<RunRecord.Best> best) {
    if (best.isEmpty()) {
      o.putNull("best");
      return;
    }
    ObjectNode b = o.putObject("best");
    b.put("learner", best.get().learner());
    b.put("metric", best.get().metric());
    Json.putNumber(b, "score", best.get().score());
  }

  private static void number(ObjectNode o, String key, OptionalDouble v) {
    if (v.isPresent()) {
      Json.putNumber(o, key, v.getAsDouble());
    } else {
      o.putNull(key);
    }
  }
}
