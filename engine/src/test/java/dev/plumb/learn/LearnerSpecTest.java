package dev.plumb.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumb.data.BadInputException;
import org.junit.jupiter.api.Test;

class LearnerSpecTest {
  @Test
  void parsesLibraryNameAndParameters() {
    LearnerSpec s = LearnerSpec.parse("smile:random_forest(trees=300, max_depth=12)");
    assertThat(s.library()).isEqualTo("smile");
    assertThat(s.name()).isEqualTo("random_forest");
    assertThat(s.params()).containsEntry("trees", "300").containsEntry("max_depth", "12");
    assertThat(s.text()).isEqualTo("smile:random_forest(trees=300,max_depth=12)");
    assertThat(LearnerSpec.parse("knn").library()).isEmpty();
    assertThat(LearnerSpec.parse(s.text())).isEqualTo(s);
  }

  @Test
  void rejectsMalformedSpecs() {
    assertThatThrownBy(() -> LearnerSpec.parse("smile:rf(trees)"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("key=value");
    assertThatThrownBy(() -> LearnerSpec.parse("a:b:c")).isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> LearnerSpec.parse("tree(a=1,a=2)"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("twice");
  }
}
