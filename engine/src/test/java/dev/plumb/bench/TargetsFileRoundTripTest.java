package dev.plumb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumb.evaluate.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random valid targets written as YAML, in any key order and with Java's own number formatting
 * (which includes exponents such as {@code 1.0E-5}), read back as the same targets.
 */
class TargetsFileRoundTripTest {
  @Property(tries = 200)
  void validTargetsSurviveARoundTrip(@ForAll("targets") Targets targets, @ForAll long shuffleSeed)
      throws IOException {
    List<String> lines = new ArrayList<>();
    targets.metric().ifPresent(m -> lines.add("metric: " + m.label()));
    for (Bound b : targets.bounds()) {
      lines.add(b.kind().key() + ": " + (b.kind().isWholeNumber()
          ? Long.toString((long) b.limit()) : Double.toString(b.limit())) + "   # a comment");
    }
    Collections.shuffle(lines, new Random(shuffleSeed));
    Path file = Files.createTempFile("targets", ".yaml");
    try {
      Files.writeString(file, String.join("\n", lines) + "\n");
      assertThat(TargetsFile.read(file)).isEqualTo(targets);
    } finally {
      Files.delete(file);
    }
  }

  @Provide
  Arbitrary<Targets> targets() {
    Arbitrary<Metric> metrics = Arbitraries.of(Metric.class);
    // 1e-9 to 1e12 with full precision, so that Double.toString writes exponents too
    Arbitrary<Double> positive = Arbitraries.doubles().between(-9, 12).ofScale(15)
        .map(e -> Math.pow(10, e));
    Arbitrary<Long> bytes = Arbitraries.longs().between(1, Long.MAX_VALUE / 2);
    return Arbitraries.lazy(() -> metrics.injectNull(0.3).flatMap(metric ->
        Arbitraries.subsetOf(TargetKind.values()).flatMap(kinds -> {
          Arbitrary<Targets> t = Arbitraries.just(metric == null ? Targets.none()
              : Targets.none().withMetric(metric));
          for (TargetKind kind : kinds) {
            if (kind.isScore()) {
              // only the score key that fits the metric, inside its range
              Metric m = metric == null ? Metric.ACCURACY : metric;
              if (kind != TargetKind.scoreFor(m)) {
                continue;
              }
              double lo = Math.max(m.lowest(), -10);
              double hi = Math.min(m.highest(), 10);
              t = t.flatMap(x -> Arbitraries.doubles().between(lo, hi).ofScale(10)
                  .map(v -> x.with(kind, v)));
            } else if (kind.isWholeNumber()) {
              t = t.flatMap(x -> bytes.map(v -> x.with(kind, v)));
            } else {
              t = t.flatMap(x -> positive.map(v -> x.with(kind, v)));
            }
          }
          return t;
        })));
  }
}
