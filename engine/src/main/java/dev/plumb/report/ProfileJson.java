package dev.plumb.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumb.data.ReadInfo;
import dev.plumb.profile.ColumnProfile;
import dev.plumb.profile.Finding;
import dev.plumb.profile.NumericSummary;
import dev.plumb.profile.Profile;
import dev.plumb.profile.TargetProfile;
import dev.plumb.profile.ValueCount;
import java.util.List;

/** The JSON form of a {@link Profile} (documented in the README). Stateless. */
public final class ProfileJson {
  private ProfileJson() {}

  /** The profile as a JSON tree. */
  public static ObjectNode of(Profile p, Provenance provenance) {
    ObjectNode root = Json.envelope("profile");
    root.set("dataset", Json.dataset(p.path(), p.version()));
    p.target().ifPresentOrElse(t -> {
      root.put("target", t.name());
      root.put("task", t.task().label());
    }, () -> {
      root.putNull("target");
      root.putNull("task");
    });
    ReadInfo info = p.readInfo();
    ObjectNode read = root.putObject("read");
    read.put("delimiter", String.valueOf(info.delimiter()));
    read.put("encoding", info.encoding());
    read.put("byte_order_mark", info.byteOrderMark());
    read.put("line_ending", info.lineEnding());
    read.put("decimal_mark", String.valueOf(info.decimalMark()));
    read.put("skipped_rows", info.skippedRows());
    ArrayNode skipped = read.putArray("skipped_lines");
    info.skippedLines().forEach(skipped::add);
    root.put("duplicate_rows", p.duplicateRows());

    ArrayNode columns = root.putArray("columns");
    for (ColumnProfile c : p.columns()) {
      columns.add(column(c));
    }
    p.target().ifPresent(t -> root.set("target_profile", target(t)));
    ArrayNode findings = root.putArray("findings");
    for (Finding f : p.findings()) {
      ObjectNode o = findings.addObject();
      o.put("kind", f.kind().label());
      o.put("severity", f.severity().label());
      f.column().ifPresentOrElse(c -> o.put("column", c), () -> o.putNull("column"));
      o.put("message", f.message());
      o.set("evidence", Json.value(f.evidence()));
    }
    root.set("provenance", Json.provenance(provenance));
    return root;
  }

  private static ObjectNode column(ColumnProfile c) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("name", c.name());
    o.put("type", c.type().label());
    o.put("missing", c.missing());
    o.put("missing_share", c.missingShare());
    o.put("distinct", c.distinct());
    c.numeric().ifPresent(s -> o.set("numeric", numeric(s)));
    if (!c.topValues().isEmpty()) {
      o.set("top_values", counts(c.topValues()));
    }
    return o;
  }

  private static ObjectNode numeric(NumericSummary s) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    Json.putNumber(o, "min", s.min());
    Json.putNumber(o, "max", s.max());
    Json.putNumber(o, "mean", s.mean());
    Json.putNumber(o, "std", s.std());
    Json.putNumber(o, "q1", s.q1());
    Json.putNumber(o, "median", s.median());
    Json.putNumber(o, "q3", s.q3());
    o.put("outliers", s.outliers());
    ObjectNode h = o.putObject("histogram");
    ArrayNode edges = h.putArray("edges");
    for (double e : s.histogram().edges()) {
      edges.add(e);
    }
    ArrayNode counts = h.putArray("counts");
    for (long c : s.histogram().counts()) {
      counts.add(c);
    }
    return o;
  }

  private static ObjectNode target(TargetProfile t) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("name", t.name());
    o.put("task", t.task().label());
    o.put("missing", t.missing());
    if (!t.classes().isEmpty()) {
      o.set("classes", counts(t.classes()));
    }
    t.imbalanceRatio().ifPresent(r -> o.put("imbalance_ratio", r));
    return o;
  }

  private static ArrayNode counts(List<ValueCount> values) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    for (ValueCount v : values) {
      ObjectNode o = a.addObject();
      o.put("value", v.value());
      o.put("count", v.count());
    }
    return a;
  }
}
