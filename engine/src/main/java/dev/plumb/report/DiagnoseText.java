package dev.plumb.report;

import dev.plumb.data.Dataset;
import dev.plumb.diagnose.CurvePoint;
import dev.plumb.diagnose.DiagnoseResult;
import dev.plumb.diagnose.Extrapolation;
import dev.plumb.diagnose.LearnerDiagnosis;
import dev.plumb.diagnose.Remedy;
import dev.plumb.diagnose.TestCheck;
import dev.plumb.diagnose.ValidationCurve;
import dev.plumb.evaluate.Interval;
import dev.plumb.evaluate.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The terminal summary of a diagnose run: verdicts, curves as sparklines, remedies. Stateless. */
public final class DiagnoseText {
  private static final char[] BARS = "▁▂▃▄▅▆▇█".toCharArray();

  private DiagnoseText() {}

  /** Renders the result for a terminal. */
  public static String render(Dataset dataset, DiagnoseResult r, Provenance provenance) {
    StringBuilder sb = new StringBuilder();
    Problem p = r.problem();
    sb.append(String.format(Locale.ROOT, "diagnosis of %s → %s (%s, %d labelled rows)%n",
        dataset.path(), p.target(), p.task().label(), p.size()));
    sb.append(String.format(Locale.ROOT, "dataset version %s · seed %d · %s · metric %s%n",
        dataset.version().id(), r.seed(), BaselineText.describe(r.splits()), r.metric().label()));
    sb.append(String.format(Locale.ROOT, "training sizes %s · trivial baseline %s%n%n",
        sizes(r.sizes()), num(r.trivial().validationMean())));

    TextTable t = new TextTable(List.of("learner", "diagnosis", "confidence", "train",
        "validation", "more data helps", "learning curve (validation)"),
        false, false, true, true, true, false, false);
    for (LearnerDiagnosis d : r.models()) {
      CurvePoint full = d.full();
      t.row(d.spec().name(), d.verdict().label(), TextTable.percent(d.confidence()),
          num(full.trainMean()), num(full.validationMean()) + " ± " + num(full.validationStd()),
          d.moreDataHelps().map(b -> b ? "yes" : "no").orElse("can't tell"),
          sparkline(d.learningCurve().stream().mapToDouble(CurvePoint::validationMean).toArray()));
    }
    sb.append(t.render()).append('\n');

    sb.append("bias/variance (").append(r.metric().label()).append("):\n");
    TextTable dec = new TextTable(List.of("learner", "target", "train", "validation", "test",
        "avoidable bias", "variance", "test shift"), false, true, true, true, true, true, true,
        true);
    for (LearnerDiagnosis d : r.models()) {
      double target = d.decomposition().target();
      double train = d.decomposition().train();
      double val = d.decomposition().validation();
      dec.row(d.spec().name(), num(target) + " (" + d.decomposition().targetSource() + ")",
          num(train), num(val),
          d.decomposition().test().stream().mapToObj(DiagnoseText::num).findFirst().orElse("—"),
          num(d.decomposition().avoidableBias(r.metric())),
          num(d.decomposition().variance(r.metric())), d.decomposition().shift(r.metric())
              .stream().mapToObj(DiagnoseText::num).findFirst().orElse("—"));
    }
    sb.append(dec.render()).append('\n');

    for (LearnerDiagnosis d : r.models()) {
      sb.append(d.spec().text()).append(": ").append(d.verdict().label().toUpperCase(Locale.ROOT))
          .append('\n');
      sb.append("  ").append(d.evidence()).append('\n');
      d.settle().ifPresent(s -> sb.append("  to settle it: ").append(s).append('\n'));
      sb.append("  more data: ").append(d.moreDataEvidence()).append('\n');
      sb.append("  learning curve  train ").append(sparkline(d.learningCurve().stream()
          .mapToDouble(CurvePoint::trainMean).toArray())).append("  validation ")
          .append(sparkline(d.learningCurve().stream().mapToDouble(CurvePoint::validationMean)
              .toArray())).append('\n');
      if (d.validationCurve().isPresent()) {
        ValidationCurve vc = d.validationCurve().get();
        List<String> cells = new ArrayList<>();
        for (CurvePoint pt : vc.points()) {
          cells.add(pt.setting().orElse("") + ":" + num(pt.validationMean()));
        }
        sb.append(String.format(Locale.ROOT, "  validation curve of %s at %,d rows (least to most"
            + " complex; now %s)  validation %s%n    %s%n", vc.sweep().parameter(),
            vc.trainSize(), vc.sweep().values().get(vc.current()), sparkline(vc.points().stream()
                .mapToDouble(CurvePoint::validationMean).toArray()), String.join("  ", cells)));
      }
      sb.append("  extrapolation: ").append(extrapolation(d.extrapolation(), r.metric().label()))
          .append('\n');
      int rank = 1;
      for (Remedy remedy : d.remedies()) {
        sb.append(String.format(Locale.ROOT, "  %d. %s%s: %s%n", rank++, remedy.action(),
            remedy.setting().map(s -> " (" + s + ")").orElse(""), remedy.evidence()));
      }
      sb.append('\n');
    }
    r.test().ifPresent(check -> {
      sb.append(String.format(Locale.ROOT, "test file: %,d labelled rows; train-vs-test"
          + " classifier ROC AUC %.3f: %s%n", check.testRows(), check.shiftAuc(),
          check.shifted() ? "the test rows differ from the training rows" : "no clear shift"));
      for (TestCheck.ShiftedFeature f : check.features()) {
        sb.append(String.format(Locale.ROOT, "  %-24s %-4s %.3f  p=%.3g%n", f.column(), f.test(),
            f.statistic(), f.pValue()));
      }
      sb.append('\n');
    });
    if (!r.notes().isEmpty()) {
      sb.append("notes:\n");
      r.notes().forEach(n -> sb.append("  ").append(n).append('\n'));
      sb.append('\n');
    }
    sb.append(ProfileText.footer(provenance, String.valueOf(r.seed()))).append('\n');
    return sb.toString();
  }

