package dev.plumb.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumb.data.Dataset;
import dev.plumb.evaluate.BaselineResult;
import dev.plumb.evaluate.ConfusionMatrix;
import dev.plumb.evaluate.FoldScore;
import dev.plumb.evaluate.LeaderboardEntry;
import dev.plumb.evaluate.LearnerResult;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.MetricSummary;
import dev.plumb.evaluate.SanityCheck;
import dev.plumb.evaluate.TTestResult;
import dev.plumb.plan.Fold;
import java.util.Map;
import java.util.Optional;

/** The JSON form of a baseline run (documented in the README). Stateless. */
public final class BaselineJson {
  private BaselineJson() {}

  /** The run as a JSON tree. */
  public static ObjectNode of(Dataset dataset, BaselineResult r, Provenance provenance,
      double readSeconds, double totalSeconds) {
    ObjectNode root = Json.envelope("baseline");
    root.set("dataset", Json.dataset(dataset.path(), dataset.version()));
    root.put("target", r.problem().target());
    root.put("task", r.problem().task().label());
    root.put("seed", r.plan().seed());
    root.put("labelled_rows", r.problem().size());
    root.put("dropped_rows", r.problem().droppedRows());
    if (r.problem().task().isClassification()) {
      ArrayNode classes = root.putArray("classes");
      int[] counts = r.problem().classCounts();
      for (int c = 0; c < counts.length; c++) {
        ObjectNode o = classes.addObject();
        o.put("value", r.problem().classNames().get(c));
        o.put("count", counts[c]);
      }
    }
    ObjectNode splits = root.putObject("splits");
    splits.put("strategy", r.plan().splits().strategy().label());
    splits.put("folds", r.plan().splits().k());
    splits.put("repeats", r.plan().splits().repeats());
    ArrayNode sizes = splits.putArray("sizes");
    for (Fold f : r.plan().splits().folds()) {
      ObjectNode o = sizes.addObject();
      o.put("repeat", f.repeat());
      o.put("fold", f.index());
      o.put("train", f.trainSize());
      o.put("validation", f.validationSize());
    }
    root.put("primary_metric", r.plan().primary().label());
    root.put("baseline", r.baselineName());
    root.put("threads", r.plan().threads());
    ArrayNode models = root.putArray("models");
    for (LeaderboardEntry e : r.leaderboard()) {
      models.add(model(r, e));
    }
    ArrayNode checks = root.putArray("sanity_checks");
    for (SanityCheck c : r.checks()) {
      ObjectNode o = checks.addObject();
      o.put("name", c.name());
      o.put("passed", c.passed());
      o.put("message", c.message());
      o.set("evidence", Json.value(c.evidence()));
    }
    ArrayNode notes = root.putArray("notes");
    r.notes().forEach(notes::add);
    root.put("summary", BaselineText.summary(r));
    ObjectNode timings = root.putObject("timings");
    timings.put("read_seconds", readSeconds);
    timings.put("evaluate_seconds", r.seconds());
    timings.put("total_seconds", totalSeconds);
    ObjectNode perLearner = timings.putObject("learners");
    for (LeaderboardEntry e : r.leaderboard()) {
      perLearner.put(e.result().spec().name(),
          e.result().folds().stream().mapToDouble(FoldScore::fitSeconds).sum());
    }
    root.set("provenance", Json.provenance(provenance));
    return root;
  }

  private static ObjectNode model(BaselineResult r, LeaderboardEntry e) {
    LearnerResult res = e.result();
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("rank", e.rank());
    o.put("name", res.spec().name());
    o.put("library", res.spec().library());
    o.put("spec", res.spec().text());
    o.put("status", res.ok() ? "ok" : "failed");
    res.error().ifPresentOrElse(err -> o.put("error", err), () -> o.putNull("error"));
    ObjectNode metrics = o.putObject("metrics");
    ObjectNode train = o.putObject("train_metrics");
    for (Metric m : r.plan().metrics()) {
      res.validation(m, r.test()).ifPresent(s -> metrics.set(m.label(), summary(s, true)));
      res.train(m, r.test()).ifPresent(s -> train.set(m.label(), summary(s, false)));
    }
    if (res.ok()) {
      res.fitSeconds().ifPresent(v -> o.put("fit_seconds", v));
      res.predictSecondsPer1000().ifPresent(v -> o.put("predict_seconds_per_1000", v));
    } else {
      o.putNull("fit_seconds");
      o.putNull("predict_seconds_per_1000");
    }
    res.sizeBytes().ifPresentOrElse(v -> o.put("size_bytes", v), () -> o.putNull("size_bytes"));
    o.set("vs_baseline", comparison(e.vsBaseline(), e.baselineComparison().label()));
    o.set("vs_leader", comparison(e.vsLeader(), e.leaderComparison().label()));
    ArrayNode folds = o.putArray("folds");
    for (FoldScore f : res.folds()) {
      ObjectNode fo = folds.addObject();
      fo.put("repeat", f.repeat());
      fo.put("fold", f.fold());
      fo.set("validation", scores(f.validation()));
      fo.set("train", scores(f.train()));
      fo.put("fit_seconds", f.fitSeconds());
    }
    ConfusionMatrix total = null;
    for (FoldScore f : res.folds()) {
      if (f.confusion().isPresent()) {
        total = total == null ? f.confusion().get() : total.plus(f.confusion().get());
      }
    }
    if (total != null) {
      ObjectNode cm = o.putObject("confusion_matrix");
      ArrayNode labels = cm.putArray("classes");
      total.classes().forEach(labels::add);
      ArrayNode rows = cm.putArray("counts");
      for (long[] row : total.counts()) {
        ArrayNode a = rows.addArray();
        for (long v : row) {
          a.add(v);
        }
      }
    }
    return o;
  }

  private static ObjectNode summary(MetricSummary s, boolean withCi) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    Json.putNumber(o, "mean", s.mean());
    Json.putNumber(o, "std", s.std());
    if (withCi) {
      ArrayNode ci = o.putArray("ci95");
      ci.add(s.ci95().lower());
      ci.add(s.ci95().upper());
    }
    o.put("folds", s.folds());
    return o;
  }

  private static ObjectNode comparison(Optional<TTestResult> t, String verdict) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("verdict", verdict);
    t.ifPresent(x -> {
      o.put("mean_difference", x.meanDifference());
      o.put("p_value", x.pValue());
      x.t().ifPresent(v -> o.put("t", v));
      o.put("df", x.degreesOfFreedom());
    });
    return o;
  }

  private static ObjectNode scores(Map<Metric, Double> m) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    m.forEach((k, v) -> Json.putNumber(o, k.label(), v));
    return o;
  }
}
