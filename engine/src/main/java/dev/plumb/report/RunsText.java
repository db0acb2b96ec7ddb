package dev.plumb.report;

import dev.plumb.store.RunComparison;
import dev.plumb.store.RunFilter;
import dev.plumb.store.RunRecord;
import dev.plumb.store.RunSummary;
import dev.plumb.store.StoreLocation;
import dev.plumb.store.StoredRun;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** The terminal text of {@code plumb runs}, {@code runs show} and {@code runs compare}. Stateless. */
public final class RunsText {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private RunsText() {}

  /** The run list, or a sentence saying there is none. */
  public static String list(StoreLocation store, List<RunSummary> runs, RunFilter filter) {
    if (runs.isEmpty()) {
      boolean filtered = filter.command().isPresent() || filter.datasetVersion().isPresent();
      return (filtered ? "no runs match in " + store + "\n"
          : "no runs recorded in " + store + " yet\n");
    }
    TextTable t = new TextTable(List.of("id", "started (UTC)", "command", "exit", "dataset",
        "version", "best", "metric", "score"), true, false, false, true, false, false, false,
        false, true);
    for (RunSummary r : runs) {
      t.row(Long.toString(r.id()), time(r.startedAt()), r.command(),
          Integer.toString(r.exitCode()), r.datasetPath().map(RunsText::fileName).orElse(""),
          r.datasetVersion().orElse(""), r.best().map(RunRecord.Best::learner).orElse(""),
          r.best().map(RunRecord.Best::metric).orElse(""),
          r.best().map(b -> TextTable.number(b.score())).orElse(""));
    }
    return "runs in " + store + ", newest first\n\n" + t.render();
  }

  /** Everything recorded of one run. */
  public static String show(StoredRun stored) {
    RunRecord r = stored.run();
    StringBuilder sb = new StringBuilder();
    sb.append("run ").append(stored.id()).append(": plumb ").append(String.join(" ",
        r.arguments())).append('\n');
    sb.append("  command    ").append(r.command()).append(", exit ").append(r.exitCode())
        .append('\n');
    sb.append("  started    ").append(r.startedAt()).append(", ended ").append(r.endedAt())
        .append('\n');
    r.dataset().ifPresent(d -> sb.append("  dataset    ").append(d.path()).append(", version ")
        .append(d.versionId()).append(", ").append(d.rows()).append(" rows × ")
        .append(d.columns()).append(" columns\n")
        .append("             content_sha256 ").append(d.contentSha256()).append('\n')
        .append("             bytes_sha256   ").append(d.bytesSha256()).append('\n')
        .append("             schema_sha256  ").append(d.schemaSha256()).append('\n'));
    r.target().ifPresent(x -> sb.append("  target     ").append(x)
        .append(r.task().map(t -> " (" + t + ")").orElse("")).append('\n'));
    if (r.seed().isPresent()) {
      sb.append("  seed       ").append(r.seed().getAsLong()).append('\n');
    }
    r.split().ifPresent(s -> sb.append("  split      ").append(s.describe()).append('\n'));
    sb.append("  software   plumb ").append(r.software().plumbVersion()).append(", java ")
        .append(r.software().javaVersion()).append('\n');
    StringBuilder libs = new StringBuilder();
    r.software().libraries().forEach((k, v) -> libs.append(libs.length() == 0 ? "" : ", ")
        .append(k).append(' ').append(v));
    if (libs.length() > 0) {
      sb.append("             ").append(libs).append('\n');
    }
    r.best().ifPresent(b -> sb.append("  best       ").append(b.learner()).append(", ")
        .append(b.metric()).append(' ').append(TextTable.number(b.score())).append('\n'));
    if (!r.learners().isEmpty()) {
      TextTable t = new TextTable(List.of("learner", "metric", "mean", "std", "ci95", "folds",
          "fit s", "predict s/1000", "error"), false, false, true, true, false, true, true, true,
          false);
      for (RunRecord.LearnerRun l : r.learners()) {
        if (l.metrics().isEmpty()) {
          t.row(l.learner(), "", "", "", "", "", number(l.fitSeconds()),
              number(l.predictSecondsPer1000()), l.error().orElse(""));
        }
        for (int i = 0; i < l.metrics().size(); i++) {
          RunRecord.MetricScore m = l.metrics().get(i);
          t.row(i == 0 ? l.learner() : "", m.metric(), TextTable.number(m.mean()),
              TextTable.number(m.std()), m.ciLow().isPresent() && m.ciHigh().isPresent()
                  ? "[" + TextTable.number(m.ciLow().getAsDouble()) + ", "
                  + TextTable.number(m.ciHigh().getAsDouble()) + "]" : "",
              Integer.toString(m.definedFolds()), i == 0 ? number(l.fitSeconds()) : "",
              i == 0 ? number(l.predictSecondsPer1000()) : "",
              i == 0 ? l.error().orElse("") : "");
        }
      }
      sb.append('\n').append(t.render());
    }
    if (!r.notes().isEmpty()) {
      TextTable t = new TextTable(List.of("learner", "note", "value", "number", "detail"),
          false, false, false, true, false);
      for (RunRecord.Note n : r.notes()) {
        t.row(n.learner().orElse(""), n.kind(), n.value(), number(n.number()),
            n.detail().orElse(""));
      }
      sb.append('\n').append(t.render());
    }
    return sb.toString();
  }

