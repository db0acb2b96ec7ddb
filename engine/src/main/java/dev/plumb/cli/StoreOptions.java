package dev.plumb.cli;

import dev.plumb.store.RunRecord;
import dev.plumb.store.RunStore;
import dev.plumb.store.StoreLocation;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The run store's options ({@code --store}, {@code --no-store}) and the one place where a command
 * records its run: at the end of a command that produced its results (exit 0 or 1). A store that
 * cannot be opened or written costs a one-line warning, never the command's results or exit
 * code; only a malformed {@code --store} is an error, found while parsing, before any work.
 */
final class StoreOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  /** When the command started: the mixin is made as the command line is parsed. */
  private final Instant started = Instant.now();

  private String store;

  @Option(names = "--no-store",
      description = "Record nothing in the run store (whatever --store and PLUMB_STORE say).")
  boolean noStore;

  @Option(names = "--store", paramLabel = "PATH|JDBC_URL",
      description = "Record the run in this store: a SQLite file, or a jdbc:sqlite: or"
          + " jdbc:postgresql:// URL; 'none' records nothing (default: the plumb.store system"
          + " property, else PLUMB_STORE, else " + StoreLocation.DEFAULT + ").")
  void store(String value) {
    if (!StoreLocation.NONE.equalsIgnoreCase(value.strip())) {
      try {
        StoreLocation.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(mixee.commandLine(), "--store: " + e.getMessage());
      }
    }
    store = value;
  }

  /**
   * The store in effect (see {@link StoreLocation#resolve}); empty when recording is off.
   *
   * @throws IllegalArgumentException if the system property or environment variable is malformed
   */
  Optional<StoreLocation> location() {
    if (noStore) {
      return Optional.empty();
    }
    return StoreLocation.resolve(store, System.getProperty("plumb.store"),
        System.getenv("PLUMB_STORE"));
  }

  /**
   * Records the run the command just finished, unless recording is off, and says so on stderr
   * (unless {@code --quiet}); on any failure, warns in one line instead.
   *
   * @param exitCode the command's exit code, returned unchanged
   * @param run what the command measured; called only when recording
   * @return {@code exitCode}
   */
  int record(CommonOptions common, int exitCode, Supplier<RunRecord.Builder> run) {
    PrintWriter err = mixee.commandLine().getErr();
    try {
      Optional<StoreLocation> where = location();
      if (where.isPresent()) {
        RunRecord r = run.get().command(command()).arguments(arguments())
            .times(started, Instant.now()).exitCode(exitCode).build();
        long id;
        try (RunStore s = RunStore.open(where.get())) {
          id = s.record(r);
        }
        if (!common.quiet) {
          err.println("plumb: recorded run " + id + " in " + where.get());
        }
      }
    } catch (RuntimeException e) {
      // the results are out already: a store problem must not turn them into a failure
      err.println("plumb: warning: run not recorded: " + (e.getMessage() == null ? e.toString()
          : e.getMessage()));
      if (common.debug) {
        e.printStackTrace(err);
      }
    }
    err.flush();
    return exitCode;
  }

  /** The command's name below {@code plumb}, e.g. {@code datatest check}. */
  private String command() {
    String full = mixee.qualifiedName(" ");
    String root = mixee.root().name() + " ";
    return full.startsWith(root) ? full.substring(root.length()) : full;
  }

  /** The command line as given, with a PostgreSQL password in {@code --store} blanked. */
  private List<String> arguments() {
    List<String> out = new ArrayList<>();
    boolean storeValue = false;
    for (String a : mixee.commandLine().getParseResult().originalArgs()) {
      if (storeValue) {
        out.add(StoreLocation.redact(a));
      } else if (a.startsWith("--store=")) {
        out.add("--store=" + StoreLocation.redact(a.substring("--store=".length())));
      } else {
        out.add(a);
      }
      storeValue = a.equals("--store");
    }
    return out;
  }
}
