package dev.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plumb bench --jmh}: JMH forks a JVM per candidate with this test's classpath (the engine
 * classes and JMH's generated {@code META-INF/BenchmarkList} from {@code target/classes}), and its
 * numbers replace the in-process ones. About 20 s of JMH per candidate and two candidates (the
 * tree and the control): under 40 s, so it runs by default; {@code mvn verify
 * -DexcludedGroups=slow} leaves it out.
 */
@Tag("slow")
class BenchJmhCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void jmhMeasuresEveryCandidateAndItsNumbersAreTheOnesReported() throws IOException {
    Path json = dir.resolve("bench.json");

    CliRun run = CliRun.of("bench", "../datasets/iris.csv", "--target", "species",
        "--candidates", "tree", "--jmh", "--json", json.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode root = JSON.readTree(json.toFile());
    assertThat(root.get("latency_source").asText()).isEqualTo("jmh");
    assertThat(root.get("models")).hasSize(2).allSatisfy(m -> {
      String name = m.get("name").asText();
      JsonNode jmh = m.get("jmh");
      assertThat(jmh).as(name + " jmh").isNotNull();
      assertThat(jmh.get("error").isNull()).as(name + ": " + jmh.get("error")).isTrue();
      assertThat(jmh.get("p50_ms").asDouble()).as(name).isPositive()
          .isLessThanOrEqualTo(jmh.get("p99_ms").asDouble());
      assertThat(jmh.get("throughput_rows_per_s").asDouble()).as(name).isPositive();
      assertThat(jmh.get("samples").asLong()).as(name).isPositive();
      // the reported latency and throughput are JMH's
      assertThat(m.get("latency_ms").get("p50").asDouble()).as(name)
          .isEqualTo(jmh.get("p50_ms").asDouble());
      assertThat(m.get("latency_ms").get("p99").asDouble()).as(name)
          .isEqualTo(jmh.get("p99_ms").asDouble());
      assertThat(m.get("throughput_rows_per_s").asDouble()).as(name)
          .isEqualTo(jmh.get("throughput_rows_per_s").asDouble());
    });
  }
}
