package dev.plumb.cli;

import dev.plumb.data.BadInputException;
import dev.plumb.data.Dataset;
import dev.plumb.data.Table;
import dev.plumb.diagnose.Diagnose;
import dev.plumb.diagnose.DiagnoseResult;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.Problem;
import dev.plumb.learn.Learner;
import dev.plumb.report.DiagnoseHtml;
import dev.plumb.report.DiagnoseJson;
import dev.plumb.report.DiagnoseText;
import dev.plumb.report.Json;
import dev.plumb.report.Provenance;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code plumb diagnose}: learning and validation curves that end in a verdict. */
@Command(
    name = "diagnose",
    description = "Learning curves (nested growing subsets of each training fold) and validation"
        + " curves (a sweep of each learner's main complexity setting), read into a verdict per"
        + " learner (underfitting, overfitting, good_fit, inconclusive), whether more data would"
        + " help, ranked remedies and a power-law extrapolation.",
    mixinStandardHelpOptions = true)
final class DiagnoseCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ExperimentOptions experiment;

  @Option(names = "--sizes", paramLabel = "N,N,...", split = ",",
      description = "Training sizes of the learning curves (default: 8 log-spaced sizes from"
          + " 40 rows, or 10 per class, to the whole training fold).")
  List<Integer> sizes = new ArrayList<>();

  @Option(names = "--sweep", paramLabel = "NAME=V1,V2,...",
      description = "Values to sweep for a parameter, for every learner that has it, e.g."
          + " --sweep max_depth=2,4,8,none (repeatable; default: each learner's main"
          + " complexity parameter over a standard range).")
  List<String> sweeps = new ArrayList<>();

  @Option(names = "--goal", paramLabel = "SCORE",
      description = "The score aimed at in the primary metric: sets the target of the"
          + " bias/variance table and asks how many rows would reach it.")
  Double goal;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Write the result as JSON to FILE ('-' for stdout, instead of the summary).")
  String json;

  @Option(names = "--html", paramLabel = "FILE",
      description = "Write an HTML report with the curves to FILE.")
  Path html;

  @Mixin CsvOptionsMixin csv;
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    boolean interactive = Main.Context.INTERACTIVE.get() && !common.quiet;
    experiment.validateOptions();
    if (goal != null && !Double.isFinite(goal)) {
      throw new BadInputException("--goal must be a number, got " + goal);
    }
    long t0 = System.nanoTime();
    Dataset dataset = CommandIo.read(spec, experiment.data, csv, common);
    Table table = dataset.table();
    Problem problem = Problem.of(table, experiment.target, experiment.requestedTask());
    Metric metric = experiment.metrics(problem.task()).get(0);
    if (goal != null && (goal < metric.lowest() || goal > metric.highest())) {
      throw new BadInputException("--goal " + goal + " is outside the range of "
          + metric.label() + " [" + metric.lowest() + ", " + metric.highest() + "]");
    }
    List<Learner> learners = experiment.learners == null ? List.of()
        : experiment.chosenLearners(problem.task());
    Diagnose.Options options = new Diagnose.Options(learners,
        sizes.stream().mapToInt(Integer::intValue).toArray(), sweeps,
        goal == null ? OptionalDouble.empty() : OptionalDouble.of(goal), experiment.workers());
    FitProgress progress = new FitProgress(err, interactive);
    DiagnoseResult result;
    try {
      result = Diagnose.run(problem, experiment.splits(problem, table), metric, experiment.seed,
          options, progress);
    } finally {
      progress.clear();
    }
    Provenance provenance = Provenance.current();
    double totalSeconds = (System.nanoTime() - t0) / 1e9;
    byte[] jsonBytes = json == null ? null
        : Json.bytes(DiagnoseJson.of(dataset, result, provenance, totalSeconds));
    byte[] htmlBytes = html == null ? null
        : DiagnoseHtml.render(dataset, result, provenance).getBytes(StandardCharsets.UTF_8);
    CommandIo.emit(spec, json, jsonBytes, html, htmlBytes,
        () -> DiagnoseText.render(dataset, result, provenance));
    return ExitCode.OK;
  }
}
