package dev.plumb.cli;

import dev.plumb.data.BadInputException;
import dev.plumb.data.CsvAppend;
import dev.plumb.data.CsvTableReader;
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
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  @Option(names = {"-l", "--learners"}, paramLabel = "SPECS",
      description = "Comma-separated learners to diagnose, e.g. 'logistic,smile:tree' (default:"
          + " the strongest simple learner of the ladder and a random forest).")
  String learners;

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

  @Option(names = "--test", paramLabel = "TEST.csv",
      description = "A labelled test file with the same columns: adds each learner's test score"
          + " to the bias/variance table and checks whether the test rows differ from the"
          + " training rows (a classifier's ROC AUC, and the columns that differ most).")
  Path test;

  @Mixin ReportOptions report;

  @Mixin CsvOptionsMixin csv;
  @Mixin CommonOptions common;
  @Mixin StoreOptions store;

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
    Problem problem = experiment.problem(table);
    Metric metric = experiment.metrics(problem.task()).get(0);
    if (goal != null && (goal < metric.lowest() || goal > metric.highest())) {
      throw new BadInputException("--goal " + goal + " is outside the range of "
          + metric.label() + " [" + metric.lowest() + ", " + metric.highest() + "]");
    }
    List<Learner> chosen = learners == null ? List.of()
        : ExperimentOptions.chosenLearners(learners, problem.task());
    Optional<Diagnose.TestData> testData = test == null ? Optional.empty()
        : Optional.of(testData(dataset, problem));
    Diagnose.Options options = new Diagnose.Options(chosen,
        sizes.stream().mapToInt(Integer::intValue).toArray(), sweeps,
        goal == null ? OptionalDouble.empty() : OptionalDouble.of(goal), experiment.workers(),
        testData);
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
    byte[] jsonBytes = report.json == null ? null
        : Json.bytes(DiagnoseJson.of(dataset, result, provenance, totalSeconds));
    byte[] htmlBytes = report.html == null ? null
        : DiagnoseHtml.render(dataset, result, provenance).getBytes(StandardCharsets.UTF_8);
    CommandIo.emit(spec, report.json, jsonBytes, report.html, htmlBytes,
        () -> DiagnoseText.render(dataset, result, provenance));
    return store.record(common, ExitCode.OK, () -> RunRecords.diagnose(dataset.path(),
        dataset.version(), result, provenance,
        Json.bytes(DiagnoseJson.of(dataset, result, provenance, totalSeconds))));
  }

  /**
   * Reads the test file (its own errors name its own lines), checks that its columns match, and
   * reads both files as one table so that they are typed and encoded alike.
   */
  private Diagnose.TestData testData(Dataset train, Problem problem) {
    Dataset testSet = CommandIo.read(spec, test, csv, common);
    List<String> expected = train.table().columnNames();
    List<String> got = testSet.table().columnNames();
    if (!expected.equals(got)) {
      throw new BadInputException("test file " + test + " has the columns " + got + "; it needs"
          + " the training file's columns in the same order: " + expected);
    }
    if (testSet.info().delimiter() != train.info().delimiter()) {
      throw new BadInputException("test file " + test + " is separated by '"
          + testSet.info().delimiter() + "', the training file by '" + train.info().delimiter()
          + "'; save both with the same delimiter");
    }
    Path joined = null;
    try {
      joined = Files.createTempFile("plumb-train-test-", ".csv");
      CsvAppend.write(experiment.data, test, joined);
      Table both = CsvTableReader.read(joined, csv.toOptions()).table();
      return new Diagnose.TestData(Problem.of(both, experiment.target,
          Optional.of(problem.task())), train.table().rowCount());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a temporary file", e);
    } finally {
      if (joined != null) {
        try {
          Files.deleteIfExists(joined);
        } catch (IOException e) {
          // a leftover temporary file is harmless
        }
      }
    }
  }
}
