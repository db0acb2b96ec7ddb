package dev.plumb.report;

import dev.plumb.bench.BenchEntry;
import dev.plumb.bench.BenchResult;
import dev.plumb.bench.CandidateMeasurement;
import dev.plumb.bench.CandidateVerdict;
import dev.plumb.bench.TargetCheck;
import dev.plumb.bench.Tuner;
import dev.plumb.data.Dataset;
import dev.plumb.evaluate.MetricSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The terminal summary of a bench run. Stateless. */
public final class BenchText {
  private BenchText() {}

  /** Renders the result for a terminal. */
  public static String render(Dataset dataset, BenchResult r, Provenance provenance) {
    StringBuilder sb = new StringBuilder();
    var p = r.run().problem();
    sb.append(String.format(Locale.ROOT, "bench of %s → %s (%s, %d labelled rows)%n",
        dataset.path(), p.target(), p.task().label(), p.size()));
    sb.append(String.format(Locale.ROOT, "dataset version %s · seed %s · %s · metric %s%n%n",
        dataset.version().id(), seedOf(r), BaselineText.describe(r.run().splits()),
        r.metric().label()));
    TextTable t = new TextTable(List.of("candidate", r.metric().label(), "p50 ms", "p99 ms",
        "rows/s", "size", "gzip", "train s", "train mem", "targets", "pareto"),
        false, true, true, true, true, true, true, true, true, false, false);
    for (int i = 0; i < r.measurements().size(); i++) {
      CandidateMeasurement m = r.measurements().get(i);
      BenchEntry e = r.run().entries().get(i);
      String name = m.name() + (e.control() ? " (control)" : "");
      if (!m.ok()) {
        t.row(name, "FAILED", "", "", "", "", "", "", "", "fails", "");
        continue;
      }
      CandidateVerdict v = r.verdicts().candidate(m.name()).orElseThrow();
      t.row(name, m.score(r.metric()).map(BenchText::score).orElse("n/a"),
          m.latency().map(l -> ms(l.p50Ms())).orElse(""),
          m.latency().map(l -> ms(l.p99Ms())).orElse(""),
          m.throughputRowsPerS().stream().mapToObj(x -> String.format(Locale.ROOT, "%,.0f", x))
              .findFirst().orElse(""),
          m.sizeBytes().stream().mapToObj(BenchText::bytes).findFirst().orElse(""),
          m.gzipBytes().stream().mapToObj(BenchText::bytes).findFirst().orElse(""),
          m.trainSeconds().stream().mapToObj(x -> String.format(Locale.ROOT, "%.2f", x))
              .findFirst().orElse(""),
          m.trainMemoryBytes().stream().mapToObj(BenchText::bytes).findFirst().orElse(""),
          r.targets().hasNoBounds() ? "—" : v.meetsAll() ? "all met"
              : v.failures().size() + " failed",
          r.front().isOnFront(m.name()) ? "front"
              : r.front().dominatedBy(m.name()).map(b -> "< " + b).orElse(""));
    }
    sb.append(t.render()).append('\n');
    for (int i = 0; i < r.measurements().size(); i++) {
      CandidateMeasurement m = r.measurements().get(i);
      m.error().ifPresent(err -> sb.append("FAILED ").append(m.name()).append(": ")
          .append(err).append('\n'));
    }
    if (!r.targets().hasNoBounds()) {
      sb.append("targets:\n");
      List<String> header = new ArrayList<>(List.of("candidate"));
      r.targets().bounds().forEach(b -> header.add(b.toString()));
      boolean[] right = new boolean[header.size()];
      TextTable vt = new TextTable(header, right);
      for (CandidateVerdict v : r.verdicts().candidates()) {
        List<String> cells = new ArrayList<>(List.of(v.name()));
        for (TargetCheck c : v.checks()) {
          cells.add((c.pass() ? "pass " : "FAIL ") + c.margin().stream()
              .mapToObj(x -> String.format(Locale.ROOT, "%+.4g", x)).findFirst()
              .orElse(c.reason().orElse("")));
        }
        vt.row(cells.toArray(String[]::new));
      }
      sb.append(vt.render()).append('\n');
    }
    r.cheapest().ifPresent(c -> sb.append("cheapest within one standard error: ")
        .append(c.explanation()).append('\n'));
    sb.append(r.verdicts().anyMeetsAll()
        ? (r.targets().hasNoBounds() ? "no targets given; every candidate that ran counts as"
            + " meeting them\n" : "meets every target: "
            + String.join(", ", r.verdicts().meetingAll()) + "\n")
        : "no candidate meets every target (exit code 1)\n");
    r.jmh().ifPresent(j -> sb.append('\n').append(j.summary()).append('\n'));
    boolean anyTuned = r.run().entries().stream().anyMatch(e -> e.tuning().isPresent());
    if (anyTuned) {
      sb.append("\ntuning (").append(r.run().tuneBudget()).append(" trials each):\n");
      for (BenchEntry e : r.run().entries()) {
        e.tuning().ifPresent(tr -> sb.append("  ").append(e.name()).append(": ")
            .append(tr.tunable() ? "chose " + tr.chosen().spec().text() + best(tr)
                : "nothing to tune").append('\n'));
      }
    }
    if (!r.run().notes().isEmpty()) {
      sb.append("\nnotes:\n");
      r.run().notes().forEach(n -> sb.append("  ").append(n).append('\n'));
    }
    sb.append('\n').append(ProfileText.footer(provenance, seedOf(r))).append('\n');
    return sb.toString();
  }

  private static String best(Tuner.Result tr) {
    return tr.trials().stream().filter(t -> t.spec().equals(tr.chosen().spec())).findFirst()
        .map(t -> String.format(Locale.ROOT, " (tuning score %.4f)", t.score())).orElse("");
  }

  static String seedOf(BenchResult r) {
    return String.valueOf(r.run().seed());
  }

  static String score(MetricSummary s) {
    return String.format(Locale.ROOT, "%.4f ± %.4f", s.mean(), s.std());
  }

  static String ms(double v) {
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v)
        : v >= 1 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.3f", v);
  }

  static String bytes(long b) {
    if (b < 1024) {
      return b + " B";
    }
    if (b < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
    }
    if (b < 1024L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MiB", b / 1024.0 / 1024);
    }
    return String.format(Locale.ROOT, "%.2f GiB", b / 1024.0 / 1024 / 1024);
  }
}
