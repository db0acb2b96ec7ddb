package dev.plumb.cli;

import dev.plumb.check.Check;
import dev.plumb.check.CheckResult;
import dev.plumb.check.ModelCard;
import dev.plumb.check.SavedModel;
import dev.plumb.data.BadInputException;
import dev.plumb.data.Dataset;
import dev.plumb.report.CheckJson;
import dev.plumb.report.CheckText;
import dev.plumb.report.Json;
import dev.plumb.report.Provenance;
import dev.plumb.store.StoreLocation;
import dev.plumb.store.StoredRun;
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

  @Option(names = "--against", paramLabel = "RUN_ID",
      description = "Compare with the scores of this learner in a recorded run (see 'plumb"
          + " runs'; e.g. an earlier check, or the baseline run the model came from) instead of"
          + " the cross-validated scores saved in the model.")
  Long against;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed of the bootstrap resampling (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Write the result as JSON to FILE ('-' for stdout, instead of the text).")
  String json;

  @Mixin StoreOptions store;
  @Mixin CsvOptionsMixin csv;
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    SavedModel model = SavedModel.load(modelFile);
    ModelCard card = model.requireCard(modelFile);
    Optional<Check.Reference> reference = against == null ? Optional.empty()
        : Optional.of(reference(card, against));
    Check.Options options = new Check.Options(maxDrop, 0.95, seed, reference);
    Dataset dataset = CommandIo.read(spec, data, csv, common);
    CheckResult result = Check.run(model, modelFile, dataset, options);
    Provenance provenance = Provenance.current();
    byte[] jsonBytes = json == null ? null : Json.bytes(CheckJson.of(result, provenance));
    CommandIo.emit(spec, json, jsonBytes, null, null,
        () -> CheckText.render(result, provenance));
    return store.record(common, result.passed() ? ExitCode.OK : ExitCode.CHECK_FAILED,
        () -> RunRecords.check(result, provenance, Json.bytes(CheckJson.of(result, provenance))));
  }

  /**
   * The scores of the model's learner in run {@code id}.
   *
   * @throws BadInputException when the store is off or unreadable, the run does not exist, or it
   *     has no scores of this learner
   */
  private Check.Reference reference(ModelCard card, long id) {
    StoreLocation location;
    try {
      location = store.location().orElseThrow(() -> new BadInputException("--against needs the"
          + " run store, but it is turned off; drop --no-store or name one with --store"));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    StoredRun run = RunsCommand.Where.read(location,
        s -> RunsCommand.Where.require(s, location, id));
    return Check.Reference.of(run, card);
  }
}
