package dev.plumb.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumb.profile.ExpectationFailure;
import dev.plumb.profile.ExpectationReport;

/** The JSON form of an {@link ExpectationReport} (documented in the README). Stateless. */
public final class ExpectationJson {
  private ExpectationJson() {}

  /** The report as a JSON tree. */
  public static ObjectNode of(ExpectationReport r, Provenance provenance) {
    ObjectNode root = Json.envelope("datatest check");
    root.set("dataset", Json.dataset(r.data(), r.version()));
    root.put("expectations", r.expectations().toString());
    root.put("passed", r.passed());
    root.put("checks", r.checks());
    root.put("failed", r.failures().size());
    ArrayNode failures = root.putArray("failures");
    for (ExpectationFailure f : r.failures()) {
      ObjectNode o = failures.addObject();
      o.put("check", f.check());
      f.column().ifPresentOrElse(c -> o.put("column", c), () -> o.putNull("column"));
      o.put("message", f.message());
      o.put("count", f.count());
      ArrayNode ex = o.putArray("examples");
      f.examples().forEach(ex::add);
    }
    root.set("provenance", Json.provenance(provenance));
    return root;
  }
}
