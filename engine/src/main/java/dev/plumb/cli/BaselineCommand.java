package dev.plumb.cli;

import dev.plumb.data.Dataset;
import dev.plumb.data.Table;
import dev.plumb.evaluate.Baseline;
import dev.plumb.evaluate.BaselineResult;
import dev.plumb.evaluate.ExperimentPlan;
import dev.plumb.evaluate.Problem;
import dev.plumb.report.BaselineHtml;
import dev.plumb.report.BaselineJson;
import dev.plumb.report.BaselineText;
import dev.plumb.report.Json;
import dev.plumb.report.OutputFiles;
import dev.plumb.report.Provenance;
import dev.plumb.data.BadInputException;
import dev.plumb.evaluate.LeaderboardEntry;
import dev.plumb.evaluate.LearnerResult;
import dev.plumb.learn.FittedPipeline;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerCatalog;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.plan.Seeds;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code plumb baseline}: the cross-validated ladder of baselines. */
@Command(
    name = "baseline",
    description = "Cross-validate the baseline ladder (dummies, one rule, naive Bayes, linear,"
        + " kNN, trees, ensembles) on shared folds, rank them, test each against the trivial"
        + " baseline and the leader, and check that the data and pipeline are sound.",
    mixinStandardHelpOptions = true)
final class BaselineCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ExperimentOptions experiment;

  @Option(names = {"-l", "--learners"}, paramLabel = "SPECS",
      description = "Comma-separated learners, e.g. 'logistic,smile:random_forest(trees=300,"
          + "max_depth=12)' (default: the whole ladder).")
  String learners;

  @Option(names = "--save-model", arity = "2", paramLabel = "LEARNER FILE",
      hideParamSyntax = true,
      description = "Fit LEARNER (one of the run's learners, or 'best' for the leader) on every"
          + " row and save it to FILE with its model card: learner, dataset version, seed,"
          + " cross-validated scores, data expectations and feature summaries, for 'plumb"
          + " check'.")
  List<String> saveModel;

  @Mixin ReportOptions report;

  @Mixin CsvOptionsMixin csv;
  @Mixin CommonOptions common;
  @Mixin StoreOptions store;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    boolean interactive = Main.Context.INTERACTIVE.get() && !common.quiet;
    experiment.validateOptions();
    if (saveModel != null) {
      OutputFiles.checkLocation(Path.of(saveModel.get(1)));
      experiment.requireSameLearners("--save-model");
    }
    long t0 = System.nanoTime();
    Dataset dataset = CommandIo.read(spec, experiment.data, csv, common);
    double readSeconds = (System.nanoTime() - t0) / 1e9;
    Table table = dataset.table();
    Problem problem = experiment.problem(table);
    List<Learner> chosen = ExperimentOptions.chosenLearners(learners, problem.task());
    Optional<Learner> toSave = saveModel == null ? Optional.empty()
        : Optional.ofNullable(learnerToSave(saveModel.get(0), chosen, problem));
    ExperimentPlan plan = new ExperimentPlan(
        chosen,
        experiment.splits(problem, table), experiment.metrics(problem.task()), experiment.seed,
        experiment.workers(), experiment.limit());
    FitProgress progress = new FitProgress(err, interactive);
    BaselineResult result;
    Baseline.Runner runner = experiment.runner(problem);
    try {
      result = Baseline.run(problem, plan, progress, runner);
    } finally {
      progress.clear();
    }
    Provenance provenance = Provenance.current().withLibraries(runner.versions());
    double totalSeconds = (System.nanoTime() - t0) / 1e9;
    byte[] jsonBytes = report.json == null ? null : Json.bytes(
        BaselineJson.of(dataset, result, provenance, readSeconds, totalSeconds));
    byte[] htmlBytes = report.html == null ? null
        : BaselineHtml.render(dataset, result, provenance).getBytes(StandardCharsets.UTF_8);
    CommandIo.emit(spec, report.json, jsonBytes, report.html, htmlBytes,
        () -> BaselineText.render(dataset, result, provenance));
    if (saveModel != null) {
      save(toSave, dataset, problem, plan, result);
    }
    return store.record(common, ExitCode.OK, () -> RunRecords.baseline(dataset.path(),
        dataset.version(), result, provenance,
        Json.bytes(BaselineJson.of(dataset, result, provenance, readSeconds, totalSeconds))));
  }

  /** The learner {@code --save-model} names: one of the run's, or empty for the leader. */
  private static Learner learnerToSave(String text, List<Learner> chosen, Problem problem) {
    if (text.equals("best")) {
      return null;
    }
    String spec = LearnerCatalog.resolve(LearnerSpec.parse(text), problem.task()).spec().text();
    return chosen.stream().filter(l -> l.spec().text().equals(spec)).findFirst()
        .orElseThrow(() -> new BadInputException("--save-model: '" + text + "' is not among the"
            + " run's learners (" + String.join(", ", chosen.stream().map(l -> l.spec().text())
            .toList()) + "); add it to --learners, or save 'best'"));
  }

  private void save(Optional<Learner> named, Dataset dataset, Problem problem,
      ExperimentPlan plan, BaselineResult result) {
    LearnerResult cv = named.map(l -> result.leaderboard().stream().map(LeaderboardEntry::result)
        .filter(r -> r.spec().text().equals(l.spec().text())).findFirst().orElseThrow())
        .orElse(result.leader().result());
    Path file = Path.of(saveModel.get(1));
    if (!cv.ok()) {
      throw new BadInputException("--save-model: " + cv.spec().text() + " failed in"
          + " cross-validation (" + cv.error().orElse("no scores") + "), so " + file
          + " was not written");
    }
    Learner learner = plan.learners().stream()
        .filter(l -> l.spec().text().equals(cv.spec().text())).findFirst().orElseThrow();
    FittedPipeline pipeline = problem.fitPipeline(learner,
        Seeds.fullFit(plan.seed(), learner.spec().text()));
    Optional<LearnerResult> trivial = result.leaderboard().stream()
        .map(LeaderboardEntry::result)
        .filter(r -> r.spec().name().equals(result.baselineName()) && r.ok()).findFirst();
    ModelSaving.save(file, pipeline, dataset, plan.seed(), plan.splits(), plan.metrics(), cv,
        trivial, problem.size(), spec.commandLine().getErr());
  }
}
