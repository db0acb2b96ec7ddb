package dev.plumb.cli;

import dev.plumb.data.BadInputException;
import dev.plumb.report.Json;
import dev.plumb.report.RunsJson;
import dev.plumb.report.RunsText;
import dev.plumb.store.RunComparison;
import dev.plumb.store.RunFilter;
import dev.plumb.store.RunStore;
import dev.plumb.store.RunSummary;
import dev.plumb.store.StoreException;
import dev.plumb.store.StoreLocation;
import dev.plumb.store.StoredRun;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plumb runs}: the run history; list, show one run, compare two. */
@Command(
    name = "runs",
    description = "List the runs recorded in the run store, newest first (see also 'runs show'"
        + " and 'runs compare').",
    mixinStandardHelpOptions = true,
    subcommands = {RunsCommand.Show.class, RunsCommand.Compare.class})
final class RunsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--limit", paramLabel = "N", description = "Show at most N runs (default:"
      + " ${DEFAULT-VALUE}).")
  int limit = 20;

  @Option(names = "--command", paramLabel = "COMMAND",
      description = "Only runs of this command, e.g. baseline.")
  String command;

  @Option(names = "--dataset", paramLabel = "VERSION",
      description = "Only runs on this dataset version (its id, or a prefix of its content hash).")
  String dataset;

  @Mixin Where where;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new BadInputException("--limit must be at least 1, got " + limit);
    }
    StoreLocation location = where.location();
    RunFilter filter = new RunFilter(limit, Optional.ofNullable(command),
        Optional.ofNullable(dataset));
    List<RunSummary> runs = location.mayExist()
        ? Where.read(location, s -> s.list(filter)) : List.of();
    where.emit(spec, Json.bytes(RunsJson.list(location, runs)),
        () -> RunsText.list(location, runs, filter));
    return ExitCode.OK;
  }

  /** {@code plumb runs show ID}. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Show everything recorded of one run: settings, data, versions, per-learner"
          + " metrics and notes.")
  static final class Show implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The run's id (see 'plumb runs').")
    long id;

    @Mixin Where where;

    @Override
    public Integer call() {
      StoreLocation location = where.location();
      StoredRun run = Where.read(location, s -> Where.require(s, location, id));
      where.emit(spec, Json.bytes(RunsJson.show(location, run)), () -> RunsText.show(run));
      return ExitCode.OK;
    }
  }

  /** {@code plumb runs compare ID1 ID2}. */
  @Command(name = "compare", mixinStandardHelpOptions = true,
      description = "What changed from run ID1 to run ID2: the data, the settings, the versions,"
          + " and per learner and metric the change of the mean and whether it exceeds the"
          + " noise of the folds.")
  static final class Compare implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID1", description = "The run to compare from.")
    long first;

    @Parameters(index = "1", paramLabel = "ID2", description = "The run to compare to.")
    long second;

    @Mixin Where where;

    @Override
    public Integer call() {
      StoreLocation location = where.location();
      RunComparison c = Where.read(location, s -> RunComparison.of(
          Where.require(s, location, first), Where.require(s, location, second)));
      where.emit(spec, Json.bytes(RunsJson.compare(location, c)), () -> RunsText.compare(c));
      return ExitCode.OK;
    }
  }

  /** The options every {@code runs} command shares: which store, and {@code --json}. */
  static final class Where {
    @Option(names = "--store", paramLabel = "PATH|JDBC_URL",
        description = "The run store (default: the plumb.store system property, else"
            + " PLUMB_STORE, else " + StoreLocation.DEFAULT + ").")
    String store;

    @Option(names = "--json", paramLabel = "FILE",
        description = "Write the result as JSON to FILE ('-' for stdout, instead of the text).")
    String json;

    @Mixin CommonOptions common;

    StoreLocation location() {
      try {
        return StoreLocation.resolve(store, System.getProperty("plumb.store"),
            System.getenv("PLUMB_STORE")).orElseThrow(() -> new BadInputException("the run store"
                + " is turned off ('none'); name one with --store PATH_OR_JDBC_URL"));
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      }
    }

    /** Opens the store, reads from it, closes it; a store problem is bad input. */
    static <T> T read(StoreLocation location, Function<RunStore, T> query) {
      if (!location.mayExist()) {
        return query.apply(null);
      }
      try (RunStore s = RunStore.open(location)) {
        return query.apply(s);
      } catch (StoreException e) {
        throw new BadInputException(e.getMessage());
      }
    }

    /** The run, or bad input naming the runs that exist. */
    static StoredRun require(RunStore s, StoreLocation location, long id) {
      Optional<StoredRun> run = s == null ? Optional.empty() : s.find(id);
      if (run.isPresent()) {
        return run.get();
      }
      Optional<RunStore.IdRange> ids = s == null ? Optional.empty() : s.ids();
      String where = s == null ? location.toString() : s.location().toString();
      throw new BadInputException("no run " + id + " in " + where + " (" + ids.map(r -> "runs "
          + r.first() + "–" + r.last() + " exist; see 'plumb runs'")
          .orElse("no runs recorded yet") + ")");
    }

    void emit(CommandLine.Model.CommandSpec spec, byte[] jsonBytes,
        java.util.function.Supplier<String> text) {
      CommandIo.emit(spec, json, json == null ? null : jsonBytes, null, null, text);
    }
  }
}
