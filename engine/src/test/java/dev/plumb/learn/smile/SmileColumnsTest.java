package dev.plumb.learn.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumb.learn.FeatureGroup;
import dev.plumb.learn.FeatureGroup.Kind;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Task;
import java.util.List;
import org.junit.jupiter.api.Test;
import smile.data.DataFrame;
import smile.data.measure.NominalScale;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.vector.IntVector;

/** How features become Smile's predictor columns for the tree learners. */
class SmileColumnsTest {
  private static final List<String> NAMES =
      List.of("age", "color=red", "color=blue", "color=(other)", "age_missing", "size=s", "size=l");
  private static final List<FeatureGroup> GROUPS = List.of(
      new FeatureGroup("age", Kind.NUMERIC, 0, 1),
      new FeatureGroup("color", Kind.ONE_HOT, 1, 3),
      new FeatureGroup("age", Kind.INDICATOR, 4, 1),
      new FeatureGroup("size", Kind.ONE_HOT, 5, 2));

  private static final double[][] X = {
      {0.5, 0, 1, 0, 0, 1, 0},
      {-1.25, 0, 0, 1, 1, 0, 1},
      {2, 1, 0, 0, 0, 0, 0}};

  private static TrainingSet data(double[][] x, List<FeatureGroup> groups) {
    return TrainingSet.classification(Task.BINARY, x, new int[x.length], List.of("no", "yes"),
        NAMES, groups);
  }

  @Test
  void collapsesEachOneHotBlockIntoOneNominalColumn() {
    SmileColumns columns = SmileColumns.of(data(X, GROUPS));
    assertThat(columns.features()).isEqualTo(7);
    assertThat(columns.columns()).isEqualTo(4);
    DataFrame frame = columns.frame(X, IntVector.of("target", new int[] {0, 1, 0}));
    assertThat(frame.names()).containsExactly("f0", "f1", "f2", "f3", "target");
    StructField color = frame.schema().field(1);
    assertThat(color.type).isEqualTo(DataTypes.IntegerType);
    assertThat(((NominalScale) color.measure).levels())
        .containsExactly("color=red", "color=blue", "color=(other)", SmileColumns.NONE);
    assertThat(frame.schema().field(0).measure).isNull();
    assertThat(frame.schema().field(2).measure).isNull();
    assertThat(frame.column(0).toDoubleArray()).containsExactly(0.5, -1.25, 2);
    assertThat(frame.column(1).toIntArray()).containsExactly(1, 2, 0);
    assertThat(frame.column(2).toDoubleArray()).containsExactly(0, 1, 0);
    // the last row has no size level set: the dedicated level after the block's two
    assertThat(frame.column(3).toIntArray()).containsExactly(0, 1, 2);
  }

  @Test
  void rowsAreCollapsedAsTheFrameIs() {
    double[][] rows = SmileColumns.of(data(X, GROUPS)).rows(X);
    assertThat(rows).isDeepEqualTo(new double[][] {
        {0.5, 1, 0, 0},
        {-1.25, 2, 1, 1},
        {2, 0, 0, 2}});
  }

  @Test
  void featuresOutsideOneHotGroupsStayNumbers() {
    SmileColumns columns = SmileColumns.of(data(X, List.of()));
    assertThat(columns.columns()).isEqualTo(7);
    assertThat(columns.rows(X)).isSameAs(X);
    // a one-hot block of one feature is still a nominal column: its level, or none
    SmileColumns single = SmileColumns.of(data(X, List.of(new FeatureGroup("x", Kind.ONE_HOT,
        4, 1))));
    assertThat(single.columns()).isEqualTo(7);
    assertThat(single.rows(X)[0][4]).isEqualTo(1.0);
    assertThat(single.rows(X)[1][4]).isEqualTo(0.0);
  }

  @Test
  void rejectsGroupsOutsideTheFeaturesOrOverlapping() {
    assertThatThrownBy(() -> SmileColumns.of(data(X, List.of(
        new FeatureGroup("c", Kind.ONE_HOT, 5, 3)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("one-hot group 'c' covers features 5 to 7 of 7");
    assertThatThrownBy(() -> SmileColumns.of(data(X, List.of(
        new FeatureGroup("c", Kind.ONE_HOT, 1, 3), new FeatureGroup("d", Kind.ONE_HOT, 3, 2)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("one-hot groups 'c' and 'd' both cover feature 3");
  }
}
