package dev.plumb.cli;

import dev.plumb.check.ModelCard;
import dev.plumb.check.SavedModel;
import dev.plumb.data.Dataset;
import dev.plumb.evaluate.LearnerResult;
import dev.plumb.evaluate.Metric;
import dev.plumb.learn.FittedPipeline;
import dev.plumb.plan.Splits;
import dev.plumb.report.OutputFiles;
import dev.plumb.report.Provenance;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes a fitted pipeline with its model card, for {@code baseline --save-model} and {@code bench
 * --save-best}: one file, written atomically, then one line on stderr (also with {@code --quiet}: it reports
 * a file written, not progress). Stateless.
 */
final class ModelSaving {
  private ModelSaving() {}

  /** Saves {@code pipeline} with a card built from the run and says so on {@code err}. */
  static void save(Path file, FittedPipeline pipeline, Dataset dataset, long seed, Splits splits,
      List<Metric> metrics, LearnerResult cv, Optional<LearnerResult> baseline, int labelledRows,
      PrintWriter err) {
    Provenance p = Provenance.current();
    ModelCard card = ModelCard.of(pipeline, new ModelCard.Origin(dataset, seed, splits, metrics,
        cv, baseline, p.plumbVersion(), p.libraries()));
    byte[] bytes = new SavedModel(pipeline, Optional.of(card)).bytes();
    OutputFiles.write(file, bytes);
    err.println("plumb: saved " + pipeline.learner().text() + " (fitted on all "
        + labelledRows + " labelled rows of " + dataset.version().id() + ") to " + file
        + ", " + bytes.length + " bytes");
    err.flush();
  }
}