  /** What changed between two runs. */
  public static String compare(RunComparison c) {
    StringBuilder sb = new StringBuilder();
    sb.append("run ").append(c.first()).append(" → run ").append(c.second()).append('\n');
    RunComparison.DatasetChange d = c.dataset();
    sb.append("  dataset    ").append(c.dataset().sameContent() ? "same content" : "different")
        .append(": ").append(version(d.first())).append(" → ").append(version(d.second()))
        .append('\n');
    for (RunComparison.Change s : c.settings()) {
      sb.append(String.format("  %-10s %s%s%n", s.name(), s.first().orElse("-"),
          s.changed() ? " → " + s.second().orElse("-") : " (same)"));
    }
    if (!c.argumentsRemoved().isEmpty() || !c.argumentsAdded().isEmpty()) {
      sb.append("  arguments  removed ").append(c.argumentsRemoved()).append(", added ")
          .append(c.argumentsAdded()).append('\n');
    }
    if (c.versions().isEmpty()) {
      sb.append("  versions   the same\n");
    }
    for (RunComparison.Change v : c.versions()) {
      sb.append("  version    ").append(v.name()).append(' ').append(v.first().orElse("-"))
          .append(" → ").append(v.second().orElse("-")).append('\n');
    }
    boolean anyTested = c.metrics().stream()
        .anyMatch(m -> m.test() != RunComparison.NoiseTest.NONE);
    sb.append("  noise      ").append(!c.metrics().isEmpty() && !anyTested
        ? "not tested: a run has fewer than two scored folds\n"
        : (c.paired() ? "same data, split and seed: paired corrected t-test over the folds"
            : "different folds: unpaired t-test of the means") + ", p < 0.05\n");
    if (!c.metrics().isEmpty()) {
      TextTable t = new TextTable(List.of("learner", "metric", "run " + c.first(),
          "run " + c.second(), "delta", "p", "exceeds noise"), false, false, true, true, true,
          true, false);
      for (RunComparison.MetricDelta m : c.metrics()) {
        t.row(m.learner(), m.metric(), TextTable.number(m.firstMean()),
            TextTable.number(m.secondMean()), signed(m.delta()), number(m.pValue()),
            m.test() == RunComparison.NoiseTest.NONE ? "untested" : m.exceedsNoise() ? "yes"
                : "no");
      }
      sb.append('\n').append(t.render());
    }
    if (!c.learnersAdded().isEmpty()) {
      sb.append("\nadded: ").append(String.join(", ", c.learnersAdded())).append('\n');
    }
    if (!c.learnersRemoved().isEmpty()) {
      sb.append("\nremoved: ").append(String.join(", ", c.learnersRemoved())).append('\n');
    }
    return sb.toString();
  }

  private static String version(Optional<RunRecord.DatasetRef> d) {
    return d.map(x -> x.versionId() + " (" + x.rows() + " rows)").orElse("-");
  }

  private static String signed(double v) {
    String s = TextTable.number(v);
    return v > 0 ? "+" + s : s;
  }

  private static String number(OptionalDouble v) {
    return v.isPresent() ? TextTable.number(v.getAsDouble()) : "";
  }

  private static String time(Instant t) {
    return TIME.format(t);
  }

  private static String fileName(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return slash < 0 ? path : path.substring(slash + 1);
  }
}
