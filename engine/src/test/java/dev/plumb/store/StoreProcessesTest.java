package dev.plumb.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Separate JVMs writing one SQLite store at once, and one killed while writing. */
class StoreProcessesTest {
  private static final int LEARNERS = 4;

  @TempDir Path dir;

  private Process writer(Path store, int count) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        StoreWriterMain.class.getName(), store.toString(), Integer.toString(count),
        Integer.toString(LEARNERS))
        .redirectErrorStream(true).redirectOutput(dir.resolve("writer-"
            + System.nanoTime() + ".log").toFile()).start();
  }

  @Test
  void twoProcessesCreatingAndWritingOneStoreKeepEveryRun() throws Exception {
    Path store = dir.resolve("new/plumb.db");
    int n = 25;
    List<Process> writers = List.of(writer(store, n), writer(store, n));
    for (Process p : writers) {
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("writer finished").isTrue();
      assertThat(p.exitValue()).as(log()).isZero();
    }
    try (RunStore s = RunStore.open(StoreLocation.parse(store.toString()))) {
      assertThat(count(s, "SELECT COUNT(*) FROM runs")).isEqualTo(2L * n);
      assertThat(count(s, "SELECT COUNT(*) FROM run_learners")).isEqualTo(2L * n * LEARNERS);
      assertThat(count(s, "SELECT COUNT(*) FROM run_metrics")).isEqualTo(2L * n * LEARNERS * 2);
      assertThat(count(s, "SELECT COUNT(*) FROM schema_version")).isEqualTo(1);
      assertThat(incompleteRuns(s)).isZero();
    }
  }

  @Test
  void aKilledWriterLeavesNoPartialRun() throws Exception {
    Path store = dir.resolve("plumb.db");
    Process p = writer(store, 0);
    StoreLocation where = StoreLocation.parse(store.toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    long before = 0;
    while (before < 20 && System.nanoTime() < deadline && p.isAlive()) {
      Thread.sleep(50);
      if (store.toFile().exists()) {
        try (RunStore s = RunStore.open(where)) {
          before = count(s, "SELECT COUNT(*) FROM runs");
        }
      }
    }
    assertThat(p.isAlive()).as(log()).isTrue();
    p.destroyForcibly();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(before).isGreaterThanOrEqualTo(20);
    try (RunStore s = RunStore.open(where)) {
      try (Statement st = s.connection().createStatement();
          ResultSet r = st.executeQuery("PRAGMA integrity_check")) {
        r.next();
        assertThat(r.getString(1)).isEqualTo("ok");
      }
      long runs = count(s, "SELECT COUNT(*) FROM runs");
      assertThat(runs).isGreaterThanOrEqualTo(before);
      assertThat(count(s, "SELECT COUNT(*) FROM run_learners")).isEqualTo(runs * LEARNERS);
      assertThat(count(s, "SELECT COUNT(*) FROM run_notes")).isEqualTo(runs * (LEARNERS + 1));
      assertThat(incompleteRuns(s)).isZero();
      long id = s.record(SampleRuns.full(1, 2));
      assertThat(s.find(id)).isPresent();
    }
  }

  private static long incompleteRuns(RunStore s) throws SQLException {
    return count(s, "SELECT COUNT(*) FROM runs r WHERE r.learner_count <> (SELECT COUNT(*)"
        + " FROM run_learners l WHERE l.run_id = r.id) OR r.note_count <> (SELECT COUNT(*)"
        + " FROM run_notes n WHERE n.run_id = r.id)");
  }

  private static long count(RunStore s, String sql) throws SQLException {
    try (Statement st = s.connection().createStatement(); ResultSet r = st.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private String log() {
    StringBuilder sb = new StringBuilder();
    File[] logs = dir.toFile().listFiles((d, n) -> n.endsWith(".log"));
    if (logs == null) {
      logs = new File[0];
    }
    for (File f : logs) {
      try {
        sb.append(java.nio.file.Files.readString(f.toPath()));
      } catch (IOException e) {
        sb.append(e);
      }
    }
    return sb.toString();
  }
}
