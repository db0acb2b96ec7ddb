package dev.plumb.cli;

import dev.plumb.bench.BenchEntry;
import dev.plumb.bench.BenchResult;
import dev.plumb.bench.CandidateMeasurement;
import dev.plumb.bench.CandidateVerdict;
import dev.plumb.bench.TargetCheck;
import dev.plumb.check.CheckResult;
import dev.plumb.data.DatasetVersion;
import dev.plumb.diagnose.CurvePoint;
import dev.plumb.diagnose.DiagnoseResult;
import dev.plumb.diagnose.LearnerDiagnosis;
import dev.plumb.drift.FeatureDrift;
import dev.plumb.evaluate.BaselineResult;
import dev.plumb.evaluate.CorrectedTTest;
import dev.plumb.evaluate.LeaderboardEntry;
import dev.plumb.evaluate.LearnerResult;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.MetricSummary;
import dev.plumb.plan.Fold;
import dev.plumb.plan.Splits;
import dev.plumb.profile.ExpectationFailure;
import dev.plumb.profile.ExpectationReport;
import dev.plumb.profile.Finding;
import dev.plumb.profile.Profile;
import dev.plumb.report.Provenance;
import dev.plumb.store.RunRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What each command's result contributes to its {@link RunRecord}: the data, settings, software,
 * per-learner metrics, best learner, notes and JSON report. The recorder ({@link StoreOptions})
 * adds the command line, times and exit code. Stateless.
 */
final class RunRecords {
  private RunRecords() {}

  /** {@code plumb baseline}: every learner's metrics, the leader, the verdicts and checks. */
  static RunRecord.Builder baseline(Path path, DatasetVersion version, BaselineResult r,
      Provenance p, byte[] json) {
    RunRecord.Builder b = common(path, version, p, json).target(r.problem().target())
        .task(r.problem().task().label()).seed(r.plan().seed()).split(split(r.plan().splits()));
    CorrectedTTest test = r.test();
    List<Metric> metrics = r.plan().metrics();
    for (LeaderboardEntry e : r.leaderboard()) {
      LearnerResult lr = e.result();
      b.learner(learner(lr, metrics, test));
      e.vsBaseline().ifPresent(t -> b.note(new RunRecord.Note(Optional.of(lr.spec().text()),
          "vs_baseline", e.baselineComparison().label(), OptionalDouble.of(t.pValue()),
          Optional.empty())));
    }
    LeaderboardEntry leader = r.leader();
    if (leader.result().ok() && leader.validation().isPresent()) {
      b.best(new RunRecord.Best(leader.result().spec().text(), metrics.get(0).label(),
          leader.validation().get().mean()));
    }
    r.checks().forEach(c -> b.note(new RunRecord.Note(Optional.empty(), "sanity_check " + c.name(),
        c.passed() ? "passed" : "failed", OptionalDouble.empty(), Optional.of(c.message()))));
    return b;
  }

  /**
   * {@code plumb diagnose}: per learner its score at the largest training size and its verdict
   * with the confidence; the best learner is the one validating best there.
   */
  static RunRecord.Builder diagnose(Path path, DatasetVersion version, DiagnoseResult r,
      Provenance p, byte[] json) {
    RunRecord.Builder b = common(path, version, p, json).target(r.problem().target())
        .task(r.problem().task().label()).seed(r.seed()).split(split(r.splits()));
    Metric metric = r.metric();
    LearnerDiagnosis best = null;
    for (LearnerDiagnosis d : r.models()) {
      CurvePoint full = d.full();
      double mean = full.validationMean();
      double std = full.validationStd();
      List<RunRecord.MetricScore> scores = Double.isFinite(mean) && Double.isFinite(std)
          ? List.of(new RunRecord.MetricScore(metric.label(), mean, std, OptionalDouble.empty(),
              OptionalDouble.empty(), full.validation()))
          : List.of();
      b.learner(new RunRecord.LearnerRun(d.spec().text(), full.error(),
          finite(full.fitSecondsMean()), OptionalDouble.empty(), scores));
      b.note(new RunRecord.Note(Optional.of(d.spec().text()), "diagnosis", d.verdict().label(),
          OptionalDouble.of(d.confidence()), Optional.of(d.evidence())));
      if (!scores.isEmpty() && (best == null
          || metric.isBetter(mean, best.full().validationMean()))) {
        best = d;
      }
    }
    if (best != null) {
      b.best(new RunRecord.Best(best.spec().text(), metric.label(),
          best.full().validationMean()));
    }
    return b;
  }

