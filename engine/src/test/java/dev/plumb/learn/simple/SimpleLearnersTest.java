package dev.plumb.learn.simple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.plumb.data.BadInputException;
import dev.plumb.learn.FeatureGroup;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.Model;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimpleLearnersTest {
  private final SimpleLearners factory = new SimpleLearners();

  private static TrainingSet oneFeature(double[] x, int[] y, int k) {
    double[][] m = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      m[i] = new double[] {x[i]};
    }
    List<String> names = k == 2 ? List.of("a", "b") : List.of("a", "b", "c");
    return TrainingSet.classification(k == 2 ? Task.BINARY : Task.MULTICLASS, m, y, names,
        List.of("x"), List.of(new FeatureGroup("x", FeatureGroup.Kind.NUMERIC, 0, 1)));
  }

  @Test
  void majorityPredictsTheClassShares() {
    TrainingSet t = oneFeature(new double[] {1, 2, 3, 4}, new int[] {0, 1, 1, 1}, 2);
    Model m = factory.create(LearnerSpec.of("", "majority"), Task.BINARY).fit(t, 1);
    assertThat(m.predictProba(new double[][] {{9}})[0]).containsExactly(0.25, 0.75);
  }

  @Test
  void stratifiedAndUniformDrawFromTheSeed() {
    TrainingSet t = oneFeature(new double[] {1, 2, 3, 4}, new int[] {0, 1, 1, 1}, 2);
    double[][] x = new double[4000][1];
    Learner stratified = factory.create(LearnerSpec.of("", "stratified"), Task.BINARY);
    double[][] p = stratified.fit(t, 7).predictProba(x);
    long ones = java.util.Arrays.stream(p).filter(r -> r[1] == 1).count();
    assertThat(ones / 4000.0).isCloseTo(0.75, within(0.03));
    assertThat(stratified.fit(t, 7).predictProba(x)).isDeepEqualTo(p);
    Learner uniform = factory.create(LearnerSpec.of("", "uniform"), Task.BINARY);
    double[][] u = uniform.fit(t, 7).predictProba(x);
    long argmaxOne = java.util.Arrays.stream(u).filter(r -> r[1] > r[0]).count();
    assertThat(argmaxOne / 4000.0).isCloseTo(0.5, within(0.03));
    assertThat(u[0][0] + u[0][1]).isCloseTo(1, within(1e-12));
  }

  @Test
  void meanAndMedianPredictConstants() {
    TrainingSet t = TrainingSet.regression(new double[][] {{0}, {0}, {0}}, new double[] {1, 2, 9},
        List.of("x"), List.of(new FeatureGroup("x", FeatureGroup.Kind.NUMERIC, 0, 1)));
    assertThat(factory.create(LearnerSpec.of("", "mean"), Task.REGRESSION).fit(t, 0)
        .predict(new double[1][1])).containsExactly(4.0);
    assertThat(factory.create(LearnerSpec.of("", "median"), Task.REGRESSION).fit(t, 0)
        .predict(new double[1][1])).containsExactly(2.0);
  }

  @Test
  void oneRuleFindsTheIntervalsOfANumber() {
    // x = 1..30; class a for 1-10 and 21-30, class b for 11-20: three intervals, no errors
    double[] x = new double[30];
    int[] y = new int[30];
    for (int i = 0; i < 30; i++) {
      x[i] = i + 1;
      y[i] = i >= 10 && i < 20 ? 1 : 0;
    }
    Model m = factory.create(LearnerSpec.of("", "one_rule"), Task.BINARY)
        .fit(oneFeature(x, y, 2), 0);
    OneRule.RuleModel rule = (OneRule.RuleModel) m;
    assertThat(rule.cuts()).containsExactly(10.5, 20.5);
    double[][] p = m.predictProba(new double[][] {{3}, {15}, {25}});
    assertThat(p[0][0]).isGreaterThan(0.5);
    assertThat(p[1][1]).isGreaterThan(0.5);
    assertThat(p[2][0]).isGreaterThan(0.5);
    // add-one smoothing: 10 rows of a in the first interval, none of b -> (10+1)/(10+2)
    assertThat(p[0][0]).isCloseTo(11.0 / 12, within(1e-12));
  }

  @Test
  void oneRuleNeedsMinBucketRowsBeforeCutting() {
    // a lone b among a's cannot form its own interval with min_bucket 6
    double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    int[] y = {0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0};
    OneRule.RuleModel rule = (OneRule.RuleModel) factory.create(LearnerSpec.of("", "one_rule"),
        Task.BINARY).fit(oneFeature(x, y, 2), 0);
    assertThat(rule.cuts()).isEmpty();
  }

  @Test
  void oneRulePicksTheBestColumnAndReadsOneHotBlocksAsOneColumn() {
    // feature 0: noise; features 1-3: a one-hot block that decides the class exactly
    double[][] x = new double[12][];
    int[] y = new int[12];
    for (int i = 0; i < 12; i++) {
      int level = i % 3;
      x[i] = new double[] {(i * 7) % 5, level == 0 ? 1 : 0, level == 1 ? 1 : 0, level == 2 ? 1 : 0};
      y[i] = level;
    }
    TrainingSet t = TrainingSet.classification(Task.MULTICLASS, x, y, List.of("a", "b", "c"),
        List.of("noise", "c=0", "c=1", "c=2"), List.of(
            new FeatureGroup("noise", FeatureGroup.Kind.NUMERIC, 0, 1),
            new FeatureGroup("c", FeatureGroup.Kind.ONE_HOT, 1, 3)));
    OneRule.RuleModel rule = (OneRule.RuleModel) factory.create(LearnerSpec.of("", "one_rule"),
        Task.MULTICLASS).fit(t, 0);
    assertThat(rule.column()).isEqualTo("c");
    double[][] p = rule.predictProba(x);
    for (int i = 0; i < 12; i++) {
      assertThat(p[i][y[i]]).isCloseTo(5.0 / 7, within(1e-12)); // (4+1)/(4+3)
    }
  }

  @Test
  void rejectsUnknownNamesAndParameters() {
    assertThatThrownBy(() -> factory.create(LearnerSpec.of("", "mean"), Task.BINARY))
        .isInstanceOf(BadInputException.class).hasMessageContaining("majority");
    assertThatThrownBy(() -> factory.create(
        new LearnerSpec("", "majority", Map.of("k", "3")), Task.BINARY))
        .isInstanceOf(BadInputException.class).hasMessageContaining("takes no parameters");
    assertThatThrownBy(() -> factory.create(
        new LearnerSpec("", "one_rule", Map.of("min_bucket", "0")), Task.BINARY))
        .isInstanceOf(BadInputException.class).hasMessageContaining(">= 1");
  }
}
