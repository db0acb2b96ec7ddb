package dev.plumb.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumb.data.Dataset;
import dev.plumb.diagnose.CurvePoint;
import dev.plumb.diagnose.DiagnoseResult;
import dev.plumb.diagnose.Extrapolation;
import dev.plumb.diagnose.LearnerDiagnosis;
import dev.plumb.diagnose.Remedy;
import dev.plumb.diagnose.TestCheck;
import dev.plumb.diagnose.ValidationCurve;
import dev.plumb.evaluate.Interval;
import java.util.OptionalDouble;

/** The JSON form of a diagnose run (documented in the README). Stateless. */
public final class DiagnoseJson {
  private DiagnoseJson() {}

  /** The run as a JSON tree. */
  public static ObjectNode of(Dataset dataset, DiagnoseResult r, Provenance provenance,
      double totalSeconds) {
    ObjectNode root = Json.envelope("diagnose");
    root.set("dataset", Json.dataset(dataset.path(), dataset.version()));
    root.put("target", r.problem().target());
    root.put("task", r.problem().task().label());
    root.put("seed", r.seed());
    root.put("labelled_rows", r.problem().size());
    root.put("dropped_rows", r.problem().droppedRows());
    ObjectNode splits = root.putObject("splits");
    splits.put("strategy", r.splits().strategy().label());
    splits.put("folds", r.splits().k());
    splits.put("repeats", r.splits().repeats());
    root.put("metric", r.metric().label());
    ArrayNode sizes = root.putArray("train_sizes");
    for (int s : r.sizes()) {
      sizes.add(s);
    }
    root.put("validation_curve_train_size", r.sweepSize());
    ObjectNode trivial = root.putObject("trivial_baseline");
    trivial.put("name", r.problem().task().isClassification() ? "majority" : "mean");
    trivial.set("validation", meanStd(r.trivial().validationMean(),
        r.trivial().validationStd()));
    ArrayNode models = root.putArray("models");
    for (LearnerDiagnosis d : r.models()) {
      models.add(model(d, r.metric()));
    }
    if (r.test().isPresent()) {
      TestCheck.Report t = r.test().get();
      ObjectNode test = root.putObject("test");
      test.put("rows", t.testRows());
      Json.putNumber(test, "shift_auc", t.shiftAuc());
      test.put("shifted", t.shifted());
      ArrayNode features = test.putArray("shifted_features");
      for (TestCheck.ShiftedFeature f : t.features()) {
        ObjectNode fo = features.addObject();
        fo.put("column", f.column());
        fo.put("test", f.test());
        Json.putNumber(fo, "statistic", f.statistic());
        Json.putNumber(fo, "p_value", f.pValue());
      }
    } else {
      root.putNull("test");
    }
    ArrayNode notes = root.putArray("notes");
    r.notes().forEach(notes::add);
    root.putObject("timings").put("total_seconds", totalSeconds);
    root.set("provenance", Json.provenance(provenance));
    return root;
  }

