package dev.plumb.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumb.cli.Main;
import dev.plumb.testing.ShiftData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plumb baseline --save-model} then {@code plumb check}, end to end on generated data: a
 * fresh sample of the training distribution passes, a sample whose x1 sensor was recalibrated
 * fails with x1 named as the drifted feature, and bad input exits 2.
 */
class CheckCliTest {
  @TempDir static Path dir;
  static Path model;

  @BeforeAll
  static void train() {
    Path train = ShiftData.write(dir.resolve("train.csv"), 2_000, 1, 0);
    model = dir.resolve("model.plumb");
    Result r = run("baseline", train.toString(), "--target", "y", "--learners",
        "majority,logistic", "--metric", "accuracy", "--save-model", "logistic",
        model.toString(), "--quiet");
    assertThat(r.code).as(r.err).isZero();
    assertThat(r.err).contains("saved tribuo:logistic").contains(model.toString());
  }

  @Test
  void aFreshSampleOfTheSameDistributionPasses() throws IOException {
    Path fresh = ShiftData.write(dir.resolve("fresh.csv"), 1_000, 2, 0);
    Path json = dir.resolve("fresh.json");
    Result r = run("check", model.toString(), fresh.toString(), "--json", json.toString());
    assertThat(r.code).as(r.out + r.err).isZero();
    assertThat(r.out).contains("PASS");
    JsonNode j = new ObjectMapper().readTree(json.toFile());
    assertThat(j.get("passed").asBoolean()).isTrue();
    assertThat(j.at("/metrics/0/metric").asText()).isEqualTo("accuracy");
    assertThat(j.at("/metrics/0/status").asText()).isEqualTo("holds");
    assertThat(j.at("/baseline/clearly_better").asBoolean()).isTrue();
    assertThat(j.at("/model/trained_on/rows").asInt()).isEqualTo(2_000);
    for (JsonNode d : j.get("drift")) {
      assertThat(d.get("severity").asText()).as(d.toString()).isEqualTo("none");
    }
  }

  @Test
  void aShiftedSampleFailsAndNamesTheShiftedFeature() throws IOException {
    Path shifted = ShiftData.write(dir.resolve("shifted.csv"), 1_000, 3, 3.0);
    Path json = dir.resolve("shifted.json");
    Result r = run("check", model.toString(), shifted.toString(), "--json", json.toString());
    assertThat(r.code).as(r.out + r.err).isEqualTo(1);
    assertThat(r.out).contains("FAIL").contains("accuracy regressed")
        .contains("likely causes: drift in x1");
    JsonNode j = new ObjectMapper().readTree(json.toFile());
    assertThat(j.at("/metrics/0/status").asText()).isEqualTo("regression");
    assertThat(j.at("/metrics/0/score_ci_high").asDouble())
        .isLessThan(j.at("/metrics/0/bound").asDouble());
    assertThat(j.at("/drift/0/column").asText()).isEqualTo("x1");
    assertThat(j.at("/drift/0/severity").asText()).isEqualTo("major");
    assertThat(j.at("/drift/0/flagged").asBoolean()).isTrue();
    // x1 ~ N(3, 1): about 5% of the values lie beyond the training range, far more than chance
    assertThat(j.at("/expectations/passed").asBoolean()).isFalse();
    assertThat(j.at("/expectations/failures/0/column").asText()).isEqualTo("x1");
  }

  @Test
  void aFewValuesBeyondTheTrainingRangeAreToleratedAsChance() throws IOException {
    // x1 ~ N(2, 1): one value of 1,000 beyond the widened training range; a sample of the
    // training distribution gets that often enough (binomial tail above 0.001)
    Path shifted = ShiftData.write(dir.resolve("shifted2.csv"), 1_000, 3, 2.0);
    Result r = run("check", model.toString(), shifted.toString(), "--json", "-");
    JsonNode j = new ObjectMapper().readTree(r.out);
    assertThat(j.at("/expectations/passed").asBoolean()).isTrue();
    assertThat(j.at("/expectations/tolerated/0/column").asText()).isEqualTo("x1");
    assertThat(j.at("/expectations/tolerated/0/count").asInt()).isEqualTo(1);
  }

  @Test
  void theToleranceFollowsTheBinomialTailOfTheOrderStatistics() {
    // P(X >= k) for X ~ Binomial(m, 1/(n+1)), checked against scipy.stats.binom.sf(k-1, m, p):
    // m=1000, n=2000: k=3 -> 0.014340 (tolerated), k=5 -> 0.000170 (broken)
    assertThat(1 - new org.apache.commons.math3.distribution.BinomialDistribution(null, 1000,
        1.0 / 2001).cumulativeProbability(2)).isCloseTo(0.014340, org.assertj.core.api.Assertions
        .within(1e-5));
    assertThat(1 - new org.apache.commons.math3.distribution.BinomialDistribution(null, 1000,
        1.0 / 2001).cumulativeProbability(4)).isLessThan(Check.RANGE_ALPHA);
  }

