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
import dev.plumb.report.Provenance;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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

  @Mixin ReportOptions report;

  @Mixin CsvOptionsMixin csv;
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    boolean interactive = Main.Context.INTERACTIVE.get() && !common.quiet;
    experiment.validateOptions();
    long t0 = System.nanoTime();
    Dataset dataset = CommandIo.read(spec, experiment.data, csv, common);
    double readSeconds = (System.nanoTime() - t0) / 1e9;
    Table table = dataset.table();
    Problem problem = experiment.problem(table);
    ExperimentPlan plan = new ExperimentPlan(
        ExperimentOptions.chosenLearners(learners, problem.task()),
        experiment.splits(problem, table), experiment.metrics(problem.task()), experiment.seed,
        experiment.workers(), experiment.limit());
    FitProgress progress = new FitProgress(err, interactive);
    BaselineResult result;
    try {
      result = Baseline.run(problem, plan, progress);
    } finally {
      progress.clear();
    }
    Provenance provenance = Provenance.current();
    double totalSeconds = (System.nanoTime() - t0) / 1e9;
    byte[] jsonBytes = report.json == null ? null : Json.bytes(
        BaselineJson.of(dataset, result, provenance, readSeconds, totalSeconds));
    byte[] htmlBytes = report.html == null ? null
        : BaselineHtml.render(dataset, result, provenance).getBytes(StandardCharsets.UTF_8);
    CommandIo.emit(spec, report.json, jsonBytes, report.html, htmlBytes,
        () -> BaselineText.render(dataset, result, provenance));
    return ExitCode.OK;
  }
}
