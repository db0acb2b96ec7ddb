package dev.plumb.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plumb.data.BadInputException;
import dev.plumb.learn.LearnerCatalog;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.plan.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which values a validation curve tries, in which order, and how {@code --sweep} is read. */
class SweepTest {
  /** The spec a learner resolves to, with its defaults spelled out. */
  private static LearnerSpec spec(String text) {
    return LearnerCatalog.resolve(LearnerSpec.parse(text), Task.MULTICLASS).spec();
  }

  @Test
  void aTreeSweepsItsDepthWithUnlimitedLast() {
    Sweep sweep = Sweep.defaultFor(spec("tree")).orElseThrow();

    assertThat(sweep.parameter()).isEqualTo("max_depth");
    assertThat(sweep.higherIsMoreComplex()).isTrue();
    assertThat(sweep.values()).containsExactly("1", "2", "3", "4", "6", "8", "12", "none");
    // the tree's own setting, max_depth=none, is the last value
    assertThat(sweep.indexOf("none")).isEqualTo(sweep.values().size() - 1);
  }

  @Test
  void knnSweepsKFromTheLeastComplexLargestK() {
    Sweep sweep = Sweep.defaultFor(spec("knn")).orElseThrow();

    assertThat(sweep.parameter()).isEqualTo("k");
    assertThat(sweep.higherIsMoreComplex()).isFalse();
    assertThat(sweep.values()).containsExactly("51", "25", "15", "9", "5", "3", "1");
  }

  @Test
  void theLearnersOwnValueIsAddedInItsPlace() {
    assertThat(Sweep.defaultFor(spec("tree(max_depth=5)")).orElseThrow().values())
        .containsExactly("1", "2", "3", "4", "5", "6", "8", "12", "none");
    Sweep knn = Sweep.defaultFor(spec("knn(k=7)")).orElseThrow();
    assertThat(knn.values()).containsExactly("51", "25", "15", "9", "7", "5", "3", "1");
    assertThat(knn.indexOf("7")).isEqualTo(4);
  }

  @Test
  void includingAValueAlreadyThereByNumberAddsNothing() {
    Sweep sweep = Sweep.defaultFor(spec("tree")).orElseThrow();

    assertThat(sweep.including("4.0").values()).isEqualTo(sweep.values());
    assertThat(sweep.including("NONE").values()).isEqualTo(sweep.values());
    assertThat(sweep.including("5").values()).hasSize(sweep.values().size() + 1);
  }

  @Test
  void aLearnerWithoutAComplexityParameterHasNoDefaultSweep() {
    assertThat(Sweep.defaultFor(spec("majority"))).isEmpty();
  }

  @Test
  void applySetsTheParameterToTheValueAtAnIndex() {
    LearnerSpec tree = spec("tree");
    Sweep sweep = Sweep.defaultFor(tree).orElseThrow();

    assertThat(sweep.apply(tree, 2).params()).containsEntry("max_depth", "3")
        .containsEntry("node_size", tree.params().get("node_size"));
  }

  @Test
  void parsesAUserSweepAndAddsTheLearnersOwnValue() {
    Sweep sweep = Sweep.parse("max_depth=4, 2", spec("tree")).orElseThrow();

    assertThat(sweep.parameter()).isEqualTo("max_depth");
    assertThat(sweep.higherIsMoreComplex()).isTrue();
    assertThat(sweep.values()).containsExactly("2", "4", "none");
  }

  @Test
  void aUserSweepKeepsTheDefaultDirection() {
    Sweep sweep = Sweep.parse("k=3,1,10", spec("knn")).orElseThrow();

    assertThat(sweep.higherIsMoreComplex()).isFalse();
    assertThat(sweep.values()).containsExactly("10", "5", "3", "1");
  }

  @Test
  void aUserSweepOfAParameterTheLearnerLacksIsEmpty() {
    assertThat(Sweep.parse("max_depth=2,4", spec("knn"))).isEmpty();
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"nonsense", "=2,4", "max_depth=", "max_depth=,,"})
  void aMalformedSweepIsBadInput(String text) {
    BadInputException e = assertThrows(BadInputException.class,
        () -> Sweep.parse(text, spec("tree")));

    assertThat(e.getMessage()).startsWith("--sweep '" + text + "'");
  }
}
