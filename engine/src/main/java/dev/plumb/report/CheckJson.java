package dev.plumb.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumb.check.CheckResult;
import dev.plumb.check.ModelCard;
import dev.plumb.drift.FeatureDrift;
import dev.plumb.evaluate.Interval;
import dev.plumb.profile.ExpectationFailure;
import java.util.List;

/** The JSON form of a {@link CheckResult} (keys documented in the README). Stateless. */
public final class CheckJson {
  private CheckJson() {}

  /** The result as a JSON tree. */
  public static ObjectNode of(CheckResult r, Provenance provenance) {
    ObjectNode root = Json.envelope("check");
    root.put("passed", r.passed());
    ArrayNode failures = root.putArray("failures");
    r.failures().forEach(failures::add);

    ModelCard c = r.card();
    ObjectNode model = root.putObject("model");
    model.put("path", r.model().toString());
    model.put("learner", c.learner());
    model.put("task", c.task());
    model.put("target", c.target());
    model.put("seed", c.seed());
    model.put("plumb_version", c.plumbVersion());
    model.put("created_at", c.createdAt());
    ObjectNode trained = model.putObject("trained_on");
    trained.put("file", c.dataset().file());
    trained.put("version", c.dataset().version());
    trained.put("content_sha256", c.dataset().contentSha256());
    trained.put("rows", c.dataset().rows());

    root.set("dataset", Json.dataset(r.data(), r.version()));
    ObjectNode rows = root.putObject("rows");
    rows.put("scored", r.scoredRows());
    rows.put("unlabelled", r.unlabelledRows());
    ObjectNode unseen = rows.putObject("unseen_classes");
    r.unseenClasses().forEach(unseen::put);

    ObjectNode ex = root.putObject("expectations");
    ex.put("passed", r.expectations().passed());
    ex.put("checks", r.expectations().checks());
    failures(ex.putArray("failures"), r.expectations().failures());
    failures(ex.putArray("tolerated"), r.tolerated());

    if (r.scoringError().isPresent()) {
      root.put("scoring_error", r.scoringError().get());
    } else {
      root.putNull("scoring_error");
    }
    root.put("max_drop", r.maxDrop());
    ArrayNode metrics = root.putArray("metrics");
    for (CheckResult.MetricCheck m : r.metrics()) {
      ObjectNode o = metrics.addObject();
      o.put("metric", m.metric().label());
      Json.putNumber(o, "reference", m.reference());
      o.put("reference_source", m.referenceSource());
      Json.putNumber(o, "allowance", m.allowance());
      Json.putNumber(o, "bound", m.bound());
      interval(o, m.score().orElse(null), "score");
      o.put("status", m.status().label());
      if (m.rowsNeeded().isPresent()) {
        o.put("rows_needed", m.rowsNeeded().getAsLong());
      } else {
        o.putNull("rows_needed");
      }
    }
    if (r.baseline().isPresent()) {
      CheckResult.BaselineCheck b = r.baseline().get();
      ObjectNode o = root.putObject("baseline");
      o.put("name", b.name());
      o.put("metric", b.metric().label());
      Json.putNumber(o, "score", b.baselineScore());
      interval(o, b.lead(), "lead");
      o.put("clearly_better", b.clearlyBetter());
      o.put("applicable", b.applicable());
    } else {
      root.putNull("baseline");
    }
    ArrayNode drift = root.putArray("drift");
    for (FeatureDrift d : r.drift()) {
      ObjectNode o = drift.addObject();
      o.put("column", d.column());
      o.put("kind", d.kind().label());
      o.put("severity", d.severity().label());
      o.put("flagged", d.flagged());
      Json.putNumber(o, "psi", d.psi());
      o.put("test", d.test().map(t -> t.method().label()).orElse(null));
      Json.putNumber(o, "statistic", d.test().map(t -> t.statistic()).orElse(Double.NaN));
      Json.putNumber(o, "p_value", d.test().map(t -> t.pValue()).orElse(Double.NaN));
      Json.putNumber(o, "missing_share_before", d.missingShareBefore());
      Json.putNumber(o, "missing_share_after", d.missingShareAfter());
      o.put("reason", d.reason());
    }
    root.put("seed", r.seed());
    root.set("provenance", Json.provenance(provenance));
    return root;
  }

  private static void failures(ArrayNode out, List<ExpectationFailure> failures) {
    for (ExpectationFailure f : failures) {
      ObjectNode o = out.addObject();
      o.put("check", f.check());
      f.column().ifPresentOrElse(col -> o.put("column", col), () -> o.putNull("column"));
      o.put("message", f.message());
      o.put("count", f.count());
    }
  }

  private static void interval(ObjectNode o, Interval i, String key) {
    if (i == null) {
      o.putNull(key);
      o.putNull(key + "_ci_low");
      o.putNull(key + "_ci_high");
      return;
    }
    Json.putNumber(o, key, i.estimate());
    Json.putNumber(o, key + "_ci_low", i.lower());
    Json.putNumber(o, key + "_ci_high", i.upper());
  }
}
