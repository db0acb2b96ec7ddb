package dev.plumb.learn.smile;

import static dev.plumb.learn.smile.Fixtures.learner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumb.data.BadInputException;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.plan.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names, full specs with defaults, and parameter validation. */
class SmileLearnersTest {
  private final SmileLearners smile = new SmileLearners();

  @Test
  void namesLearnersPerTask() {
    assertThat(smile.library()).isEqualTo("smile");
    assertThat(smile.names(Task.BINARY)).containsExactly("tree", "stump", "random_forest",
        "gradient_boosting", "naive_bayes");
    assertThat(smile.names(Task.MULTICLASS)).isEqualTo(smile.names(Task.BINARY));
    assertThat(smile.names(Task.REGRESSION)).containsExactly("tree", "random_forest",
        "gradient_boosting", "linear", "ridge");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "BINARY|tree|smile:tree(max_depth=none,node_size=1,max_nodes=none)",
      "REGRESSION|tree|smile:tree(max_depth=none,node_size=1,max_nodes=none)",
      "BINARY|stump|smile:stump(node_size=1)",
      "MULTICLASS|random_forest|"
          + "smile:random_forest(trees=100,mtry=sqrt,max_depth=none,node_size=1,subsample=1.0)",
      "REGRESSION|random_forest|"
          + "smile:random_forest(trees=100,mtry=all,max_depth=none,node_size=1,subsample=1.0)",
      "BINARY|gradient_boosting|smile:gradient_boosting"
          + "(trees=100,shrinkage=0.1,max_depth=3,node_size=1,subsample=1.0)",
      "REGRESSION|smile:gradient_boosting|smile:gradient_boosting"
          + "(trees=100,shrinkage=0.1,max_depth=3,node_size=1,subsample=1.0)",
      "BINARY|naive_bayes|smile:naive_bayes(var_smoothing=1.0e-9)",
      "REGRESSION|linear|smile:linear",
      "REGRESSION|ridge|smile:ridge(alpha=1.0)"})
  void spellsOutEveryDefault(Task task, String given, String full) {
    Learner l = learner(given, task);
    assertThat(l.spec().text()).isEqualTo(full);
    assertThat(LearnerSpec.parse(full)).isEqualTo(l.spec());
    assertThat(l.supports(task)).isTrue();
    assertThat(l.supports(task.isClassification() ? Task.REGRESSION : Task.BINARY)).isFalse();
  }

  @Test
  void writesGivenValuesCanonically() {
    Learner l = learner("smile:random_forest(max_depth=12, trees=0300, mtry=0.50)", Task.BINARY);
    assertThat(l.spec().text()).isEqualTo(
        "smile:random_forest(trees=300,mtry=0.5,max_depth=12,node_size=1,subsample=1.0)");
    assertThat(learner("ridge(alpha=1e-3)", Task.REGRESSION).spec().text())
        .isEqualTo("smile:ridge(alpha=0.001)");
    assertThat(learner("tree(max_depth=NONE,max_nodes=64)", Task.BINARY).spec().text())
        .isEqualTo("smile:tree(max_depth=none,node_size=1,max_nodes=64)");
    assertThat(learner("random_forest(mtry=log2)", Task.REGRESSION).spec().params())
        .containsEntry("mtry", "log2");
  }

  @Test
  void rejectsUnknownParameterNamingTheKnownOnes() {
    assertThatThrownBy(() -> learner("smile:random_forest(depth=3)", Task.BINARY))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("unknown parameter 'depth'")
        .hasMessageContaining("trees, mtry, max_depth, node_size, subsample");
    assertThatThrownBy(() -> learner("linear(alpha=1)", Task.REGRESSION))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("it takes no parameters");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "random_forest(trees=abc)|trees must be an integer in [1, 100000], got 'abc'",
      "random_forest(trees=0)|trees must be an integer in [1, 100000], got '0'",
      "random_forest(trees=2.5)|trees must be an integer in [1, 100000], got '2.5'",
      "random_forest(mtry=0)|mtry must be sqrt, log2, all, a count of features >= 1",
      "random_forest(mtry=1.5)|mtry must be sqrt, log2, all",
      "random_forest(subsample=0)|subsample must be a number in (0.0, 1.0], got '0'",
      "gradient_boosting(shrinkage=1.5)|shrinkage must be a number in (0.0, 1.0], got '1.5'",
      "gradient_boosting(max_depth=none)|max_depth must be an integer in [1, 1000]",
      "tree(max_depth=0)|max_depth must be 'none' or an integer in [1, 1000], got '0'",
      "tree(max_nodes=1)|max_nodes must be 'none' or an integer in [2, 2147483646]",
      "naive_bayes(var_smoothing=-1)|var_smoothing must be a number in (0.0, 1.0]",
      "naive_bayes(var_smoothing=nan)|var_smoothing must be a number in (0.0, 1.0]"})
  void rejectsValuesOutOfRangeSayingTheRange(String spec, String message) {
    Task task = spec.startsWith("naive") || spec.startsWith("tree") ? Task.BINARY
        : Task.MULTICLASS;
    assertThatThrownBy(() -> learner(spec, task))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("smile:" + spec.substring(0, spec.indexOf('(')) + ": ")
        .hasMessageContaining(message);
  }

  @Test
  void rejectsUnknownNamesAndOtherLibraries() {
    assertThatThrownBy(() -> learner("stump", Task.REGRESSION))
        .isInstanceOf(BadInputException.class)
        .hasMessage("smile has no regression learner 'stump'; it has tree, random_forest,"
            + " gradient_boosting, linear, ridge");
    assertThatThrownBy(() -> learner("tribuo:tree", Task.BINARY))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("library 'tribuo'");
  }

  @Test
  void rejectsMtryAboveTheFeatureCountAtFitTime() {
    Learner l = learner("random_forest(mtry=5)", Task.BINARY);
    assertThatThrownBy(() -> l.fit(Fixtures.noisyBinary(50, 4, 1), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mtry=5 is more than the 4 features");
  }

  @Test
  void resolvesMtryLikeScikitLearn() {
    assertThat(Mtry.SQRT.resolve(22)).isEqualTo(4);
    assertThat(Mtry.parse("log2").orElseThrow().resolve(22)).isEqualTo(4);
    assertThat(Mtry.parse("log2").orElseThrow().resolve(1)).isEqualTo(1);
    assertThat(Mtry.ALL.resolve(22)).isEqualTo(22);
    assertThat(Mtry.parse("0.3").orElseThrow().resolve(22)).isEqualTo(6);
    assertThat(Mtry.parse("0.01").orElseThrow().resolve(22)).isEqualTo(1);
  }
}
