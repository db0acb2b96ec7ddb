package dev.plumb.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeedsTest {
  @Test
  void derivedSeedsDependOnEveryPartOfThePath() {
    assertThat(Seeds.derive(1, 2, 3)).isEqualTo(Seeds.derive(1, 2, 3));
    assertThat(Seeds.derive(1, 2, 3)).isNotEqualTo(Seeds.derive(1, 3, 2));
    assertThat(Seeds.derive(1, 2, 3)).isNotEqualTo(Seeds.derive(2, 2, 3));
    assertThat(Seeds.derive(1, 2)).isNotEqualTo(Seeds.derive(1, 2, 0));
    assertThat(Seeds.of("smile:tree")).isNotEqualTo(Seeds.of("smile:tree "));
  }
}