  /**
   * {@code plumb bench}: every candidate's metrics and its pass or fail per target (with the
   * margin); the best is the winner {@code --save-best} would write, if any.
   */
  static RunRecord.Builder bench(Path path, DatasetVersion version, BenchResult r, Provenance p,
      byte[] json) {
    RunRecord.Builder b = common(path, version, p, json).target(r.run().problem().target())
        .task(r.run().problem().task().label()).seed(r.run().seed())
        .split(split(r.run().splits()));
    List<BenchEntry> entries = r.run().entries();
    for (int i = 0; i < entries.size(); i++) {
      BenchEntry e = entries.get(i);
      CandidateMeasurement m = r.measurements().get(i);
      LearnerResult cv = e.cv();
      List<RunRecord.MetricScore> scores = r.run().metrics().stream()
          .filter(metric -> m.score(metric).isPresent())
          .map(metric -> score(metric, m.score(metric).get(), cv.validationScores(metric)))
          .toList();
      b.learner(new RunRecord.LearnerRun(m.spec().text(), m.error(), finite(cv.fitSeconds()),
          finite(cv.predictSecondsPer1000()), scores));
      Optional<CandidateVerdict> v = r.verdicts().candidate(m.name());
      if (v.isPresent()) {
        for (TargetCheck c : v.get().checks()) {
          b.note(new RunRecord.Note(Optional.of(m.spec().text()),
              "target " + c.bound().kind().key(), c.pass() ? "pass" : "fail", c.margin(),
              Optional.of(c.measured().isPresent() ? "measured " + c.measured().getAsDouble()
                  + ", limit " + c.bound().limit() : c.reason().orElse(""))));
        }
        b.note(new RunRecord.Note(Optional.of(m.spec().text()), "meets_all_targets",
            Boolean.toString(v.get().meetsAll()), OptionalDouble.empty(), Optional.empty()));
      }
    }
    Metric metric = r.metric();
    r.best().ifPresent(e -> e.cv().validation(metric, test(r.run().splits())).ifPresent(
        s -> b.best(new RunRecord.Best(e.cv().spec().text(), metric.label(), s.mean()))));
    return b;
  }

  /** {@code plumb profile}: the findings. */
  static RunRecord.Builder profile(Profile profile, Optional<String> target, Provenance p,
      byte[] json) {
    RunRecord.Builder b = common(profile.path(), profile.version(), p, json);
    target.ifPresent(b::target);
    profile.target().ifPresent(t -> b.task(t.task().label()));
    for (Finding f : profile.findings()) {
      b.note(new RunRecord.Note(f.column(), "finding " + f.kind().label(), f.severity().label(),
          OptionalDouble.empty(), Optional.of(f.message())));
    }
    return b;
  }

  /** {@code plumb datatest write}: the expectations file it wrote is the report. */
  static RunRecord.Builder datatestWrite(Path path, DatasetVersion version, byte[] expectations) {
    return common(path, version, Provenance.current(), expectations);
  }

  /** {@code plumb datatest check}: how many checks ran, and each failure. */
  static RunRecord.Builder datatestCheck(ExpectationReport report, Provenance p, byte[] json) {
    RunRecord.Builder b = common(report.data(), report.version(), p, json);
    b.note(new RunRecord.Note(Optional.empty(), "checks", report.passed() ? "passed" : "failed",
        OptionalDouble.of(report.checks()), Optional.of(report.expectations().toString())));
    for (ExpectationFailure f : report.failures()) {
      b.note(new RunRecord.Note(f.column(), "failed " + f.check(), "fail",
          OptionalDouble.of(f.count()), Optional.of(f.message())));
    }
    return b;
  }

