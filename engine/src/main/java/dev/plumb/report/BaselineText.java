package dev.plumb.report;

import dev.plumb.data.Dataset;
import dev.plumb.evaluate.BaselineResult;
import dev.plumb.evaluate.Comparison;
import dev.plumb.evaluate.LeaderboardEntry;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.MetricSummary;
import dev.plumb.evaluate.Problem;
import dev.plumb.evaluate.SanityCheck;
import dev.plumb.plan.Splits;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The terminal leaderboard of a baseline run. Stateless. */
public final class BaselineText {
  private BaselineText() {}

  /** Renders the result for a terminal. */
  public static String render(Dataset dataset, BaselineResult r, Provenance provenance) {
    StringBuilder sb = new StringBuilder();
    Problem p = r.problem();
    Metric primary = r.plan().primary();
    sb.append(String.format(Locale.ROOT, "baseline of %s → %s (%s, %d labelled rows)%n",
        dataset.path(), p.target(), p.task().label(), p.size()));
    sb.append(String.format(Locale.ROOT, "dataset version %s · seed %d · %s · %d threads%n",
        dataset.version().id(), r.plan().seed(), describe(r.plan().splits()),
        r.plan().threads()));
    sb.append('\n');
    String baseline = r.baselineName().isEmpty() ? "baseline" : r.baselineName();
    TextTable t = new TextTable(List.of("#", "learner", "library",
        primary.label() + " (validation)", "95% CI", "train", "fit s", "predict s/1k", "size",
        "vs " + baseline, "vs leader"),
        true, false, false, true, true, true, true, true, true, false, false);
    for (LeaderboardEntry e : r.leaderboard()) {
      if (!e.result().ok()) {
        t.row(String.valueOf(e.rank()), e.result().spec().name(), e.result().spec().library(),
            "FAILED", "", "", "", "", "", "", "");
        continue;
      }
      t.row(String.valueOf(e.rank()), e.result().spec().name(), e.result().spec().library(),
          e.validation().map(s -> num(s.mean()) + " ± " + num(s.std())).orElse("n/a"),
          e.validation().map(BaselineText::ci).orElse(""),
          e.train().map(s -> num(s.mean())).orElse("n/a"),
          e.result().fitSeconds().stream().mapToObj(BaselineText::seconds).findFirst().orElse(""),
          e.result().predictSecondsPer1000().stream().mapToObj(BaselineText::seconds).findFirst()
              .orElse(""),
          e.result().sizeBytes().stream().mapToObj(BaselineText::bytes).findFirst().orElse(""),
          word(e.baselineComparison(), true), word(e.leaderComparison(), false));
    }
    sb.append(t.render()).append('\n');

    List<LeaderboardEntry> failed = r.leaderboard().stream().filter(e -> !e.result().ok()).toList();
    for (LeaderboardEntry e : failed) {
      sb.append("FAILED ").append(e.result().spec().text()).append(": ")
          .append(e.result().error().orElse("")).append('\n');
    }
    sb.append(summary(r)).append('\n');
    sb.append('\n').append("sanity checks:\n");
    for (SanityCheck c : r.checks()) {
      sb.append(String.format(Locale.ROOT, "  %-4s %-22s %s%n", c.passed() ? "ok" : "FAIL",
          c.name(), c.message()));
    }
    if (!r.notes().isEmpty()) {
      sb.append("\nnotes:\n");
      r.notes().forEach(n -> sb.append("  ").append(n).append('\n'));
    }
    sb.append('\n').append(ProfileText.footer(provenance, String.valueOf(r.plan().seed())))
        .append('\n');
    return sb.toString();
  }

  /** Plain-language reading of the leaderboard. */
  static String summary(BaselineResult r) {
    List<LeaderboardEntry> ok = r.leaderboard().stream().filter(e -> e.result().ok()).toList();
    if (ok.isEmpty()) {
      return "every learner failed; see the reasons above";
    }
    LeaderboardEntry leader = ok.get(0);
    List<String> beat = ok.stream().filter(e -> e.baselineComparison() == Comparison.BETTER)
        .map(e -> e.result().spec().name()).toList();
    List<String> tied = ok.stream().filter(e -> e.leaderComparison() == Comparison.TIED)
        .map(e -> e.result().spec().name()).toList();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "leader: %s. ", leader.result().spec().name()));
    if (r.baselineName().isEmpty()) {
      sb.append("No trivial baseline ran.");
    } else if (beat.isEmpty()) {
      sb.append("No learner beats ").append(r.baselineName())
          .append(" significantly (corrected t-test, 5%).");
    } else {
      sb.append(beat.size()).append(" of ").append(ok.size() - 1).append(" learners beat ")
          .append(r.baselineName()).append(" significantly (corrected t-test, 5%)");
      sb.append(beat.size() < ok.size() - 1 ? "; not: " + ok.stream()
          .filter(e -> e.baselineComparison() != Comparison.BETTER
              && e.baselineComparison() != Comparison.SAME)
          .map(e -> e.result().spec().name()).collect(Collectors.joining(", ")) + "." : ".");
    }
    if (!tied.isEmpty()) {
      sb.append(" Statistically tied with the leader: ").append(String.join(", ", tied))
          .append(" (the simplest of them may be the better choice).");
    } else {
      sb.append(" No other learner is statistically tied with the leader.");
    }
    return sb.toString();
  }

  static String describe(Splits s) {
    return switch (s.strategy()) {
      case HOLDOUT -> "holdout of " + s.folds().get(0).validationSize() + " rows";
      case TIME_SERIES -> s.k() + " time-ordered folds";
      default -> s.strategy().label() + " " + s.k() + " folds" + (s.repeats() > 1
          ? " × " + s.repeats() + " repeats" : "");
    };
  }

  private static String word(Comparison c, boolean againstBaseline) {
    return switch (c) {
      case SAME -> againstBaseline ? "(baseline)" : "(leader)";
      case BETTER -> "better";
      case WORSE -> "worse";
      case TIED -> "tied";
      case UNKNOWN -> "n/a";
    };
  }

  private static String ci(MetricSummary s) {
    return "[" + num(s.ci95().lower()) + ", " + num(s.ci95().upper()) + "]";
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  static String seconds(double s) {
    return s < 0.001 ? String.format(Locale.ROOT, "%.5f", s)
        : s < 10 ? String.format(Locale.ROOT, "%.3f", s) : String.format(Locale.ROOT, "%.1f", s);
  }

  static String bytes(long b) {
    if (b < 1024) {
      return b + " B";
    }
    if (b < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f kB", b / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", b / (1024.0 * 1024));
  }
}
