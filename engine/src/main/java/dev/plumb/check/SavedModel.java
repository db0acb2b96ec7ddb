package dev.plumb.check;

import dev.plumb.data.BadInputException;
import dev.plumb.learn.FittedPipeline;
import dev.plumb.learn.ModelFile;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A model as {@code --save-model} and {@code --save-best} save it: the fitted pipeline and its
 * {@link ModelCard}, in one {@link ModelFile}. Files saved without a card (by {@code
 * ModelFile.save}, or by Plumb before the card) load with an empty one. Immutable.
 *
 * @param pipeline the fitted preprocessing and model
 * @param card the card, when the file has one
 */
public record SavedModel(FittedPipeline pipeline, Optional<ModelCard> card) {
  /** Checks for nulls. */
  public SavedModel {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(card, "card");
  }

  /**
   * Loads a model file.
   *
   * @throws BadInputException when the file cannot be read, is not a valid Plumb model file, or
   *     its card is damaged, naming the file
   */
  public static SavedModel load(Path file) {
    ModelFile.Contents contents = ModelFile.loadContents(file);
    try {
      return new SavedModel(contents.pipeline(), contents.card().isEmpty() ? Optional.empty()
          : Optional.of(ModelCard.fromJson(contents.card())));
    } catch (BadInputException e) {
      throw new BadInputException(file + ": " + e.getMessage(), e);
    }
  }

  /** The bytes of this model's file. */
  public byte[] bytes() {
    return ModelFile.bytes(pipeline, card.map(ModelCard::toJson).orElse(""));
  }

  /**
   * The card, for commands that need one.
   *
   * @throws BadInputException naming {@code file} when the model has no card
   */
  public ModelCard requireCard(Path file) {
    return card.orElseThrow(() -> new BadInputException(file + " has no model card (it was"
        + " saved without one, or by an older Plumb); save it again with 'plumb baseline"
        + " --save-model' or 'plumb bench --save-best'"));
  }
}
