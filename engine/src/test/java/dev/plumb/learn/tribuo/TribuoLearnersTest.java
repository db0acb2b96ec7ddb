package dev.plumb.learn.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumb.data.BadInputException;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.plan.Task;
import org.junit.jupiter.api.Test;

class TribuoLearnersTest {
  private final TribuoLearners factory = new TribuoLearners();

  private Learner create(String text, Task task) {
    return factory.create(LearnerSpec.parse(text), task);
  }

  @Test
  void namesTheLearnersPerTask() {
    assertThat(factory.library()).isEqualTo("tribuo");
    assertThat(factory.names(Task.BINARY)).containsExactly("logistic", "knn");
    assertThat(factory.names(Task.MULTICLASS)).containsExactly("logistic", "knn");
    assertThat(factory.names(Task.REGRESSION)).containsExactly("knn");
  }

  @Test
  void specsSpellOutEveryDefault() {
    assertThat(create("logistic", Task.BINARY).spec().text()).isEqualTo("tribuo:logistic(c=1.0,"
        + "solver=l2r_lr,max_iterations=1000,epsilon=0.0001,penalize_intercept=false)");
    assertThat(create("tribuo:knn", Task.REGRESSION).spec().text())
        .isEqualTo("tribuo:knn(k=5,distance=l2)");
  }

  @Test
  void givenValuesAreCanonicalizedAndSurviveParsing() {
    Learner learner = create("tribuo:logistic(epsilon=1E-3, c=2, solver=L1R_LR)", Task.MULTICLASS);

    assertThat(learner.spec().text()).isEqualTo("tribuo:logistic(c=2.0,solver=l1r_lr,"
        + "max_iterations=1000,epsilon=0.001,penalize_intercept=false)");
    assertThat(create(learner.spec().text(), Task.MULTICLASS).spec()).isEqualTo(learner.spec());
    assertThat(create("knn(k=7,distance=cosine)", Task.BINARY).spec().text())
        .isEqualTo("tribuo:knn(k=7,distance=cosine)");
  }

  @Test
  void supportsMatchesTheTasks() {
    assertThat(create("logistic", Task.BINARY).supports(Task.REGRESSION)).isFalse();
    assertThat(create("logistic", Task.BINARY).supports(Task.MULTICLASS)).isTrue();
    assertThat(create("knn", Task.BINARY).supports(Task.REGRESSION)).isTrue();
  }

  @Test
  void rejectsUnknownParametersListingTheKnownOnes() {
    assertThatThrownBy(() -> create("tribuo:logistic(alpha=1)", Task.BINARY))
        .isInstanceOf(BadInputException.class)
        .hasMessage("tribuo:logistic: unknown parameter 'alpha'; known parameters: c, solver,"
            + " max_iterations, epsilon, penalize_intercept");
    assertThatThrownBy(() -> create("tribuo:knn(n_neighbors=3)", Task.BINARY))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("known parameters: k, distance");
  }

  @Test
  void rejectsValuesOutOfRangeStatingTheRange() {
    assertThatThrownBy(() -> create("tribuo:knn(k=0)", Task.BINARY))
        .isInstanceOf(BadInputException.class)
        .hasMessage("tribuo:knn: parameter k must be a whole number in [1, 100000], got '0'");
    assertThatThrownBy(() -> create("tribuo:knn(k=2.5)", Task.BINARY))
        .isInstanceOf(BadInputException.class).hasMessageContaining("[1, 100000], got '2.5'");
    assertThatThrownBy(() -> create("tribuo:knn(distance=chebyshev)", Task.BINARY))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("distance must be one of l2, l1, cosine, got 'chebyshev'");
    assertThatThrownBy(() -> create("tribuo:logistic(c=-1)", Task.BINARY))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("c must be a finite number > 0, got '-1.0'");
    assertThatThrownBy(() -> create("tribuo:logistic(c=abc)", Task.BINARY))
        .isInstanceOf(BadInputException.class).hasMessageContaining("got 'abc'");
    assertThatThrownBy(() -> create("tribuo:logistic(epsilon=2)", Task.BINARY))
        .isInstanceOf(BadInputException.class).hasMessageContaining("(0, 1]");
    assertThatThrownBy(() -> create("tribuo:logistic(max_iterations=0)", Task.BINARY))
        .isInstanceOf(BadInputException.class).hasMessageContaining("[1, 1000000]");
    assertThatThrownBy(() -> create("tribuo:logistic(penalize_intercept=maybe)", Task.BINARY))
        .isInstanceOf(BadInputException.class).hasMessageContaining("true or false");
  }

  @Test
  void rejectsTheDualSolverWithAnUnpenalizedIntercept() {
    assertThatThrownBy(() -> create("tribuo:logistic(solver=l2r_lr_dual)", Task.BINARY))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("add penalize_intercept=true or use solver=l2r_lr");
  }

  @Test
  void rejectsUnknownLearnersAndTasksTheyDoNotHandle() {
    assertThatThrownBy(() -> create("tribuo:forest", Task.BINARY))
        .isInstanceOf(BadInputException.class)
        .hasMessage("unknown learner 'tribuo:forest'; tribuo learners for binary: logistic, knn");
    assertThatThrownBy(() -> create("tribuo:logistic", Task.REGRESSION))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("does not handle regression; tribuo learners for regression: knn");
    assertThatThrownBy(() -> create("smile:knn", Task.BINARY))
        .isInstanceOf(BadInputException.class).hasMessageContaining("not a tribuo learner");
  }
}
