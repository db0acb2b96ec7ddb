package dev.plumb.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumb.data.BadInputException;
import dev.plumb.data.CategoricalColumn;
import dev.plumb.data.ColumnType;
import dev.plumb.data.NumericColumn;
import dev.plumb.data.Table;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The training-time summaries: what they keep, their JSON, and features absent later. */
class DriftReferenceTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Table training() {
    double[] x = IntStream.range(0, 500).mapToDouble(i -> i % 17 == 0 ? Double.NaN : i * 0.37)
        .toArray();
    double[] empty = IntStream.range(0, 500).mapToDouble(i -> Double.NaN).toArray();
    // 60 levels: level i occurs i + 1 times, cycled; some rows missing
    String[] city = IntStream.range(0, 500)
        .mapToObj(i -> i % 50 == 3 ? null : "city" + (int) Math.sqrt(i * 7.2)).toArray(String[]::new);
    String[] flag = IntStream.range(0, 500).mapToObj(i -> i % 3 == 0 ? "yes" : "no")
        .toArray(String[]::new);
    return new Table(List.of(NumericColumn.of("x", x), NumericColumn.of("empty", empty),
        CategoricalColumn.of("city", ColumnType.CATEGORICAL, city),
        CategoricalColumn.of("flag", ColumnType.BOOLEAN, flag)));
  }

  private static DriftReference reference() {
    return DriftReference.of(training(), List.of("x", "empty", "city", "flag"));
  }

  @Test
  void aJsonRoundTripGivesAnEqualReference() throws Exception {
    DriftReference ref = reference();
    String json = MAPPER.writeValueAsString(ref);
    assertThat(MAPPER.readValue(json, DriftReference.class)).isEqualTo(ref);
    JsonNode tree = MAPPER.readTree(json);
    JsonNode x = tree.get("features").get(0);
    assertThat(x.fieldNames()).toIterable()
        .containsExactly("name", "kind", "rows", "missing", "quantiles");
    assertThat(x.get("kind").asText()).isEqualTo("numeric");
    assertThat(x.get("quantiles")).hasSize(101);
    JsonNode city = tree.get("features").get(2);
    assertThat(city.fieldNames()).toIterable()
        .containsExactly("name", "kind", "rows", "missing", "levels", "other");
    assertThat(city.get("levels").get(0).fieldNames()).toIterable()
        .containsExactly("value", "count");
    assertThat(tree.get("features").get(1).fieldNames()).toIterable()
        .containsExactly("name", "kind", "rows", "missing");
  }

  @Test
  void keepsTheFiftyMostFrequentLevelsAndSumsTheRest() {
    FeatureReference city = reference().find("city").orElseThrow();
    assertThat(training().require("city", "test").missingCount()).isEqualTo(10);
    assertThat(((CategoricalColumn) training().require("city", "test")).levelCount())
        .isGreaterThan(FeatureReference.MAX_LEVELS);
    assertThat(city.levels()).hasSize(FeatureReference.MAX_LEVELS);
    assertThat(city.levels()).isSortedAccordingTo((a, b) -> Integer.compare(b.count(), a.count()));
    assertThat(city.other()).isPositive();
    assertThat(city.levels().stream().mapToInt(LevelCount::count).sum() + city.other() + 10)
        .isEqualTo(500);
  }

  @Test
  void rejectsCountsThatDoNotAddUp() {
    assertThatThrownBy(() -> new FeatureReference("c", FeatureKind.CATEGORICAL, 10, 1,
        List.of(), List.of(new LevelCount("a", 5)), 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("add up to 10");
    assertThatThrownBy(() -> new FeatureReference("x", FeatureKind.NUMERIC, 10, 0,
        List.of(1.0, 2.0), List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("101 quantiles");
    assertThatThrownBy(() -> MAPPER.readValue(
        "{\"features\":[{\"name\":\"x\",\"kind\":\"numeric\",\"rows\":3,\"missing\":4}]}",
        DriftReference.class)).hasMessageContaining("0 <= missing <= rows");
  }

  @Test
  void anAbsentColumnIsReportedFirstNotThrown() {
    Table fresh = new Table(List.of(training().require("x", "test"),
        training().require("flag", "test")));
    List<FeatureDrift> drifts = DriftCheck.compare(reference(), fresh);
    assertThat(drifts).extracting(FeatureDrift::column).hasSize(4);
    assertThat(drifts.subList(0, 2)).extracting(FeatureDrift::column)
        .containsExactly("city", "empty");
    FeatureDrift city = drifts.get(0);
    assertThat(city.severity()).isEqualTo(DriftSeverity.MISSING);
    assertThat(city.kind()).isEqualTo(FeatureKind.CATEGORICAL);
    assertThat(city.flagged()).isTrue();
    assertThat(city.test()).isEmpty();
    assertThat(city.missingShareAfter()).isEqualTo(1.0);
    assertThat(city.reason()).isEqualTo("city: column missing from the new data");
    assertThat(drifts.subList(2, 4)).allSatisfy(d -> {
      assertThat(d.psi()).isLessThan(1e-9);
      assertThat(d.flagged()).isFalse();
    });
  }

  @Test
  void sortsTheMostDriftedFirst() {
    Table fresh = new Table(List.of(
        NumericColumn.of("x", IntStream.range(0, 500).mapToDouble(i -> i * 0.5).toArray()),
        NumericColumn.of("empty", IntStream.range(0, 500).mapToDouble(i -> Double.NaN).toArray()),
        training().require("city", "test"),
        CategoricalColumn.of("flag", ColumnType.BOOLEAN, IntStream.range(0, 500)
            .mapToObj(i -> i % 2 == 0 ? "yes" : "no").toArray(String[]::new))));
    List<FeatureDrift> drifts = DriftCheck.compare(reference(), fresh);
    assertThat(drifts).extracting(FeatureDrift::psi)
        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(drifts.get(0).column()).isEqualTo("x");
    assertThat(drifts.get(1).column()).isEqualTo("flag");
  }

  @Test
  void rejectsNewDataWithoutRows() {
    Table empty = new Table(List.of(NumericColumn.of("x")));
    assertThatThrownBy(() -> DriftCheck.compare(reference(), empty))
        .isInstanceOf(BadInputException.class).hasMessageContaining("no rows");
  }
}
