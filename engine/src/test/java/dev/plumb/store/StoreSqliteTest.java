package dev.plumb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a SQLite file, and what only a file has. */
class StoreSqliteTest extends StoreContractTest {
  @TempDir Path dir;
  private int stores;

  @Override
  StoreLocation freshLocation() {
    return StoreLocation.parse(dir.resolve("s" + (++stores)).resolve("plumb.db").toString());
  }

  @Test
  void createsTheFileAndItsDirectoryInWalMode() throws Exception {
    Path file = dir.resolve("a/b/plumb.db");
    try (RunStore s = RunStore.open(StoreLocation.parse(file.toString()));
        Statement st = s.connection().createStatement();
        ResultSet r = st.executeQuery("PRAGMA journal_mode")) {
      r.next();
      assertThat(r.getString(1)).isEqualToIgnoringCase("wal");
    }
    assertThat(file).isRegularFile();
  }

  @Test
  void anUnwritablePlaceSaysWhichStoreAndWhy() throws Exception {
    Path blocker = Files.writeString(dir.resolve("file"), "x");
    StoreLocation where = StoreLocation.parse(blocker.resolve("plumb.db").toString());
    assertThatThrownBy(() -> RunStore.open(where)).isInstanceOf(StoreException.class)
        .hasMessageContaining(where.display());
  }

  @Test
  void readsLocationsAndTheirPrecedence() {
    assertThat(StoreLocation.resolve(null, null, null).orElseThrow().display())
        .isEqualTo(".plumb/plumb.db");
    assertThat(StoreLocation.resolve(null, "p.db", "e.db").orElseThrow().display())
        .isEqualTo("p.db");
    assertThat(StoreLocation.resolve(null, null, "e.db").orElseThrow().display())
        .isEqualTo("e.db");
    assertThat(StoreLocation.resolve("o.db", "p.db", "e.db").orElseThrow().display())
        .isEqualTo("o.db");
    assertThat(StoreLocation.resolve(null, "none", "e.db")).isEmpty();
    assertThat(StoreLocation.resolve("x.db", "none", null)).isPresent();
    StoreLocation pg = StoreLocation.parse("jdbc:postgresql://db:5432/runs?user=u&password=s3");
    assertThat(pg.dialect()).isEqualTo(Dialect.POSTGRESQL);
    assertThat(pg.display()).doesNotContain("s3").contains("password=***");
    assertThat(StoreLocation.parse("jdbc:sqlite:/tmp/x.db").file()).contains(Path.of("/tmp/x.db"));
    assertThatThrownBy(() -> StoreLocation.parse("jdbc:mysql://h/db"))
        .hasMessageContaining("not a supported store");
    assertThatThrownBy(() -> StoreLocation.parse("jdbc:postgresql://h:port/db"))
        .hasMessageContaining("not a valid PostgreSQL URL");
    assertThatThrownBy(() -> StoreLocation.resolve(null, null, "jdbc:oracle:x"))
        .hasMessageStartingWith("environment variable PLUMB_STORE: ");
  }
}
