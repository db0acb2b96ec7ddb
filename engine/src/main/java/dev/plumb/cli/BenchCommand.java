package dev.plumb.cli;

import dev.plumb.bench.Bench;
import dev.plumb.bench.BenchEntry;
import dev.plumb.bench.BenchResult;
import dev.plumb.bench.JmhLatency;
import dev.plumb.bench.Targets;
import dev.plumb.bench.TargetsFile;
import dev.plumb.data.BadInputException;
import dev.plumb.data.Dataset;
import dev.plumb.data.Table;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.Problem;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerCatalog;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.report.BenchHtml;
import dev.plumb.report.BenchJson;
import dev.plumb.report.BenchText;
import dev.plumb.report.Json;
import dev.plumb.report.OutputFiles;
import dev.plumb.report.Provenance;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code plumb bench}: candidates against targets for accuracy, speed and size. */
@Command(
    name = "bench",
    description = "Benchmark candidate models against targets for accuracy, speed and size:"
        + " cross-validated score, training time and memory, model size, single-row latency"
        + " and batch throughput, beside the strongest simple learner as control, with the same"
        + " tuning budget for all. Exit 1 when no candidate meets every target.",
    mixinStandardHelpOptions = true)
final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ExperimentOptions experiment;

  /** Not an option of bench (the control is chosen for it); kept to say so clearly. */
  @Option(names = {"-l", "--learners"}, hidden = true)
  String learners;

  @Option(names = {"-c", "--candidates"}, paramLabel = "SPECS",
      description = "Comma-separated candidate learners, e.g. 'smile:gradient_boosting("
          + "trees=500,shrinkage=0.05),tribuo:logistic' (also from the targets file).")
  String candidates;

  @Option(names = "--targets", paramLabel = "FILE",
      description = "YAML targets: metric, min_score or max_score, max_latency_p50_ms,"
          + " max_latency_p99_ms, min_throughput_rows_per_s, max_model_bytes, max_train_seconds,"
          + " max_train_memory_bytes, candidates (see datasets/targets.example.yaml).")
  Path targetsFile;

  @Option(names = "--tune", paramLabel = "N",
      description = "Give every candidate and the control N random-search trials (default: no"
          + " tuning, the settings given are compared).")
  int tune;

  @Option(names = "--jmh",
      description = "Measure latency and throughput with JMH in a forked JVM (slower, with"
          + " error bounds).")
  boolean jmh;

  @Option(names = "--save-best", paramLabel = "FILE",
      description = "Write the best-scoring candidate that meets every target as a Plumb model"
          + " file (nothing is written when none does).")
  Path saveBest;

  @Mixin ReportOptions report;

  @Mixin CsvOptionsMixin csv;
  @Mixin CommonOptions common;
  @Mixin StoreOptions store;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    boolean interactive = Main.Context.INTERACTIVE.get() && !common.quiet;
    experiment.validateOptions();
    if (saveBest != null) {
      OutputFiles.checkLocation(saveBest);
    }
    if (learners != null) {
      throw new BadInputException("bench takes --candidates, not --learners (the control is"
          + " chosen for you)");
    }
    if (tune < 0 || tune > 10_000) {
      throw new BadInputException("--tune must be a number of trials from 0 to 10000, got "
          + tune);
    }
    long t0 = System.nanoTime();
    Dataset dataset = CommandIo.read(spec, experiment.data, csv, common);
    Table table = dataset.table();
    Problem problem = experiment.problem(table);
    List<Metric> metrics = experiment.metrics(problem.task());
    Targets targets = targetsFile == null ? Targets.none()
        : TargetsFile.read(targetsFile, problem.task(), metrics.get(0));
    if (targets.metric().isPresent()) {
      // the targets' metric leads, so that scores, verdicts and the front agree
      metrics = ExperimentOptions.metricsLedBy(targets.metric().get(), problem.task());
    }
    List<Learner> chosen = candidates(problem, targets);
    FitProgress progress = new FitProgress(err, interactive);
    BenchResult result;
    try {
      Bench.Run run = Bench.run(problem, experiment.splits(problem, table), metrics,
          new Bench.Options(chosen, tune, experiment.seed, experiment.workers(),
              experiment.limit()), progress);
      Optional<JmhLatency.Report> jmhReport = Optional.empty();
      if (jmh) {
        progress.clear();
        jmhReport = Optional.of(JmhLatency.run(run, experiment.data, csv.toOptions(), err));
      }
      result = BenchResult.of(run, targets, jmhReport);
    } finally {
      progress.clear();
    }
    Provenance provenance = Provenance.current();
    double totalSeconds = (System.nanoTime() - t0) / 1e9;
    BenchResult r = result;
    byte[] jsonBytes = report.json == null ? null
        : Json.bytes(BenchJson.of(dataset, r, provenance, totalSeconds));
    byte[] htmlBytes = report.html == null ? null
        : BenchHtml.render(dataset, r, provenance).getBytes(StandardCharsets.UTF_8);
    CommandIo.emit(spec, report.json, jsonBytes, report.html, htmlBytes,
        () -> BenchText.render(dataset, r, provenance));
    if (saveBest != null) {
      saveBest(r, dataset, err);
    }
    return store.record(common, r.verdicts().anyMeetsAll() ? ExitCode.OK : ExitCode.CHECK_FAILED,
        () -> RunRecords.bench(dataset.path(), dataset.version(), r, provenance,
            Json.bytes(BenchJson.of(dataset, r, provenance, totalSeconds))));
  }

  private List<Learner> candidates(Problem problem, Targets targets) {
    List<String> texts = new ArrayList<>();
    if (candidates != null) {
      texts.addAll(ExperimentOptions.splitSpecs("--candidates", candidates));
    }
    targets.candidates().forEach(s -> texts.add(s.text()));
    if (texts.isEmpty()) {
      throw new BadInputException("no candidates: give --candidates 'SPEC,...' (e.g."
          + " 'random_forest,gradient_boosting') or list them under candidates: in the targets"
          + " file");
    }
    List<Learner> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String text : texts) {
      Learner l = LearnerCatalog.resolve(LearnerSpec.parse(text), problem.task());
      if (seen.add(l.spec().text())) {
        out.add(l);
      }
    }
    return out;
  }

  /** Saves the winner, the best score among those meeting every target, when there is one. */
  private void saveBest(BenchResult r, Dataset dataset, PrintWriter err) {
    Optional<BenchEntry> best = r.best();
    if (best.isEmpty()) {
      err.println("plumb: --save-best: no candidate meets every target, so " + saveBest
          + " was not written");
      return;
    }
    BenchEntry e = best.get();
    ModelSaving.save(saveBest, e.measured().orElseThrow().pipeline(), dataset, r.run().seed(),
        r.run().splits(), r.run().metrics(), e.cv(), Optional.empty(), r.run().problem().size(),
        err);
  }
}
