package dev.plumb.cli;

import dev.plumb.check.Check;
import dev.plumb.check.CheckResult;
import dev.plumb.check.SavedModel;
import dev.plumb.data.Dataset;
import dev.plumb.report.CheckJson;
import dev.plumb.report.CheckText;
import dev.plumb.report.Json;
import dev.plumb.report.Provenance;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plumb check}: does a saved model still hold on new labelled data? */
@Command(
    name = "check",
    description = "Check a saved model on new labelled data: its data expectations, its scores"
        + " against those it was saved with (a bootstrap interval sized by the new sample, not"
        + " a fixed tolerance), its lead over the trivial baseline, and per-feature drift (PSI,"
        + " KS or chi-squared) as likely causes. Exit 0 when it holds, 1 on a regression or a"
        + " broken expectation, 2 on bad input.",
    mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "A model file saved by 'plumb"
      + " baseline --save-model' or 'plumb bench --save-best'.")
  Path modelFile;

  @Parameters(index = "1", paramLabel = "NEW.csv", description = "New labelled data with the"
      + " model's feature and target columns.")
  Path data;

  @Option(names = "--max-drop", paramLabel = "D", defaultValue = "0.02",
      description = "How much worse than the reference the new score may be before it counts as"
          + " a regression: in the metric's units for accuracy, balanced accuracy, F1, ROC AUC,"
          + " Brier and R², as a share of the reference for RMSE, MAE and log-loss"
          + " (default: ${DEFAULT-VALUE}).")
  double maxDrop;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed of the bootstrap resampling (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Write the result as JSON to FILE ('-' for stdout, instead of the text).")
  String json;

  @Mixin CsvOptionsMixin csv;
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    Check.Options options = new Check.Options(maxDrop, 0.95, seed, Optional.empty());
    SavedModel model = SavedModel.load(modelFile);
    model.requireCard(modelFile);
    Dataset dataset = CommandIo.read(spec, data, csv, common);
    CheckResult result = Check.run(model, modelFile, dataset, options);
    Provenance provenance = Provenance.current();
    byte[] jsonBytes = json == null ? null : Json.bytes(CheckJson.of(result, provenance));
    CommandIo.emit(spec, json, jsonBytes, null, null,
        () -> CheckText.render(result, provenance));
    return result.passed() ? ExitCode.OK : ExitCode.CHECK_FAILED;
  }
}