  static String extrapolation(Extrapolation e, String metric) {
    if (e.atTwice().isEmpty()) {
      return e.reason();
    }
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "power law: %s %s with %,d training rows, %s with %,d; levels off at %s",
        metric, interval(e.atTwice().get()), 2L * e.rows(), interval(e.atTenTimes().get()),
        10L * e.rows(), interval(e.asymptote().get())));
    e.rowsForGoal().ifPresent(n -> sb.append(String.format(Locale.ROOT,
        "; the goal needs about %,.0f training rows", Math.ceil(n))));
    e.fitSecondsAtTenTimes().ifPresent(s -> sb.append(String.format(Locale.ROOT,
        "; fit time at 10x about %.1f s", s)));
    return sb.toString();
  }

  private static String interval(Interval i) {
    return num(i.estimate()) + " [" + num(i.lower()) + ", " + num(i.upper()) + "]";
  }

  /** A one-line chart of the values, scaled between their minimum and maximum. */
  static String sparkline(double[] values) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    StringBuilder sb = new StringBuilder();
    for (double v : values) {
      if (!Double.isFinite(v)) {
        sb.append('·');
      } else if (hi - lo < 1e-12) {
        sb.append(BARS[BARS.length / 2]);
      } else {
        sb.append(BARS[(int) Math.round((v - lo) / (hi - lo) * (BARS.length - 1))]);
      }
    }
    return sb.toString();
  }

  private static String sizes(int[] sizes) {
    List<String> s = new ArrayList<>();
    for (int v : sizes) {
      s.add(String.format(Locale.ROOT, "%,d", v));
    }
    return String.join(", ", s);
  }

  static String num(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "n/a";
  }
}
