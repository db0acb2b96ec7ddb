package dev.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a user runs them: output, files and exit codes. */
class CommandsCliTest {
  private static final String PENGUINS = "../datasets/penguins.csv";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void profilePrintsATableWithTheDatasetVersionAndProvenance() {
    CliRun run = CliRun.of("profile", PENGUINS, "--target", "species");
    assertThat(run.exitCode()).isZero();
    assertThat(run.errBesidesRecording()).isEmpty();
    assertThat(run.out()).contains("dataset version 79de1872dc83")
        .contains("344 rows × 8 columns")
        .contains("target species (multiclass): Adelie 152, Gentoo 124, Chinstrap 68")
        .contains("bill_length_mm").contains("seed n/a").contains("fastcsv 4.1.0");
  }

  @Test
  void profileJsonKeepsTheDocumentedKeys() throws Exception {
    Path json = dir.resolve("p.json");
    CliRun run = CliRun.of("profile", PENGUINS, "--target", "species", "--json", json.toString());
    assertThat(run.exitCode()).isZero();
    JsonNode root = JSON.readTree(json.toFile());
    assertThat(root.get("schema").asText()).isEqualTo("plumb/1");
    assertThat(root.get("command").asText()).isEqualTo("profile");
    assertThat(root.get("target").asText()).isEqualTo("species");
    assertThat(root.get("task").asText()).isEqualTo("multiclass");
    JsonNode d = root.get("dataset");
    assertThat(d.get("rows").asInt()).isEqualTo(344);
    assertThat(d.get("columns").asInt()).isEqualTo(8);
    assertThat(d.get("version").asText()).isEqualTo("79de1872dc83");
    assertThat(d.get("content_sha256").asText()).startsWith("79de1872dc83").hasSize(64);
    assertThat(d.get("bytes_sha256").asText()).isEqualTo(sha256(Path.of(PENGUINS)));
    assertThat(d.get("schema_sha256").asText()).hasSize(64);
    JsonNode bill = root.get("columns").get(1);
    assertThat(bill.get("name").asText()).isEqualTo("bill_length_mm");
    assertThat(bill.get("type").asText()).isEqualTo("numeric");
    assertThat(bill.get("missing").asInt()).isEqualTo(2);
    assertThat(bill.get("numeric").get("median").asDouble()).isEqualTo(44.45);
    assertThat(root.get("target_profile").get("classes").get(0).get("value").asText())
        .isEqualTo("Adelie");
    assertThat(root.get("findings").isArray()).isTrue();
    assertThat(root.get("provenance").get("libraries").get("fastcsv").asText()).isEqualTo("4.1.0");
  }

  @Test
  void profileJsonToStdoutReplacesTheTable() throws Exception {
    CliRun run = CliRun.of("profile", "../datasets/iris.csv", "--json", "-");
    assertThat(run.exitCode()).isZero();
    JsonNode root = JSON.readTree(run.out());
    assertThat(root.get("dataset").get("rows").asInt()).isEqualTo(150);
    assertThat(root.get("target").isNull()).isTrue();
  }

  @Test
  void failOnTurnsFindingsIntoExitCode1() {
    CliRun info = CliRun.of("profile", "../datasets/iris.csv", "--fail-on", "warning");
    assertThat(info.exitCode()).as("iris has only an info finding").isZero();
    CliRun warn = CliRun.of("profile", "../datasets/titanic_survival.csv", "--fail-on", "warning");
    assertThat(warn.exitCode()).as("titanic has an id-like column").isEqualTo(1);
  }

  @Test
  void profileHtmlIsWritten() throws IOException {
    Path html = dir.resolve("p.html");
    CliRun run = CliRun.of("profile", PENGUINS, "--target", "species", "--html", html.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(Files.readString(html)).contains("79de1872dc83").contains("<img");
  }

  @Test
  void datatestRoundTripPassesThenCatchesBadNewData() throws Exception {
    Path expect = dir.resolve("e.json");
    CliRun write = CliRun.of("datatest", "write", PENGUINS, "-o", expect.toString());
    assertThat(write.exitCode()).isZero();
    assertThat(write.out()).contains("wrote 8 column expectations");

    CliRun same = CliRun.of("datatest", "check", PENGUINS, expect.toString());
    assertThat(same.exitCode()).isZero();
    assertThat(same.out()).contains("PASS");

    Path broken = dir.resolve("new.csv");
    String original = Files.readString(Path.of(PENGUINS));
    Files.writeString(broken, original.replaceFirst("Torgersen", "Atlantis")
        .replaceFirst("39.1", "390.1"));
    Path json = dir.resolve("check.json");
    CliRun check = CliRun.of("datatest", "check", broken.toString(), expect.toString(), "--json",
        json.toString());
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out()).contains("FAIL: 2 of").contains("'Atlantis' ×1").contains("390.1 at row 1");
    JsonNode root = JSON.readTree(json.toFile());
    assertThat(root.get("passed").asBoolean()).isFalse();
    assertThat(root.get("failed").asInt()).isEqualTo(2);
    assertThat(root.get("failures").get(0).get("check").asText()).isIn("allowed_values", "max");
  }

  @Test
  void datatestWriteWithoutOutputPrintsTheExpectations() throws Exception {
    CliRun run = CliRun.of("datatest", "write", "../datasets/iris.csv");
    assertThat(run.exitCode()).isZero();
    assertThat(JSON.readTree(run.out()).get("kind").asText()).isEqualTo("expectations");
  }

  @Test
  void datatestCheckWithABrokenExpectationsFileIsBadInput() throws IOException {
    Path expect = dir.resolve("e.json");
    Files.writeString(expect, "{ not json");
    CliRun run = CliRun.of("datatest", "check", PENGUINS, expect.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("e.json: line 1");
    assertThat(run.errLines()).isEqualTo(1);
  }

  @Test
  void versionAndHelp() {
    assertThat(CliRun.of("--version").out()).contains("plumb ");
    CliRun help = CliRun.of("profile", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("--target").contains("--json").contains("--bad-rows");
  }

  private static String sha256(Path p) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
  }
}
