package dev.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumb.store.RunRecord;
import dev.plumb.store.RunStore;
import dev.plumb.store.StoreLocation;
import dev.plumb.store.StoredRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording runs from the commands, and {@code plumb runs} as a user runs it. */
class RunsCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path store() {
    return dir.resolve("store/plumb.db");
  }

  private CliRun baseline(String learners, String... more) {
    String[] args = {"baseline", "../datasets/iris.csv", "--target", "species", "--learners",
      learners, "--folds", "3", "--store", store().toString()};
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return CliRun.of(all);
  }

  @Test
  void baselineRecordsOneRunWhoseMetricsAreTheJsonReports() throws Exception {
    CliRun run = baseline("majority,logistic", "--json", "-");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEqualTo("plumb: recorded run 1 in " + store() + "\n");
    JsonNode report = JSON.readTree(run.out());
    try (RunStore s = RunStore.open(StoreLocation.parse(store().toString()))) {
      RunRecord r = s.find(1).orElseThrow().run();
      assertThat(r.reportJson()).isEqualTo(run.out());
      assertThat(r.command()).isEqualTo("baseline");
      assertThat(r.arguments()).startsWith("baseline", "../datasets/iris.csv").contains("--json");
      assertThat(r.exitCode()).isZero();
      assertThat(r.dataset().orElseThrow().versionId()).isEqualTo("1911f45cb422");
      assertThat(r.seed()).hasValue(42);
      assertThat(r.split().orElseThrow().describe()).isEqualTo("stratified_k_fold 3 folds");
      assertThat(r.software().libraries()).containsEntry("sqlite-jdbc", "3.54.1.0");
      assertThat(r.learners()).hasSize(report.get("models").size());
      for (JsonNode m : report.get("models")) {
        RunRecord.LearnerRun l = r.learner(m.get("spec").asText()).orElseThrow();
        m.get("metrics").properties().forEach(e -> {
          RunRecord.MetricScore score = l.metric(e.getKey()).orElseThrow();
          assertThat(score.mean()).isEqualTo(e.getValue().get("mean").asDouble());
          assertThat(score.std()).isEqualTo(e.getValue().get("std").asDouble());
          assertThat(score.definedFolds()).isEqualTo(e.getValue().get("folds").asInt());
        });
      }
      assertThat(r.best().orElseThrow().learner()).isEqualTo(report.get("models").get(0)
          .get("spec").asText());
    }
  }

  @Test
  void badInputRecordsNothing() {
    CliRun missing = CliRun.of("baseline", dir.resolve("missing.csv").toString(), "--target",
        "y", "--store", store().toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    CliRun ragged = CliRun.of("baseline", "/work/shared/datasets/bad/ragged_rows.csv",
        "--target", "y", "--store", store().toString());
    assertThat(ragged.exitCode()).isEqualTo(2);
    assertThat(ragged.errLines()).isEqualTo(1);
    assertThat(store()).doesNotExist();
  }

  @Test
  void aMalformedStoreIsAUsageErrorBeforeAnyWork() {
    CliRun run = CliRun.of("baseline", "../datasets/iris.csv", "--target", "species",
        "--store", "jdbc:mysql://db/runs");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("plumb: --store: 'jdbc:mysql://db/runs' is not a supported"
        + " store").doesNotContain("recorded");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnwritableStoreWarnsAndKeepsTheResultsAndExitCode() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    CliRun run = CliRun.of("profile", "../datasets/iris.csv", "--store",
        file.resolve("plumb.db").toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("1911f45cb422");
    assertThat(run.err()).startsWith("plumb: warning: run not recorded: cannot create the"
        + " directory of " + file.resolve("plumb.db"));
    assertThat(run.errLines()).isEqualTo(1);
  }

  @Test
  void noStoreAndQuietRecordQuietlyOrNotAtAll() {
    CliRun off = CliRun.of("profile", "../datasets/iris.csv", "--store", store().toString(),
        "--no-store");
    assertThat(off.exitCode()).isZero();
    assertThat(off.err()).isEmpty();
    assertThat(store()).doesNotExist();
    CliRun quiet = CliRun.of("profile", "../datasets/iris.csv", "--store", store().toString(),
        "-q");
    assertThat(quiet.err()).isEmpty();
    assertThat(store()).exists();
  }

  @Test
  void aFailedCheckIsRecordedWithItsExitCode() throws Exception {
    Path expect = dir.resolve("iris.expect.json");
    assertThat(CliRun.of("datatest", "write", "../datasets/iris.csv", "-o", expect.toString(),
        "--store", store().toString()).exitCode()).isZero();
    CliRun check = CliRun.of("datatest", "check", "../datasets/penguins.csv", expect.toString(),
        "--store", store().toString());
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.err()).contains("plumb: recorded run 2 in");
    try (RunStore s = RunStore.open(StoreLocation.parse(store().toString()))) {
      StoredRun r = s.find(2).orElseThrow();
      assertThat(r.run().command()).isEqualTo("datatest check");
      assertThat(r.run().exitCode()).isEqualTo(1);
      assertThat(r.run().notes()).anySatisfy(n -> assertThat(n.kind()).startsWith("failed "));
      assertThat(s.find(1).orElseThrow().run().command()).isEqualTo("datatest write");
    }
  }

  @Test
  void runsListsShowsAndComparesAsTextAndJson() throws Exception {
    CliRun empty = CliRun.of("runs", "--store", store().toString());
    assertThat(empty.exitCode()).isZero();
    assertThat(empty.out()).isEqualTo("no runs recorded in " + store() + " yet\n");
    assertThat(store()).doesNotExist();
    assertThat(baseline("majority,naive_bayes").exitCode()).isZero();
    assertThat(baseline("majority,naive_bayes,tree", "--seed", "7").exitCode()).isZero();

    CliRun list = CliRun.of("runs", "--store", store().toString());
    assertThat(list.out()).contains("baseline").contains("iris.csv").contains("1911f45cb422")
        .contains("balanced_accuracy");
    JsonNode lj = JSON.readTree(CliRun.of("runs", "--store", store().toString(), "--limit", "1",
        "--json", "-").out());
    assertThat(lj.get("command").asText()).isEqualTo("runs");
    assertThat(lj.get("runs")).hasSize(1);
    JsonNode first = lj.get("runs").get(0);
    assertThat(first.get("id").asLong()).isEqualTo(2);
    assertThat(first.get("dataset").get("version").asText()).isEqualTo("1911f45cb422");
    assertThat(first.get("best").get("metric").asText()).isEqualTo("balanced_accuracy");
    assertThat(CliRun.of("runs", "--store", store().toString(), "--command", "profile").out())
        .startsWith("no runs match");

    CliRun show = CliRun.of("runs", "show", "1", "--store", store().toString());
    assertThat(show.exitCode()).isZero();
    assertThat(show.out()).contains("run 1: plumb baseline").contains("seed       42")
        .contains("stratified_k_fold 3 folds").contains("naive_bayes").contains("vs_baseline");
    JsonNode sj = JSON.readTree(CliRun.of("runs", "show", "1", "--store", store().toString(),
        "--json", "-").out()).get("run");
    assertThat(sj.get("report").get("command").asText()).isEqualTo("baseline");
    assertThat(sj.get("learners").get(0).get("metrics").get(0).get("folds")).hasSize(3);
    assertThat(sj.fieldNames()).toIterable().contains("id", "command", "arguments",
        "started_at", "ended_at", "exit_code", "dataset", "target", "task", "seed", "split",
        "software", "learners", "best", "notes", "report");

    CliRun compare = CliRun.of("runs", "compare", "1", "2", "--store", store().toString());
    assertThat(compare.exitCode()).isZero();
    assertThat(compare.out()).contains("seed       42 → 7").contains("same content")
        .contains("added: smile:tree")
        .contains("noise      different folds: unpaired t-test of the means, p < 0.05");
    JsonNode cj = JSON.readTree(CliRun.of("runs", "compare", "1", "2", "--store",
        store().toString(), "--json", "-").out());
    assertThat(cj.get("paired").asBoolean()).isFalse();
    assertThat(cj.get("dataset").get("same_content").asBoolean()).isTrue();
    assertThat(cj.get("metrics").get(0).fieldNames()).toIterable().containsExactly("learner",
        "metric", "first_mean", "second_mean", "delta", "test", "p_value", "exceeds_noise");
    assertThat(cj.get("learners_added").get(0).asText()).startsWith("smile:tree");
    assertThat(cj.get("arguments").get("added").get(0).asText()).isEqualTo("--learners"
        + " majority,naive_bayes,tree");

    // one held-out fold per run: nothing to weigh a change against, and the header says so
    assertThat(baseline("majority,naive_bayes", "--holdout", "0.3").exitCode()).isZero();
    assertThat(baseline("majority,naive_bayes", "--holdout", "0.3", "--seed", "7").exitCode())
        .isZero();
    assertThat(CliRun.of("runs", "compare", "3", "4", "--store", store().toString()).out())
        .contains("noise      not tested: a run has fewer than two scored folds")
        .doesNotContain("unpaired");

    CliRun unknown = CliRun.of("runs", "show", "99", "--store", store().toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo("plumb: no run 99 in " + store()
        + " (runs 1–4 exist; see 'plumb runs')\n");
  }
}
