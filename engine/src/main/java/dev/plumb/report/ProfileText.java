package dev.plumb.report;

import dev.plumb.data.NumericColumn;
import dev.plumb.data.ReadInfo;
import dev.plumb.profile.ColumnProfile;
import dev.plumb.profile.Finding;
import dev.plumb.profile.NumericSummary;
import dev.plumb.profile.Profile;
import dev.plumb.profile.Severity;
import dev.plumb.profile.ValueCount;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The terminal summary of a {@link Profile}. Stateless. */
public final class ProfileText {
  private static final int MAX_INFO_LINES = 10;

  private ProfileText() {}

  /** Renders the profile for a terminal. */
  public static String render(Profile p, Provenance provenance) {
    StringBuilder sb = new StringBuilder();
    ReadInfo info = p.readInfo();
    sb.append("profile of ").append(p.path()).append('\n');
    sb.append(String.format(Locale.ROOT,
        "dataset version %s · %d rows × %d columns · delimiter %s · %s · %s line endings%s%n",
        p.version().id(), p.version().rows(), p.version().columns(),
        dev.plumb.data.CsvOptions.printable(info.delimiter()), info.encoding(), info.lineEnding(),
        info.skippedRows() > 0 ? " · " + info.skippedRows() + " bad rows skipped (lines "
            + info.skippedLines().stream().map(String::valueOf).collect(Collectors.joining(", "))
            + (info.skippedRows() > info.skippedLines().size() ? ", ..." : "") + ")" : ""));
    p.target().ifPresent(t -> {
      sb.append("target ").append(t.name()).append(" (").append(t.task().label()).append(')');
      if (!t.classes().isEmpty()) {
        sb.append(": ").append(t.classes().stream().limit(8)
            .map(c -> c.value() + " " + c.count()).collect(Collectors.joining(", ")));
        if (t.classes().size() > 8) {
          sb.append(", … (").append(t.classes().size()).append(" classes)");
        }
        t.imbalanceRatio().ifPresent(r -> sb.append(String.format(Locale.ROOT,
            " · imbalance %.1f:1", r)));
      }
      if (t.missing() > 0) {
        sb.append(" · ").append(t.missing()).append(" missing");
      }
      sb.append('\n');
    });
    sb.append('\n');

    TextTable table = new TextTable(
        List.of("column", "type", "missing", "distinct", "min", "mean", "std", "median", "max",
            "top values"),
        false, false, true, true, true, true, true, true, true, false);
    for (ColumnProfile c : p.columns()) {
      String missing = c.missing() == 0 ? "0"
          : c.missing() + " (" + TextTable.percent(c.missingShare()) + ")";
      if (c.numeric().isPresent()) {
        NumericSummary s = c.numeric().get();
        boolean time = c.type() == dev.plumb.data.ColumnType.DATETIME;
        table.row(c.name(), c.type().label(), missing, String.valueOf(c.distinct()),
            time ? when(s.min()) : TextTable.number(s.min()),
            time ? "" : TextTable.number(s.mean()),
            time ? "" : TextTable.number(s.std()),
            time ? when(s.median()) : TextTable.number(s.median()),
            time ? when(s.max()) : TextTable.number(s.max()), "");
      } else {
        table.row(c.name(), c.type().label(), missing, String.valueOf(c.distinct()), "", "", "",
            "", "", top(c.topValues()));
      }
    }
    sb.append(table.render()).append('\n');

    if (p.findings().isEmpty()) {
      sb.append("findings: none\n");
    } else {
      Map<Severity, Long> bySeverity = new TreeMap<>(java.util.Comparator.reverseOrder());
      p.findings().forEach(f -> bySeverity.merge(f.severity(), 1L, Long::sum));
      sb.append("findings: ").append(bySeverity.entrySet().stream()
          .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", ")))
          .append('\n');
      int infoShown = 0;
      for (Finding f : p.findings()) {
        if (f.severity() == Severity.INFO && infoShown++ >= MAX_INFO_LINES) {
          continue;
        }
        sb.append(String.format(Locale.ROOT, "  %-7s %-22s %s%n",
            f.severity().name(), f.kind().label(), f.message()));
      }
      if (infoShown > MAX_INFO_LINES) {
        sb.append("  … and ").append(infoShown - MAX_INFO_LINES)
            .append(" more info findings (see --json or --html)\n");
      }
    }
    sb.append('\n').append(footer(provenance, "n/a")).append('\n');
    return sb.toString();
  }

  /** The provenance line every terminal report ends with. */
  public static String footer(Provenance provenance, String seed) {
    return "plumb " + provenance.plumbVersion() + " · seed " + seed + " · "
        + provenance.libraries().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
  }

  private static String when(double epochSeconds) {
    String iso = java.time.Instant.ofEpochSecond((long) Math.floor(epochSeconds)).toString();
    return iso.endsWith("T00:00:00Z") ? iso.substring(0, 10) : iso.replace("Z", "");
  }

  private static String top(List<ValueCount> values) {
    return values.stream().limit(3).map(v -> v.value() + " " + v.count())
        .collect(Collectors.joining(", ")) + (values.size() > 3 ? ", …" : "");
  }
}