  /**
   * A {@code check} run: the model's scores on the new data as its one learner (each with the
   * bootstrap interval, the bootstrap standard error as {@code std}, no folds), the verdicts, the
   * baseline's lead, the broken expectations and the flagged features as notes.
   */
  static RunRecord.Builder check(CheckResult r, Provenance p, byte[] json) {
    RunRecord.Builder b = common(r.data(), r.version(), p, json)
        .target(r.card().target()).task(r.card().task()).seed(r.seed());
    List<RunRecord.MetricScore> scores = new ArrayList<>();
    for (CheckResult.MetricCheck m : r.metrics()) {
      m.score().ifPresent(s -> scores.add(new RunRecord.MetricScore(m.metric().label(),
          s.estimate(), s.halfWidth() / 1.959964, OptionalDouble.of(s.lower()),
          OptionalDouble.of(s.upper()), new double[0])));
      b.note(new RunRecord.Note(Optional.of(r.card().learner()), "check " + m.metric().label(),
          m.status().label(), OptionalDouble.of(m.reference()),
          Optional.of(m.referenceSource() + ", bound " + m.bound())));
    }
    b.learner(new RunRecord.LearnerRun(r.card().learner(), r.scoringError(),
        OptionalDouble.empty(), OptionalDouble.empty(), scores));
    if (!scores.isEmpty()) {
      b.best(new RunRecord.Best(r.card().learner(), scores.get(0).metric(), scores.get(0).mean()));
    }
    b.note(new RunRecord.Note(Optional.empty(), "check", r.passed() ? "passed" : "failed",
        OptionalDouble.empty(), Optional.of(r.model().toString())));
    r.baseline().ifPresent(l -> b.note(new RunRecord.Note(Optional.empty(),
        "lead over " + l.name(), l.clearlyBetter() ? "clear" : l.notBetter() ? "none" : "unclear",
        OptionalDouble.of(l.lead().estimate()), Optional.of(l.metric().label()))));
    for (ExpectationFailure f : r.expectations().failures()) {
      b.note(new RunRecord.Note(f.column(), "failed " + f.check(), "fail",
          OptionalDouble.of(f.count()), Optional.of(f.message())));
    }
    for (FeatureDrift d : r.drifted()) {
      b.note(new RunRecord.Note(Optional.of(d.column()), "drift", d.severity().label(),
          OptionalDouble.of(d.psi()), Optional.of(d.reason())));
    }
    return b;
  }

  private static RunRecord.Builder common(Path path, DatasetVersion v, Provenance p,
      byte[] json) {
    Map<String, String> libraries = new LinkedHashMap<>(p.libraries());
    String java = libraries.remove("java");
    return RunRecord.builder()
        .dataset(new RunRecord.DatasetRef(path.toString(), v.id(), v.contentSha256(),
            v.bytesSha256(), v.schemaSha256(), v.rows(), v.columns()))
        .software(new RunRecord.Software(p.plumbVersion(),
            java == null ? System.getProperty("java.version") : java, libraries))
        .reportJson(new String(json, StandardCharsets.UTF_8));
  }

  private static RunRecord.LearnerRun learner(LearnerResult lr, List<Metric> metrics,
      CorrectedTTest test) {
    List<RunRecord.MetricScore> scores = metrics.stream()
        .map(m -> lr.validation(m, test).map(s -> score(m, s, lr.validationScores(m))))
        .flatMap(Optional::stream).toList();
    return new RunRecord.LearnerRun(lr.spec().text(), lr.error(), finite(lr.fitSeconds()),
        finite(lr.predictSecondsPer1000()), scores);
  }

  private static RunRecord.MetricScore score(Metric m, MetricSummary s, double[] folds) {
    return new RunRecord.MetricScore(m.label(), s.mean(), s.std(),
        OptionalDouble.of(s.ci95().lower()), OptionalDouble.of(s.ci95().upper()), folds);
  }

  private static RunRecord.Split split(Splits s) {
    double train = s.folds().stream().mapToInt(Fold::trainSize).average().orElse(1);
    double validation = s.folds().stream().mapToInt(Fold::validationSize).average().orElse(1);
    return new RunRecord.Split(s.strategy().label(), s.k(), s.repeats(), validation / train);
  }

  private static CorrectedTTest test(Splits s) {
    return CorrectedTTest.forSplits(s);
  }

  private static OptionalDouble finite(OptionalDouble v) {
    return v.isPresent() && Double.isFinite(v.getAsDouble()) ? v : OptionalDouble.empty();
  }

  private static OptionalDouble finite(double v) {
    return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
  }
}
