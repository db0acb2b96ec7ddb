package dev.plumb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every run store does, whatever its database: written once, run against SQLite ({@link
 * StoreSqliteTest}) and PostgreSQL ({@link StorePostgresTest}), each test on a fresh store.
 */
abstract class StoreContractTest {
  /** A new, empty store location for one test. */
  abstract StoreLocation freshLocation();

  @Test
  void aFullRunComesBackFieldForField() {
    StoreLocation where = freshLocation();
    RunRecord run = SampleRuns.full(3, 3);
    try (RunStore s = RunStore.open(where)) {
      long id = s.record(run);
      assertThat(s.find(id)).contains(new StoredRun(id, run));
      assertThat(s.find(id).orElseThrow().run().learners().get(0).metrics().get(1).folds()[1])
          .isNaN();
    }
    try (RunStore s = RunStore.open(where)) {
      assertThat(s.find(1)).map(StoredRun::run).contains(run);
      assertThat(s.find(99)).isEmpty();
    }
  }

  @Test
  void aRunWithoutOptionalPartsComesBackEmpty() {
    RunRecord run = RunRecord.builder().command("datatest write")
        .arguments(List.of("datatest", "write", "x.csv"))
        .times(java.time.Instant.EPOCH, java.time.Instant.EPOCH)
        .software(new RunRecord.Software("dev", "17", java.util.Map.of()))
        .reportJson("{}").build();
    try (RunStore s = RunStore.open(freshLocation())) {
      long id = s.record(run);
      assertThat(s.find(id).orElseThrow().run()).isEqualTo(run);
      assertThat(s.list(RunFilter.latest(5))).singleElement()
          .satisfies(r -> assertThat(r.best()).isEmpty());
    }
  }

  @Test
  void migrationsApplyOnceAndReopeningChangesNothing() throws SQLException {
    StoreLocation where = freshLocation();
    for (int i = 0; i < 3; i++) {
      try (RunStore s = RunStore.open(where)) {
        assertThat(versions(s)).containsExactly("1 runs");
      }
    }
  }

  @Test
  void twoThreadsCreatingOneStoreAtOnceBothSucceed() throws Exception {
    StoreLocation where = freshLocation();
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Long>> ids = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int n = t;
        Callable<Long> task = () -> {
          start.await();
          try (RunStore s = RunStore.open(where)) {
            return s.record(SampleRuns.full(n, 2));
          }
        };
        ids.add(pool.submit(task));
      }
      List<Long> got = new ArrayList<>();
      for (Future<Long> f : ids) {
        got.add(f.get(60, TimeUnit.SECONDS));
      }
      assertThat(got).doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
    }
    try (RunStore s = RunStore.open(where)) {
      assertThat(versions(s)).containsExactly("1 runs");
      assertThat(s.list(RunFilter.latest(10))).hasSize(2);
    }
  }

  @Test
  void listsNewestFirstWithLimitAndFilters() {
    try (RunStore s = RunStore.open(freshLocation())) {
      assertThat(s.ids()).isEmpty();
      for (int i = 0; i < 4; i++) {
        s.record(SampleRuns.full(i, 2));
      }
      RunRecord other = RunRecord.builder().command("datatest check")
          .times(java.time.Instant.EPOCH, java.time.Instant.EPOCH)
          .software(new RunRecord.Software("dev", "17", java.util.Map.of()))
          .dataset(new RunRecord.DatasetRef("new.csv", "abcdef123456", "abcdef1234567890", "b",
              "s", 10, 2))
          .reportJson("{}").build();
      long last = s.record(other);
      assertThat(s.ids()).contains(new RunStore.IdRange(last - 4, last, 5));
      assertThat(s.list(RunFilter.latest(3))).extracting(RunSummary::id)
          .containsExactly(last, last - 1, last - 2);
      assertThat(s.list(new RunFilter(10, Optional.of("baseline"), Optional.empty())))
          .hasSize(4).allSatisfy(r -> assertThat(r.command()).isEqualTo("baseline"));
      assertThat(s.list(new RunFilter(10, Optional.of("datatest"), Optional.empty())))
          .extracting(RunSummary::id).containsExactly(last);
      assertThat(s.list(new RunFilter(10, Optional.empty(), Optional.of("abcdef123456"))))
          .extracting(RunSummary::id).containsExactly(last);
      assertThat(s.list(new RunFilter(10, Optional.empty(), Optional.of("1911F45CB4228"))))
          .hasSize(4);
      // commands in any case; wildcards are literal characters, not patterns
      assertThat(s.list(new RunFilter(10, Optional.of("DataTest"), Optional.empty())))
          .extracting(RunSummary::id).containsExactly(last);
      assertThat(s.list(new RunFilter(10, Optional.of("d%"), Optional.empty()))).isEmpty();
      assertThat(s.list(new RunFilter(10, Optional.empty(), Optional.of("%")))).isEmpty();
      assertThat(s.list(new RunFilter(10, Optional.empty(), Optional.of("_bcdef")))).isEmpty();
      RunSummary newestBaseline = s.list(new RunFilter(1, Optional.of("baseline"),
          Optional.empty())).get(0);
      assertThat(newestBaseline.best()).contains(new RunRecord.Best("learner0",
          "balanced_accuracy", 0.9 + 3 * 1e-3));
      assertThat(newestBaseline.datasetPath()).contains("data/iris.csv");
    }
  }

  @Test
  void compareReadsBothRunsBack() {
    try (RunStore s = RunStore.open(freshLocation())) {
      long a = s.record(SampleRuns.full(0, 2));
      long b = s.record(SampleRuns.full(5, 3));
      RunComparison c = s.compare(a, b);
      assertThat(c.paired()).isTrue();
      assertThat(c.learnersAdded()).containsExactly("learner2");
      assertThat(c.metrics()).filteredOn(m -> m.metric().equals("balanced_accuracy"))
          .allSatisfy(m -> assertThat(m.delta()).isCloseTo(0.005, within(1e-12)));
    }
  }

  private static List<String> versions(RunStore s) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = s.connection().createStatement();
        ResultSet r = st.executeQuery(
            "SELECT version, description, applied_at FROM schema_version ORDER BY version")) {
      while (r.next()) {
        assertThat(r.getString(3)).isNotBlank();
        out.add(r.getInt(1) + " " + r.getString(2));
      }
    }
    return out;
  }
}
