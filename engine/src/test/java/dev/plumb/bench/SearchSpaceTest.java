package dev.plumb.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerCatalog;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.plan.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The search spaces of {@link SearchSpace}: every draw is a setting the catalog accepts, and
 * stays inside the ranges the class documents (copied here from its Javadoc table, so that a
 * change to either shows).
 */
class SearchSpaceTest {
  private static final int DRAWS = 50;

  /** A dimension as documented: a list of values, or a log-uniform range. */
  private record Documented(Set<String> values, double low, double high, boolean integer) {
    static Documented of(String... values) {
      return new Documented(Set.of(values), Double.NaN, Double.NaN, false);
    }

    static Documented range(double low, double high, boolean integer) {
      return new Documented(Set.of(), low, high, integer);
    }

    boolean isRange() {
      return values.isEmpty();
    }
  }

  private static final Map<String, Map<String, Documented>> DOCUMENTED = Map.of(
      "tree", Map.of(
          "max_depth", Documented.of("2", "3", "4", "5", "6", "8", "10", "12", "16", "20",
              "none"),
          "node_size", Documented.of("1", "2", "4", "8", "16", "32")),
      "random_forest", Map.of(
          "trees", Documented.of("50", "100", "200", "300", "500"),
          "max_depth", Documented.of("6", "8", "12", "16", "24", "none"),
          "mtry", Documented.of("sqrt", "log2", "0.2", "0.33", "0.5"),
          "node_size", Documented.of("1", "2", "4", "8")),
      "gradient_boosting", Map.of(
          "trees", Documented.of("50", "100", "200", "400"),
          "shrinkage", Documented.range(0.01, 0.3, false),
          "max_depth", Documented.of("2", "3", "4", "5", "6"),
          "subsample", Documented.of("0.5", "0.7", "0.85", "1.0")),
      "logistic", Map.of("c", Documented.range(1e-3, 1e3, false)),
      "knn", Map.of("k", Documented.range(1, 50, true)),
      "ridge", Map.of("alpha", Documented.range(1e-3, 1e3, false)),
      "naive_bayes", Map.of("var_smoothing", Documented.range(1e-12, 0.1, false)),
      "one_rule", Map.of("min_bucket", Documented.range(1, 50, true)));

  /** Every learner of both ladders, and Tribuo's kNN (the other library's {@code knn}). */
  static Stream<Arguments> learners() {
    List<Arguments> out = new ArrayList<>();
    for (Task task : List.of(Task.MULTICLASS, Task.BINARY, Task.REGRESSION)) {
      for (Learner l : LearnerCatalog.ladder(task)) {
        out.add(Arguments.of(l.spec().text(), task));
      }
      out.add(Arguments.of("tribuo:knn", task));
    }
    return out.stream();
  }

  private static LearnerSpec resolved(String text, Task task) {
    return LearnerCatalog.resolve(LearnerSpec.parse(text), task).spec();
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("learners")
  void theSpaceHoldsTheDocumentedHyperparameters(String text, Task task) {
    LearnerSpec spec = resolved(text, task);

    SearchSpace space = SearchSpace.of(spec);

    // a renamed hyperparameter would drop out of the space silently, leaving nothing to tune
    assertThat(space.dimensions().keySet())
        .isEqualTo(DOCUMENTED.getOrDefault(spec.name(), Map.of()).keySet());
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("learners")
  void everyDrawResolvesAndStaysInTheDocumentedRanges(String text, Task task) {
    LearnerSpec spec = resolved(text, task);
    SearchSpace space = SearchSpace.of(spec);
    Map<String, Documented> documented = DOCUMENTED.getOrDefault(spec.name(), Map.of());
    SplittableRandom random = new SplittableRandom(7);

    for (int i = 0; i < DRAWS; i++) {
      LearnerSpec drawn = space.draw(spec, random);

      assertThatCode(() -> LearnerCatalog.resolve(drawn, task)).as(drawn.text())
          .doesNotThrowAnyException();
      assertThat(drawn.library()).isEqualTo(spec.library());
      assertThat(drawn.name()).isEqualTo(spec.name());
      // the hyperparameters outside the space keep their values
      assertThat(drawn.params().keySet()).containsExactlyElementsOf(spec.params().keySet());
      spec.params().forEach((key, value) -> {
        if (!documented.containsKey(key)) {
          assertThat(drawn.params().get(key)).as(drawn.text() + " " + key).isEqualTo(value);
        }
      });
      documented.forEach((key, d) -> {
        String value = drawn.params().get(key);
        if (!d.isRange()) {
          assertThat(value).as(drawn.text() + " " + key).isIn(d.values());
          return;
        }
        double v = Double.parseDouble(value);
        assertThat(v).as(drawn.text() + " " + key).isBetween(d.low(), d.high());
        if (d.integer()) {
          assertThat(value).as(drawn.text() + " " + key).matches("[0-9]+");
        }
      });
    }
  }

  @ParameterizedTest
  @EnumSource(value = Task.class, names = {"MULTICLASS", "REGRESSION"})
  void logRangesCoverBothEndsOfTheirScale(Task task) {
    // c and alpha span [0.001, 1000]: log-uniform puts about half of the draws below 1
    LearnerSpec spec = resolved(task.isClassification() ? "logistic" : "ridge", task);
    String key = task.isClassification() ? "c" : "alpha";
    SearchSpace space = SearchSpace.of(spec);
    SplittableRandom random = new SplittableRandom(11);
    int below = 0;
    double min = Double.MAX_VALUE;
    double max = 0;
    int n = 400;

    for (int i = 0; i < n; i++) {
      double v = Double.parseDouble(space.draw(spec, random).params().get(key));
      below += v < 1 ? 1 : 0;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }

    // binomial(400, 0.5) has mean 200 and standard deviation 10: ±50 is five of them
    assertThat(below).isBetween(150, 250);
    assertThat(min).isLessThan(0.01);
    assertThat(max).isGreaterThan(100);
  }
}
