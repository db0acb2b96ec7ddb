package dev.plumb.report;

import dev.plumb.check.CheckResult;
import dev.plumb.check.ModelCard;
import dev.plumb.drift.FeatureDrift;
import dev.plumb.evaluate.Interval;
import dev.plumb.profile.ExpectationFailure;
import java.util.List;
import java.util.Locale;

/** The terminal form of a {@link CheckResult}. Stateless. */
public final class CheckText {
  /** Drifted features listed in full; the rest are counted. */
  static final int DRIFT_ROWS = 10;

  private CheckText() {}

  /** Renders the result for a terminal. */
  public static String render(CheckResult r, Provenance provenance) {
    StringBuilder sb = new StringBuilder();
    ModelCard c = r.card();
    sb.append(String.format(Locale.ROOT, "check %s on %s%n", r.model(), r.data()));
    sb.append(String.format(Locale.ROOT, "model: %s predicting %s (%s), trained on %s version %s"
        + " (%d rows), seed %d, Plumb %s%n", c.learner(), c.target(), c.task(),
        c.dataset().file(), c.dataset().version(), c.dataset().rows(), c.seed(),
        c.plumbVersion()));
    sb.append(String.format(Locale.ROOT, "new data: version %s · %d rows × %d columns · %d"
        + " scored", r.version().id(), r.version().rows(), r.version().columns(), r.scoredRows()));
    if (r.unlabelledRows() > 0) {
      sb.append(String.format(Locale.ROOT, ", %d without a target", r.unlabelledRows()));
    }
    if (!r.unseenClasses().isEmpty()) {
      sb.append(String.format(Locale.ROOT, ", %d with classes the model never saw %s",
          r.unseenClasses().values().stream().mapToInt(Integer::intValue).sum(),
          r.unseenClasses().keySet()));
    }
    sb.append(String.format(Locale.ROOT, "%n%n"));

    sb.append(String.format(Locale.ROOT, "Data expectations: %d checks, %d broken%n",
        r.expectations().checks(), r.expectations().failures().size()));
    for (ExpectationFailure f : r.expectations().failures()) {
      sb.append(String.format(Locale.ROOT, "  %-18s %s%n", f.check(), f.message()));
    }
    if (!r.tolerated().isEmpty()) {
      sb.append(String.format(Locale.ROOT, "  tolerated (no more values beyond the training range"
          + " than a sample of its distribution gives):%n"));
      for (ExpectationFailure f : r.tolerated()) {
        sb.append(String.format(Locale.ROOT, "  %-18s %s%n", f.check(), f.message()));
      }
    }
    sb.append('\n');

    r.scoringError().ifPresent(e -> sb.append("The model cannot score the new data: ")
        .append(e).append("\n\n"));
    if (!r.metrics().isEmpty()) {
      sb.append(String.format(Locale.ROOT, "Scores on the new data (95%% bootstrap intervals;"
          + " allowed drop %s, relative for rmse/mae/log_loss):%n", TextTable.number(r.maxDrop())));
      TextTable t = new TextTable(List.of("metric", "reference", "new", "95% CI", "worst allowed",
          "verdict"), false, true, true, false, true, false);
      for (CheckResult.MetricCheck m : r.metrics()) {
        String verdict = m.status().label() + (m.rowsNeeded().isPresent()
            ? " (about " + m.rowsNeeded().getAsLong() + " rows would decide)" : "");
        t.row(m.metric().label(), TextTable.number(m.reference()),
            m.score().map(s -> TextTable.number(s.estimate())).orElse("n/a"),
            m.score().map(CheckText::range).orElse(""), TextTable.number(m.bound()), verdict);
      }
      sb.append(t.render());
      sb.append(String.format(Locale.ROOT, "reference: %s; the first metric decides%n",
          r.metrics().get(0).referenceSource()));
    }
    r.baseline().ifPresent(b -> sb.append(String.format(Locale.ROOT,
        "Against the %s baseline on the new data: %s %s; the model leads by %s (95%% CI %s)%s%n",
        b.name(), b.metric().label(), TextTable.number(b.baselineScore()),
        TextTable.number(b.lead().estimate()), range(b.lead()),
        !b.applicable() ? " — not applicable: the new targets take a single value"
            : b.clearlyBetter() ? "" : b.notBetter() ? " — no better" : " — not clearly better")));
    sb.append('\n');

    List<FeatureDrift> drifted = r.drifted();
    sb.append(String.format(Locale.ROOT, "Drift: %d of %d features flagged (PSI ≥ 0.1, or PSI ≥"
        + " 0.02 with a test p value below 0.01 / features)%n", drifted.size(), r.drift().size()));
    drifted.stream().limit(DRIFT_ROWS).forEach(d -> sb.append("  ").append(d.reason())
        .append('\n'));
    if (drifted.size() > DRIFT_ROWS) {
      sb.append(String.format(Locale.ROOT, "  … and %d more (see --json)%n",
          drifted.size() - DRIFT_ROWS));
    }
    sb.append('\n');
    if (r.passed()) {
      boolean inconclusive = !r.metrics().isEmpty()
          && r.metrics().get(0).status() == CheckResult.Status.INCONCLUSIVE;
      sb.append(inconclusive ? "PASS, inconclusive: the score is below the bound but the sample"
          + " is too small to call it a regression\n" : "PASS: the model holds on the new data\n");
    } else {
      sb.append("FAIL: ").append(String.join("; ", r.failures())).append('\n');
      if (!drifted.isEmpty()) {
        sb.append("likely causes: drift in ").append(String.join(", ", drifted.stream()
            .limit(3).map(FeatureDrift::column).toList())).append('\n');
      }
    }
    sb.append('\n').append(ProfileText.footer(provenance, Long.toString(r.seed()))).append('\n');
    return sb.toString();
  }

  private static String range(Interval i) {
    return TextTable.number(i.lower()) + " to " + TextTable.number(i.upper());
  }
}
