package dev.plumb.testkit;

import dev.plumb.check.Check;
import dev.plumb.check.CheckResult;
import dev.plumb.check.SavedModel;
import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.data.Dataset;
import dev.plumb.evaluate.Metric;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A saved model and the labelled data to test it on, for assertions in a JUnit 5 (or any) test:
 *
 * <pre>{@code
 * ModelUnderTest churn = ModelUnderTest.load(Path.of("models/churn.plumb"),
 *     Path.of("src/test/resources/churn-2026-10.csv"));
 * PlumbAssertions.assertThat(churn)
 *     .meetsItsDataExpectations()
 *     .beatsBaselineBy(Metric.ACCURACY, 0.05)
 *     .hasNotDroppedBy(0.02)
 *     .meetsP99Latency(Duration.ofMillis(5));
 * }</pre>
 *
 * <p>The model's card (saved by {@code plumb baseline --save-model} or {@code plumb bench
 * --save-best}) supplies the training-time scores and expectations. The results are {@code plumb
 * check}'s; each distinct check (allowed drop, reference, seed) runs once and is shared by the
 * assertions that need it. Not thread-safe.
 */
public final class ModelUnderTest {
  private final SavedModel model;
  private final Path modelFile;
  private final Dataset data;
  private long seed = 42;
  /** The checks already run, by their settings: assertions that share settings share one. */
  private final Map<Check.Options, CheckResult> checks = new HashMap<>();

  private ModelUnderTest(SavedModel model, Path modelFile, Dataset data) {
    this.model = model;
    this.modelFile = modelFile;
    this.data = data;
  }

  /**
   * Loads a model file and a CSV file (read with Plumb's default CSV options).
   *
   * @throws dev.plumb.data.BadInputException when either file cannot be read, or the model has no
   *     card
   */
  public static ModelUnderTest load(Path modelFile, Path csv) {
    SavedModel model = SavedModel.load(modelFile);
    model.requireCard(modelFile);
    return new ModelUnderTest(model, modelFile, CsvTableReader.read(csv, CsvOptions.defaults()));
  }

  /** The same, with the bootstrap resampling seeded by {@code seed} (default 42). */
  public ModelUnderTest withSeed(long seed) {
    ModelUnderTest copy = new ModelUnderTest(model, modelFile, data);
    copy.seed = seed;
    return copy;
  }

  /** The model. */
  public SavedModel model() {
    return model;
  }

  /** The model file. */
  public Path modelFile() {
    return modelFile;
  }

  /** The data. */
  public Dataset data() {
    return data;
  }

  /** The seed of the bootstrap. */
  public long seed() {
    return seed;
  }

  /** {@code plumb check}'s result with {@code maxDrop} against the card's scores. */
  public CheckResult check(double maxDrop) {
    return check(maxDrop, Optional.empty());
  }

  /** {@code plumb check}'s result with {@code maxDrop} against {@code reference}. */
  public CheckResult check(double maxDrop, Optional<Check.Reference> reference) {
    Objects.requireNonNull(reference, "reference");
    return check(new Check.Options(maxDrop, 0.95, seed, reference));
  }

  /** The check of {@code metric} alone (its lead over the baseline included). */
  CheckResult check(Metric metric) {
    return check(new Check.Options(0, 0.95, seed, Optional.empty(),
        List.of(metric)));
  }

  private CheckResult check(Check.Options options) {
    return checks.computeIfAbsent(options, o -> Check.run(model, modelFile, data, o));
  }
}
