package dev.plumb.check;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.plumb.data.BadInputException;
import dev.plumb.data.Dataset;
import dev.plumb.drift.DriftReference;
import dev.plumb.evaluate.CorrectedTTest;
import dev.plumb.evaluate.Interval;
import dev.plumb.evaluate.LearnerResult;
import dev.plumb.evaluate.Metric;
import dev.plumb.learn.FittedPipeline;
import dev.plumb.plan.Splits;
import dev.plumb.profile.ColumnExpectation;
import dev.plumb.profile.Expectations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a saved model says about itself, kept in its model file beside the fitted pipeline (as
 * JSON, so that reading it never runs Java deserialization): where it comes from (Plumb and
 * library versions, the learner, the seed, the exact training data by its fingerprints), how well
 * it scored in cross-validation next to the trivial baseline, and what its training data looked
 * like (the data expectations of {@code plumb datatest}, and a compact per-feature summary for
 * drift). {@code plumb check} compares new data with all three. Immutable.
 *
 * <p>Unknown keys are ignored when reading, so that cards written by later versions still load.
 *
 * @param schema the card format, {@value #SCHEMA}
 * @param plumbVersion the Plumb version that trained the model
 * @param createdAt when, ISO-8601 UTC
 * @param libraries the JVM and library versions that trained it
 * @param learner the learner spec text
 * @param task the task label ({@code classification} or {@code regression})
 * @param target the target column
 * @param seed the seed of the training run
 * @param dataset the training data's identity
 * @param validation the cross-validated scores of the learner and of the trivial baseline
 * @param expectations the data expectations derived from the training data (no row-count bounds)
 * @param driftReference the training data's per-feature summary, for drift
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelCard(
    @JsonProperty(value = "schema", required = true) String schema,
    @JsonProperty("plumb_version") String plumbVersion,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("libraries") Map<String, String> libraries,
    @JsonProperty(value = "learner", required = true) String learner,
    @JsonProperty(value = "task", required = true) String task,
    @JsonProperty(value = "target", required = true) String target,
    @JsonProperty("seed") long seed,
    @JsonProperty(value = "dataset", required = true) DatasetInfo dataset,
    @JsonProperty("validation") Validation validation,
    @JsonProperty("expectations") Expectations expectations,
    @JsonProperty("drift_reference") DriftReference driftReference) {

  /** The card format this version writes. */
  public static final String SCHEMA = "plumb-model-card/1";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT).build();

  /** Copies the library map. */
  public ModelCard {
    libraries = libraries == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(libraries));
  }

  /**
   * The identity of the training data, from its fingerprints ({@link
   * dev.plumb.data.DatasetVersion}).
   *
   * @param file the file name it was read from
   * @param version the short version id
   * @param contentSha256 the order- and format-independent content hash
   * @param bytesSha256 the hash of the file's bytes
   * @param schemaSha256 the hash of the column names and types
   * @param rows rows in the file
   * @param columns columns in the file
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record DatasetInfo(
      @JsonProperty("file") String file,
      @JsonProperty("version") String version,
      @JsonProperty("content_sha256") String contentSha256,
      @JsonProperty("bytes_sha256") String bytesSha256,
      @JsonProperty("schema_sha256") String schemaSha256,
      @JsonProperty("rows") long rows,
      @JsonProperty("columns") long columns) {

    static DatasetInfo of(Dataset d) {
      return new DatasetInfo(d.path().getFileName().toString(), d.version().id(),
          d.version().contentSha256(), d.version().bytesSha256(), d.version().schemaSha256(),
          d.version().rows(), d.version().columns());
    }
  }

  /**
   * Cross-validated scores.
   *
   * @param split the split strategy label, e.g. {@code stratified_k_fold}
   * @param folds folds per repeat
   * @param repeats repeats
   * @param scores the learner's scores, the leading metric first
   * @param baseline the trivial baseline's spec ({@code majority} or {@code mean})
   * @param baselineScores the baseline's scores on the same folds, when it ran
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Validation(
      @JsonProperty("split") String split,
      @JsonProperty("folds") int folds,
      @JsonProperty("repeats") int repeats,
      @JsonProperty("scores") List<Score> scores,
      @JsonProperty("baseline") String baseline,
      @JsonProperty("baseline_scores") List<Score> baselineScores) {

    /** Copies the lists. */
    public Validation {
      scores = scores == null ? List.of() : List.copyOf(scores);
      baselineScores = baselineScores == null ? null : List.copyOf(baselineScores);
    }

    /** The learner's score on {@code metric}, if recorded. */
    public Optional<Score> score(Metric metric) {
      return scores.stream().filter(s -> s.metric().equals(metric.label())).findFirst();
    }
  }

  /**
   * One metric's cross-validated score.
   *
   * @param metric the metric label
   * @param mean the mean over folds
   * @param std the standard deviation over folds
   * @param ciLow the lower end of the corrected 95% interval of the mean
   * @param ciHigh its upper end
   * @param foldScores the score of every fold, in fold order
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Score(
      @JsonProperty(value = "metric", required = true) String metric,
      @JsonProperty(value = "mean", required = true) double mean,
      @JsonProperty("std") double std,
      @JsonProperty("ci_low") double ciLow,
      @JsonProperty("ci_high") double ciHigh,
      @JsonProperty("fold_scores") List<Double> foldScores) {

    /** Copies the fold scores. */
    public Score {
      foldScores = foldScores == null ? List.of() : List.copyOf(foldScores);
    }
  }

  /**
   * Where a model comes from and how it scored: what {@link #of} needs besides the pipeline.
   *
   * @param dataset the training data, as read
   * @param seed the run's seed
   * @param splits the folds the scores come from
   * @param metrics the metrics to record, the leading one first
   * @param cv the learner's cross-validation on {@code splits}
   * @param baseline the trivial baseline's cross-validation on the same folds, when it ran
   * @param plumbVersion this Plumb's version
   * @param libraries the JVM and library versions
   */
  public record Origin(Dataset dataset, long seed, Splits splits, List<Metric> metrics,
      LearnerResult cv, Optional<LearnerResult> baseline,
      String plumbVersion, Map<String, String> libraries) {}

  /** The card of {@code pipeline}, trained on {@code origin}'s data. */
  public static ModelCard of(FittedPipeline pipeline, Origin origin) {
    Expectations derived = Expectations.derive(origin.dataset());
    // a batch of new data may have any number of rows and extra columns (the model reads its
    // columns by name), and rows without a target are left out of the scores, not an error
    List<ColumnExpectation> columns = derived.columns().stream()
        .map(c -> c.name().equals(pipeline.target()) ? new ColumnExpectation(c.name(), c.type(),
            c.required(), null, c.min(), c.max(), c.earliest(), c.latest(), c.allowedValues(),
            null) : c).toList();
    Expectations expectations = new Expectations(derived.schema(), derived.kind(),
        derived.source(), null, null, true, columns);
    CorrectedTTest test = CorrectedTTest.forSplits(origin.splits());
    Validation validation = new Validation(origin.splits().strategy().label(),
        origin.splits().k(), origin.splits().repeats(),
        scores(origin.cv(), origin.metrics(), test),
        origin.baseline().map(b -> b.spec().text()).orElse(null),
        origin.baseline().map(b -> scores(b, origin.metrics(), test)).orElse(null));
    return new ModelCard(SCHEMA, origin.plumbVersion(), Instant.now().toString(),
        origin.libraries(), pipeline.learner().text(), pipeline.task().label(),
        pipeline.target(), origin.seed(), DatasetInfo.of(origin.dataset()), validation,
        expectations, DriftReference.of(origin.dataset().table(),
            pipeline.preprocessing().columns()));
  }

  private static List<Score> scores(LearnerResult r, List<Metric> metrics, CorrectedTTest test) {
    List<Score> out = new ArrayList<>();
    for (Metric m : metrics) {
      r.validation(m, test).ifPresent(s -> {
        Interval ci = s.ci95();
        List<Double> folds = Arrays.stream(r.validationScores(m)).boxed().toList();
        out.add(new Score(m.label(), s.mean(), s.std(), ci.lower(), ci.upper(), folds));
      });
    }
    return out;
  }

  /** This card as JSON text. */
  public String toJson() {
    try {
      return MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a model card does not serialize: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a card from its JSON text.
   *
   * @throws BadInputException when the text is not a model card, saying what is wrong
   */
  public static ModelCard fromJson(String json) {
    try {
      ModelCard card = MAPPER.readValue(json, ModelCard.class);
      if (card == null || card.dataset() == null) {
        throw new BadInputException("model file is damaged: its card has no dataset");
      }
      return card;
    } catch (JsonProcessingException e) {
      throw new BadInputException("model file is damaged: its card is not a model card ("
          + e.getOriginalMessage() + ")", e);
    }
  }

  /** The leading metric: the first recorded score's, if any. */
  public Optional<Metric> leadingMetric() {
    if (validation == null || validation.scores().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Metric.parse(validation.scores().get(0).metric()));
  }
}
