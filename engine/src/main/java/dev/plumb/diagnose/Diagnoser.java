package dev.plumb.diagnose;

import dev.plumb.evaluate.CorrectedTTest;
import dev.plumb.evaluate.Interval;
import dev.plumb.evaluate.Metric;
import dev.plumb.learn.LearnerSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Reads learning and validation curves and turns them into verdicts, remedies and
 * extrapolations.
 *
 * <p>Everything is judged in <em>relative error</em>: the distance of a score from the metric's
 * best value (1 − accuracy, the RMSE itself), divided by the trivial baseline's error on the same
 * folds, so 0 is perfect and 1 is no better than {@code majority} or {@code mean}. Differences
 * are compared with their fold-to-fold standard error, corrected for overlapping training sets
 * (Nadeau and Bengio, as in the baseline's t-tests). The thresholds, in relative error:
 *
 * <ul>
 *   <li>an effect counts when it exceeds {@value #MIN_EFFECT} and twice its standard error;
 *   <li>a train/validation gap is large above {@value #LARGE_GAP} (and twice its standard error);
 *   <li>the folds are too noisy to judge when the validation error's standard error exceeds
 *       {@value #TOO_NOISY};
 *   <li>more data "helps" when doubling the rows is expected to cut at least
 *       {@value #HELPFUL_GAIN}.
 * </ul>
 *
 * <p>Verdicts, in order: {@code inconclusive} when too noisy; {@code overfitting} when the gap is
 * large and a less complex setting on the validation curve validates as well (within
 * {@value #MIN_EFFECT}) or better; {@code underfitting} when the gap is not large, the training
 * error itself exceeds the best validation error found by a clear margin, and something more
 * capable (a more complex setting, or another learner on the same folds) validates clearly
 * better; {@code good_fit} when validation is within the noise of the best found; then
 * {@code overfitting} when the gap is large, or significant and larger than the training score's
 * own shortfall from the best (variance dominates bias); {@code underfitting} when the training
 * score falls clearly short of the best and something more capable is clearly better; else
 * {@code inconclusive}. Stateless.
 */
public final class Diagnoser {
  static final double MIN_EFFECT = 0.02;
  static final double LARGE_GAP = 0.10;
  static final double TOO_NOISY = 0.10;
  static final double HELPFUL_GAIN = 0.01;
  /** Learning-curve points at the large end that decide whether more data helps. */
  static final int TAIL = 4;
  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private final Metric metric;
  private final CurveRunner.Result result;
  private final int validationRows;
  private final double scale;
  private final OptionalDouble goal;

  /**
   * @param metric the curves' metric
   * @param result the curves
   * @param validationRows validation rows per fold (for the standard-error correction)
   * @param goal the score aimed at, if given
   */
  public Diagnoser(Metric metric, CurveRunner.Result result, int validationRows,
      OptionalDouble goal) {
    this.metric = metric;
    this.result = result;
    this.validationRows = validationRows;
    double trivial = error(result.trivial().validationMean());
    this.scale = Double.isFinite(trivial) && trivial > 1e-12 ? trivial : 1;
    this.goal = goal;
  }

  /** The error of a score: its distance from the metric's best value. */
  double error(double score) {
    return metric.greaterIsBetter() ? metric.highest() - score : score - metric.lowest();
  }

  /** The score of an error. */
  double score(double error) {
    return metric.greaterIsBetter() ? metric.highest() - error : metric.lowest() + error;
  }

  double[] relative(double[] scores) {
    return Arrays.stream(scores).map(s -> error(s) / scale).toArray();
  }

  /**
   * Diagnoses every learner.
   *
   * @param specs the learners, in the order of {@code result.curves()}
   * @param testScores per learner, its score on a test file, if one was given
   */
  public List<LearnerDiagnosis> diagnose(List<LearnerSpec> specs, List<OptionalDouble> testScores) {
    List<LearnerDiagnosis> out = new ArrayList<>();
    for (int j = 0; j < specs.size(); j++) {
      out.add(diagnose(j, specs, testScores.get(j)));
    }
    return out;
  }

  /** The best validation score anywhere: every learner's every size and every sweep setting. */
  double bestScore() {
    double best = Double.NaN;
    for (CurveRunner.Curves c : result.curves()) {
      List<CurvePoint> all = new ArrayList<>(c.learningCurve());
      c.validationCurve().ifPresent(v -> all.addAll(v.points()));
      for (CurvePoint p : all) {
        double v = p.validationMean();
        if (Double.isFinite(v) && (Double.isNaN(best) || metric.isBetter(v, best))) {
          best = v;
        }
      }
    }
    return best;
  }

  private LearnerDiagnosis diagnose(int j, List<LearnerSpec> specs, OptionalDouble test) {
    CurveRunner.Curves curves = result.curves().get(j);
    List<CurvePoint> lc = curves.learningCurve();
    CurvePoint full = lc.get(lc.size() - 1);
    LearnerSpec spec = specs.get(j);
    double best = bestScore();
    double bestRel = error(best) / scale;
    double[] trRel = relative(full.train());
    double[] vaRel = relative(full.validation());
    Stat va = Stat.of(vaRel, full.trainSize(), validationRows);
    Stat gap = Stat.paired(vaRel, trRel, full.trainSize(), validationRows);
    double trMean = CurvePoint.mean(trRel);
    double noise = Math.max(MIN_EFFECT, 2 * va.se);

    Optional<Comparison> simpler = curves.validationCurve().flatMap(this::bestSimpler);
    Optional<Comparison> stronger = strongest(j, specs, curves);
    Extrapolation extrapolation = extrapolate(lc);
    MoreData more = moreData(lc, extrapolation);

    Verdict verdict;
    double effect;
    double effectSe;
    String evidence;
    Optional<String> settle = Optional.empty();
    boolean largeGap = gap.mean > LARGE_GAP && gap.mean > 2 * gap.se;
    String gapText = String.format(Locale.ROOT,
        "training %s %s, validation %s ± %s (gap %s)", metric.label(), fmt(full.trainMean()),
        fmt(full.validationMean()), fmt(full.validationStd()),
        fmt(Math.abs(full.trainMean() - full.validationMean())));
    if (!full.complete() || !Double.isFinite(va.mean)) {
      verdict = Verdict.INCONCLUSIVE;
      effect = 0;
      effectSe = 1;
      evidence = "the largest size failed on some folds: " + full.error().orElse("no score");
      settle = Optional.of("fix the failure shown, or diagnose another learner");
    } else if (va.se > TOO_NOISY) {
      verdict = Verdict.INCONCLUSIVE;
      effect = 0;
      effectSe = 1;
      evidence = gapText + "; the folds disagree too much to tell (standard error "
          + fmt(va.se * scale) + " in error)";
      settle = Optional.of("more folds or repetitions (--repeats 3), or more rows");
    } else if (largeGap && simpler.isPresent()
        && simpler.get().relDifference <= MIN_EFFECT) {
      verdict = Verdict.OVERFITTING;
      effect = gap.mean;
      effectSe = gap.se;
      Comparison s = simpler.get();
      evidence = gapText + "; the simpler " + s.label + " validates "
          + (s.relDifference < 0 ? "better" : "as well") + " (" + fmt(s.score) + ")";
    } else if (!largeGap && trMean > bestRel + noise && stronger.isPresent()
        && stronger.get().clearlyBetter()) {
      verdict = Verdict.UNDERFITTING;
      Comparison s = stronger.get();
      effect = -s.relDifference;
      effectSe = s.se;
      evidence = gapText + "; even the training score is below the best validation score found ("
          + fmt(best) + "), and " + s.label + " validates clearly better (" + fmt(s.score) + ")";
    } else if (va.mean <= bestRel + noise) {
      verdict = Verdict.GOOD_FIT;
      effect = bestRel + noise - va.mean;
      effectSe = Math.max(va.se, 1e-9);
      evidence = gapText + "; validation is within the folds' noise of the best score found ("
          + fmt(best) + ")" + (largeGap ? "; the gap is large, but no simpler setting does as"
          + " well" : "");
    } else if (largeGap || (gap.mean > MIN_EFFECT && gap.mean > 2 * gap.se
        && gap.mean > trMean - bestRel)) {
      // short of the best, and mostly through the train/validation gap (variance), not bias
      verdict = Verdict.OVERFITTING;
      effect = gap.mean;
      effectSe = gap.se;
      evidence = gapText + "; validation falls short of the best score found (" + fmt(best)
          + ") more through the gap than through the training score";
    } else if (trMean > bestRel + noise && stronger.isPresent()
        && stronger.get().clearlyBetter()) {
      verdict = Verdict.UNDERFITTING;
      Comparison s = stronger.get();
      effect = -s.relDifference;
      effectSe = s.se;
      evidence = gapText + "; the training score is itself below the best validation score"
          + " found, and " + s.label + " validates clearly better (" + fmt(s.score) + ")";
    } else {
      verdict = Verdict.INCONCLUSIVE;
      effect = 0;
      effectSe = 1;
      evidence = gapText + "; below the best score found (" + fmt(best) + ") but not clearly,"
          + " and the gap is small";
      settle = Optional.of("more folds or repetitions (--repeats 3) to shrink the noise, or a"
          + " wider --sweep");
    }
    boolean oneSplit = Arrays.stream(full.validation()).filter(Double::isFinite).count() < 2;
    if (oneSplit && verdict != Verdict.INCONCLUSIVE) {
      evidence += "; with one validation split there is no fold-to-fold spread, so the confidence"
          + " is unknown (use k folds to measure it)";
    }
    double confidence = verdict == Verdict.INCONCLUSIVE || oneSplit ? 0.5
        : Math.min(0.999, Math.max(0.5, NORMAL.cumulativeProbability(
            Math.abs(effect) / Math.max(effectSe, 1e-9))));
    Decomposition decomposition = new Decomposition(goal.isPresent() ? goal.getAsDouble() : best,
        goal.isPresent() ? "goal" : "best validation", full.trainMean(), full.validationMean(),
        test);
    List<Remedy> remedies = remedies(verdict, spec, curves, simpler, stronger, more,
        extrapolation, full);
    return new LearnerDiagnosis(spec, lc, curves.validationCurve(), verdict, confidence, evidence,
        settle, more.helps, more.evidence, extrapolation, decomposition, remedies);
  }

  /** A setting or learner compared with this learner's own, in relative error. */
  private record Comparison(String label, String setting, double score, double relDifference,
      double se, boolean otherLearner) {
    /** Better by more than the minimum effect and twice the standard error. */
    boolean clearlyBetter() {
      return -relDifference > MIN_EFFECT && -relDifference > 2 * se;
    }
  }

  /** The best validating setting simpler than the learner's own. */
  private Optional<Comparison> bestSimpler(ValidationCurve vc) {
    CurvePoint own = vc.points().get(vc.current());
    Comparison best = null;
    for (int i = 0; i < vc.current(); i++) {
      Comparison c = compare(vc.points().get(i), own,
          vc.sweep().parameter() + "=" + vc.sweep().values().get(i),
          vc.sweep().parameter() + "=" + vc.sweep().values().get(i));
      if (c != null && (best == null || c.relDifference < best.relDifference)) {
        best = c;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The best validating thing more capable: a more complex setting, or another learner. */
  private Optional<Comparison> strongest(int j, List<LearnerSpec> specs,
      CurveRunner.Curves curves) {
    Comparison best = null;
    if (curves.validationCurve().isPresent()) {
      ValidationCurve vc = curves.validationCurve().get();
      CurvePoint own = vc.points().get(vc.current());
      for (int i = vc.current() + 1; i < vc.points().size(); i++) {
        String setting = vc.sweep().parameter() + "=" + vc.sweep().values().get(i);
        Comparison c = compare(vc.points().get(i), own, setting, setting);
        if (c != null && (best == null || c.relDifference < best.relDifference)) {
          best = c;
        }
      }
    }
    List<CurvePoint> mine = curves.learningCurve();
    CurvePoint own = mine.get(mine.size() - 1);
    for (int o = 0; o < specs.size(); o++) {
      if (o == j) {
        continue;
      }
      List<CurvePoint> theirs = result.curves().get(o).learningCurve();
      Comparison c = compare(theirs.get(theirs.size() - 1), own, specs.get(o).name(),
          specs.get(o).text());
      if (c != null && (best == null || c.relDifference < best.relDifference)) {
        best = c;
      }
    }
    return Optional.ofNullable(best);
  }

  private Comparison compare(CurvePoint other, CurvePoint own, String label, String setting) {
    if (!other.complete() || !own.complete()) {
      return null;
    }
    Stat d = Stat.paired(relative(other.validation()), relative(own.validation()),
        own.trainSize(), validationRows);
    return new Comparison(label, setting, other.validationMean(), d.mean, d.se,
        !setting.startsWith(label));
  }

  private Extrapolation extrapolate(List<CurvePoint> lc) {
    List<ErrorPoint> points = new ArrayList<>();
    List<Double> sizes = new ArrayList<>();
    List<Double> seconds = new ArrayList<>();
    for (CurvePoint p : lc) {
      double[] errors = Arrays.stream(p.validation()).filter(Double::isFinite).map(this::error)
          .toArray();
      if (errors.length >= 2) {
        // the fold-to-fold standard error, corrected for overlapping training sets
        Stat st = Stat.of(errors, p.trainSize(), validationRows);
        points.add(ErrorPoint.of(p.trainSize(), st.mean, st.se));
      } else if (errors.length == 1) {
        points.add(ErrorPoint.of(p.trainSize(), errors[0]));
      }
      double s = p.fitSecondsMean();
      if (Double.isFinite(s) && s > 0) {
        sizes.add((double) p.trainSize());
        seconds.add(s);
      }
    }
    int n = lc.get(lc.size() - 1).trainSize();
    OptionalDouble t2 = OptionalDouble.empty();
    OptionalDouble t10 = OptionalDouble.empty();
    TimeScalingFit time = TimeScaling.fit(sizes.stream().mapToDouble(Double::doubleValue).toArray(),
        seconds.stream().mapToDouble(Double::doubleValue).toArray());
    if (time.scaling().isPresent()) {
      t2 = OptionalDouble.of(time.scaling().get().secondsAt(2.0 * n).estimate());
      t10 = OptionalDouble.of(time.scaling().get().secondsAt(10.0 * n).estimate());
    }
    PowerLawFitter fitter = metric.greaterIsBetter() || metric.lowest() == 0
        ? PowerLawFitter.nonNegative() : PowerLawFitter.withFloor(0);
    PowerLawFit fit = fitter.fit(points);
    if (fit.curve().isEmpty()) {
      return new Extrapolation(fit.status(), fit.reason(), Optional.empty(), n, Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(), t2, t10);
    }
    FittedPowerLaw curve = fit.curve().get();
    OptionalDouble rows = OptionalDouble.empty();
    if (goal.isPresent()) {
      rows = curve.rowsFor(error(goal.getAsDouble()));
    }
    return new Extrapolation(fit.status(), fit.reason(), Optional.of(curve.law()), n,
        Optional.of(toScore(curve.predict(2.0 * n))), Optional.of(curve.gain(n, 2.0 * n)),
        Optional.of(toScore(curve.predict(10.0 * n))),
        Optional.of(toScore(curve.asymptote())), rows, t2, t10);
  }

  /** An error interval as a score interval, clipped to the metric's range. */
  private Interval toScore(Interval e) {
    double a = clip(score(e.lower()));
    double b = clip(score(e.upper()));
    double mid = clip(score(e.estimate()));
    return new Interval(mid, Math.min(mid, Math.min(a, b)), Math.max(mid, Math.max(a, b)),
        e.level());
  }

  private double clip(double s) {
    return Math.max(metric.lowest(), Math.min(metric.highest(), s));
  }

  /** Whether more rows would help, with the numbers. */
  private record MoreData(Optional<Boolean> helps, String evidence, double gainAtTwice) {}

  /**
   * Whether more rows would help, from the slope of the validation error against log(rows) over
   * the largest sizes (the last {@value #TAIL} points): per fold, the least-squares slope gives
   * the error's drop per doubling of the rows; its mean over folds, against twice its corrected
   * standard error, decides. The power law's predicted gain is added as evidence.
   */
  private MoreData moreData(List<CurvePoint> lc, Extrapolation ex) {
    if (lc.size() < 3) {
      return new MoreData(Optional.empty(), "fewer than three training sizes: the curve cannot"
          + " tell", Double.NaN);
    }
    List<CurvePoint> tail = lc.subList(Math.max(0, lc.size() - TAIL), lc.size());
    int folds = tail.get(0).validation().length;
    double[] drops = new double[folds];
    for (int f = 0; f < folds; f++) {
      double sx = 0;
      double sy = 0;
      int n = 0;
      for (CurvePoint p : tail) {
        double e = error(p.validation()[f]) / scale;
        if (Double.isFinite(e)) {
          sx += Math.log(p.trainSize());
          sy += e;
          n++;
        }
      }
      if (n < 2) {
        drops[f] = Double.NaN;
        continue;
      }
      double mx = sx / n;
      double my = sy / n;
      double sxy = 0;
      double sxx = 0;
      for (CurvePoint p : tail) {
        double e = error(p.validation()[f]) / scale;
        if (Double.isFinite(e)) {
          double dx = Math.log(p.trainSize()) - mx;
          sxy += dx * (e - my);
          sxx += dx * dx;
        }
      }
      drops[f] = -sxy / sxx * Math.log(2);
    }
    CurvePoint first = tail.get(0);
    CurvePoint last = tail.get(tail.size() - 1);
    Stat drop = Stat.of(drops, last.trainSize(), validationRows);
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "validation %s at %,d rows, %s at %,d; each doubling of the rows gains %s of the trivial"
            + " baseline's error (± %s)", fmt(first.validationMean()), first.trainSize(),
        fmt(last.validationMean()), last.trainSize(), percent(drop.mean), percent(drop.se)));
    ex.gainAtTwice().ifPresent(g -> text.append(String.format(Locale.ROOT,
        "; the power law predicts %s [%s, %s] more with twice the rows", fmt(g.estimate()),
        fmt(g.lower()), fmt(g.upper()))));
    double gain = ex.gainAtTwice().map(Interval::estimate).orElse(Double.NaN);
    if (!Double.isFinite(drop.mean)) {
      return new MoreData(Optional.empty(), text + ": too many failed fits to tell", gain);
    }
    if (drop.mean > HELPFUL_GAIN && drop.mean > 2 * drop.se) {
      return new MoreData(Optional.of(true), text + ": still improving", gain);
    }
    if (drop.mean + 2 * drop.se < HELPFUL_GAIN) {
      return new MoreData(Optional.of(false), text + ": levelled off", gain);
    }
    return new MoreData(Optional.empty(), text + ": too noisy to tell", gain);
  }

  private static String percent(double share) {
    return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", 100 * share) : "n/a";
  }

  private List<Remedy> remedies(Verdict verdict, LearnerSpec spec, CurveRunner.Curves curves,
      Optional<Comparison> simpler, Optional<Comparison> stronger, MoreData more,
      Extrapolation ex, CurvePoint full) {
    List<Remedy> out = new ArrayList<>();
    String moreRows = ex.atTwice().map(i -> "predicted " + fmt(i.estimate()) + " with "
        + String.format(Locale.ROOT, "%,d", 2 * ex.rows()) + " training rows").orElse(
            more.evidence);
    Optional<Comparison> bestSetting = curves.validationCurve().flatMap(vc -> {
      CurvePoint own = vc.points().get(vc.current());
      Comparison b = null;
      for (int i = 0; i < vc.points().size(); i++) {
        if (i == vc.current()) {
          continue;
        }
        String s = vc.sweep().parameter() + "=" + vc.sweep().values().get(i);
        Comparison c = compare(vc.points().get(i), own, s, s);
        if (c != null && (b == null || c.relDifference < b.relDifference)) {
          b = c;
        }
      }
      return Optional.ofNullable(b);
    });
    switch (verdict) {
      case OVERFITTING -> {
        if (more.helps.orElse(false)) {
          out.add(new Remedy("more data", Optional.empty(), "the validation curve is still"
              + " rising: " + moreRows));
        }
        simpler.ifPresent(s -> out.add(new Remedy(regularizes(curves)
            ? "more regularization" : "a smaller model", Optional.of(s.setting),
            s.label + " validates " + fmt(s.score) + " against " + fmt(full.validationMean())
                + " now, with a smaller gap")));
        if (simpler.isEmpty()) {
          bestSetting.ifPresent(s -> out.add(new Remedy("another setting",
              Optional.of(s.setting), s.label + " validates " + fmt(s.score))));
        }
        out.add(new Remedy("fewer features", Optional.empty(), "drop features that carry no"
            + " signal (see plumb profile's findings); a large gap means the model uses noise"));
        if (!more.helps.orElse(false)) {
          out.add(new Remedy("more data", Optional.empty(), "more rows usually narrow the gap;"
              + " the curve says: " + more.evidence));
        }
      }
      case UNDERFITTING -> {
        bestSetting.filter(Comparison::clearlyBetter).filter(b -> moreComplex(curves, b.setting))
            .ifPresent(b -> out.add(new Remedy(regularizes(curves) ? "less regularization"
                : "more capacity", Optional.of(b.setting), b.label + " validates "
                + fmt(b.score) + " against " + fmt(full.validationMean()) + " now")));
        stronger.filter(Comparison::otherLearner).ifPresent(s -> out.add(new Remedy(
            "another model family", Optional.of(s.setting), s.label + " validates "
                + fmt(s.score) + " on the same folds")));
        out.add(new Remedy("more features", Optional.empty(), "the training score itself is only "
            + fmt(full.trainMean()) + ": the features may not carry what is needed (interactions,"
            + " better encodings, new columns)"));
      }
      case GOOD_FIT -> {
        if (more.helps.orElse(false)) {
          out.add(new Remedy("more data", Optional.empty(), moreRows));
        }
        bestSetting.filter(Comparison::clearlyBetter).ifPresent(s -> out.add(new Remedy(
            "tune", Optional.of(s.setting), s.label + " validates " + fmt(s.score))));
        out.add(new Remedy("better features", Optional.empty(), "validation is at the best"
            + " found; further gains need more informative features or a goal-driven search"));
      }
      default -> out.add(new Remedy("reduce the noise", Optional.empty(), "repeat the folds"
          + " (--repeats 3) or add rows; then run diagnose again"));
    }
    return out;
  }

  /** Whether {@code setting} (name=value) lies above the learner's own on its sweep. */
  private static boolean moreComplex(CurveRunner.Curves curves, String setting) {
    return curves.validationCurve().map(vc -> {
      int i = vc.sweep().indexOf(setting.substring(setting.indexOf('=') + 1));
      return i > vc.current();
    }).orElse(false);
  }

  /** Whether the swept parameter is a regularization strength rather than model size. */
  private static boolean regularizes(CurveRunner.Curves curves) {
    return curves.validationCurve().map(v -> List.of("c", "alpha", "var_smoothing")
        .contains(v.sweep().parameter())).orElse(false);
  }

  static String fmt(double v) {
    if (!Double.isFinite(v)) {
      return "n/a";
    }
    return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%,.0f", v)
        : String.format(Locale.ROOT, "%.4f", v);
  }

  /** A mean over folds and its corrected standard error. */
  record Stat(double mean, double se) {
    static Stat of(double[] values, int trainSize, int validationSize) {
      double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
      if (v.length == 0) {
        return new Stat(Double.NaN, Double.NaN);
      }
      if (v.length == 1) {
        return new Stat(v[0], 0); // one fold (a holdout): no spread to measure
      }
      return new Stat(Arrays.stream(v).average().orElseThrow(),
          CorrectedTTest.forSplitSizes(trainSize, validationSize).testDifferences(v)
              .standardError());
    }

    /** The mean of {@code a - b} over folds where both are finite. */
    static Stat paired(double[] a, double[] b, int trainSize, int validationSize) {
      double[] d = new double[a.length];
      for (int i = 0; i < a.length; i++) {
        d[i] = a[i] - b[i];
      }
      return of(d, trainSize, validationSize);
    }
  }
}