  private static ObjectNode model(LearnerDiagnosis d, dev.plumb.evaluate.Metric metric) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("name", d.spec().name());
    o.put("library", d.spec().library());
    o.put("spec", d.spec().text());
    boolean ok = d.full().complete();
    o.put("status", ok ? "ok" : "failed");
    o.set("error", Json.value(d.full().error().orElse(null)));
    o.put("diagnosis", d.verdict().label());
    Json.putNumber(o, "confidence", d.confidence());
    o.put("evidence", d.evidence());
    o.set("settle", Json.value(d.settle().orElse(null)));
    o.set("more_data_helps", Json.value(d.moreDataHelps().orElse(null)));
    o.put("more_data_evidence", d.moreDataEvidence());
    ArrayNode lc = o.putArray("learning_curve");
    for (CurvePoint p : d.learningCurve()) {
      lc.add(point(p));
    }
    if (d.validationCurve().isPresent()) {
      ValidationCurve vc = d.validationCurve().get();
      ObjectNode v = o.putObject("validation_curve");
      v.put("parameter", vc.sweep().parameter());
      v.put("current", vc.sweep().values().get(vc.current()));
      v.put("higher_is_more_complex", vc.sweep().higherIsMoreComplex());
      v.put("train_size", vc.trainSize());
      ArrayNode pts = v.putArray("points");
      for (CurvePoint p : vc.points()) {
        ObjectNode po = point(p);
        po.put("value", p.setting().orElse(""));
        pts.add(po);
      }
    } else {
      o.putNull("validation_curve");
    }
    o.set("extrapolation", extrapolation(d.extrapolation()));
    ObjectNode dec = o.putObject("decomposition");
    Json.putNumber(dec, "target", d.decomposition().target());
    dec.put("target_source", d.decomposition().targetSource());
    Json.putNumber(dec, "train", d.decomposition().train());
    Json.putNumber(dec, "validation", d.decomposition().validation());
    putOptional(dec, "test", d.decomposition().test());
    Json.putNumber(dec, "avoidable_bias", d.decomposition().avoidableBias(metric));
    Json.putNumber(dec, "variance", d.decomposition().variance(metric));
    putOptional(dec, "test_shift", d.decomposition().shift(metric));
    ArrayNode remedies = o.putArray("remedies");
    int rank = 1;
    for (Remedy r : d.remedies()) {
      ObjectNode ro = remedies.addObject();
      ro.put("rank", rank++);
      ro.put("action", r.action());
      ro.set("setting", Json.value(r.setting().orElse(null)));
      ro.put("evidence", r.evidence());
    }
    return o;
  }

  private static ObjectNode point(CurvePoint p) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("train_size", p.trainSize());
    o.set("train", meanStd(p.trainMean(), p.trainStd()));
    o.set("validation", meanStd(p.validationMean(), p.validationStd()));
    Json.putNumber(o, "fit_seconds", p.fitSecondsMean());
    ArrayNode folds = o.putArray("folds");
    double[] tr = p.train();
    double[] va = p.validation();
    double[] sec = p.fitSeconds();
    for (int f = 0; f < va.length; f++) {
      ObjectNode fo = folds.addObject();
      Json.putNumber(fo, "train", tr[f]);
      Json.putNumber(fo, "validation", va[f]);
      Json.putNumber(fo, "fit_seconds", sec[f]);
    }
    o.set("error", Json.value(p.error().orElse(null)));
    return o;
  }

  private static ObjectNode extrapolation(Extrapolation e) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("status", e.status().name().toLowerCase(java.util.Locale.ROOT));
    o.put("reason", e.reason());
    o.put("train_rows", e.rows());
    if (e.law().isPresent()) {
      ObjectNode law = o.putObject("power_law");
      Json.putNumber(law, "a", e.law().get().a());
      Json.putNumber(law, "b", e.law().get().b());
      Json.putNumber(law, "c", e.law().get().c());
    } else {
      o.putNull("power_law");
    }
    o.set("score_at_2x", interval(e.atTwice().orElse(null)));
    o.set("score_at_10x", interval(e.atTenTimes().orElse(null)));
    o.set("asymptote", interval(e.asymptote().orElse(null)));
    putOptional(o, "rows_for_goal", e.rowsForGoal());
    putOptional(o, "fit_seconds_at_2x", e.fitSecondsAtTwice());
    putOptional(o, "fit_seconds_at_10x", e.fitSecondsAtTenTimes());
    return o;
  }

  private static com.fasterxml.jackson.databind.JsonNode interval(Interval i) {
    if (i == null) {
      return Json.value(null);
    }
    ObjectNode o = Json.MAPPER.createObjectNode();
    Json.putNumber(o, "estimate", i.estimate());
    ArrayNode ci = o.putArray("ci95");
    ci.add(i.lower());
    ci.add(i.upper());
    return o;
  }

  private static void putOptional(ObjectNode o, String key, OptionalDouble v) {
    if (v.isPresent()) {
      Json.putNumber(o, key, v.getAsDouble());
    } else {
      o.putNull(key);
    }
  }

  private static ObjectNode meanStd(double mean, double std) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    Json.putNumber(o, "mean", mean);
    Json.putNumber(o, "std", std);
    return o;
  }
}