  @Test
  void checkRunsAreRecordedAndAnotherRunCanBeTheReference() throws IOException {
    Path store = dir.resolve("runs.db");
    Path train = dir.resolve("train.csv");
    Result base = run("baseline", train.toString(), "--target", "y", "--learners",
        "majority,logistic", "--metric", "accuracy", "--store", store.toString());
    assertThat(base.code).as(base.err).isZero();
    assertThat(base.err).contains("recorded run 1");

    Path fresh = ShiftData.write(dir.resolve("fresh3.csv"), 1_000, 6, 0);
    Result r = run("check", model.toString(), fresh.toString(), "--against", "1", "--store",
        store.toString(), "--json", "-");
    assertThat(r.code).as(r.err).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out);
    assertThat(j.at("/metrics/0/reference_source").asText()).startsWith("run 1 (baseline of");
    assertThat(r.err).contains("recorded run 2");

    // the check run holds the new scores, so the next batch can be checked against this one
    Result shown = run("runs", "show", "2", "--store", store.toString(), "--json", "-");
    JsonNode run2 = new ObjectMapper().readTree(shown.out);
    assertThat(run2.toString()).contains("\"command\":\"check\"");
    assertThat(shown.out).contains(String.valueOf(j.at("/metrics/0/score").asDouble()));

    Path shifted = ShiftData.write(dir.resolve("shifted3.csv"), 1_000, 7, 3.0);
    Result failed = run("check", model.toString(), shifted.toString(), "--against", "2",
        "--store", store.toString());
    assertThat(failed.code).isEqualTo(1);
    assertThat(failed.out).contains("reference: run 2 (check of");
    assertThat(failed.err).contains("recorded run 3");

    Result missing = run("check", model.toString(), fresh.toString(), "--against", "99",
        "--store", store.toString());
    assertThat(missing.code).isEqualTo(2);
    assertThat(missing.err.strip()).startsWith("plumb: no run 99 in").contains("runs 1–3 exist");

    Result off = run("check", model.toString(), fresh.toString(), "--against", "1",
        "--no-store");
    assertThat(off.code).isEqualTo(2);
    assertThat(off.err).contains("--against needs the run store");
  }

  @Test
  void aBatchOfOneClassExtraColumnsAndUnlabelledRowsStillPass() throws IOException {
    // the first 300 rows of a fresh sample whose label is "yes", an extra column, and a few
    // rows without a label: none of that is a regression
    Path fresh = ShiftData.write(dir.resolve("fresh4.csv"), 2_000, 8, 0);
    java.util.List<String> lines = Files.readAllLines(fresh);
    java.util.List<String> out = new java.util.ArrayList<>();
    out.add(lines.get(0) + ",batch");
    int missing = 0;
    for (String line : lines.subList(1, lines.size())) {
      if (line.endsWith(",yes") && out.size() <= 300) {
        out.add((missing++ < 5 ? line.substring(0, line.length() - 3) : line) + ",b7");
      }
    }
    Path batch = dir.resolve("batch.csv");
    Files.write(batch, out);
    Result r = run("check", model.toString(), batch.toString(), "--json", "-");
    assertThat(r.code).as(r.out + r.err).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out);
    assertThat(j.at("/baseline/applicable").asBoolean()).isFalse();
    assertThat(j.at("/rows/unlabelled").asInt()).isEqualTo(5);
    assertThat(j.at("/expectations/passed").asBoolean()).as(r.out).isTrue();
  }

  @Test
  void aRunOfAnotherTargetIsNoReference() throws IOException {
    Path store = dir.resolve("other.db");
    Path other = dir.resolve("other.csv");
    Files.writeString(other, Files.readString(dir.resolve("train.csv")).replace("x1,x2,colour,y",
        "x1,x2,colour,z"));
    Result base = run("baseline", other.toString(), "--target", "z", "--learners",
        "majority,logistic", "--store", store.toString());
    assertThat(base.code).as(base.err).isZero();
    Result r = run("check", model.toString(), dir.resolve("train.csv").toString(), "--against",
        "1", "--store", store.toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("run 1 predicts 'z', the model 'y'");
  }

  @Test
  void badInputExitsTwoWithOneLine() throws IOException {
    Path noTarget = dir.resolve("no-target.csv");
    Files.writeString(noTarget, "x1,x2,colour\n1,2,red\n");
    Result r = run("check", model.toString(), noTarget.toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err.strip()).startsWith("plumb: ").contains("'y'").doesNotContain("\n");

    Path notAModel = dir.resolve("not-a-model.plumb");
    Files.writeString(notAModel, "x1,x2\n");
    r = run("check", notAModel.toString(), noTarget.toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("not a Plumb model file");

    r = run("check", model.toString(), dir.resolve("absent.csv").toString());
    assertThat(r.code).isEqualTo(2);

    r = run("check", model.toString(), noTarget.toString(), "--max-drop", "-1");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("--max-drop");
  }

  @Test
  void aModelSavedWithoutACardIsRefusedWithAHint() throws IOException {
    Path bare = dir.resolve("bare.plumb");
    dev.plumb.learn.ModelFile.save(SavedModel.load(model).pipeline(), bare);
    Path fresh = ShiftData.write(dir.resolve("fresh2.csv"), 100, 5, 0);
    Result r = run("check", bare.toString(), fresh.toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("has no model card").contains("--save-model");
  }

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), false, args);
    return new Result(code, out.toString(), err.toString());
  }
}
