package dev.plumb.cli;

import dev.plumb.data.BadInputException;
import dev.plumb.report.Provenance;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code plumb} command line. Exit codes are mapped from exceptions here and only here: 0 ok,
 * 1 a check failed, 2 bad input or usage (one line on stderr), 3 an internal error.
 */
@Command(
    name = "plumb",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Where a tabular ML problem stands: data, baselines, fit, targets.",
    subcommands = {BaselineCommand.class, DiagnoseCommand.class, BenchCommand.class,
        CheckCommand.class, ProfileCommand.class, DatatestCommand.class, RunsCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(out, err, System.console() != null, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the command line with the given streams, for tests and embedding.
   *
   * @param interactive whether stderr is a terminal (progress display)
   * @return the exit code
   */
  public static int run(PrintWriter out, PrintWriter err, boolean interactive, String... args) {
    boolean debug = Arrays.asList(args).contains("--debug");
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler((ex, arguments) -> {
      String cmd = ex.getCommandLine().getCommandSpec().qualifiedName();
      err.println("plumb: " + ex.getMessage() + " (see '" + cmd + " --help')");
      err.flush();
      return ExitCode.BAD_INPUT;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (debug) {
        ex.printStackTrace(err);
      }
      if (ex instanceof BadInputException) {
        err.println("plumb: " + ex.getMessage());
        err.flush();
        return ExitCode.BAD_INPUT;
      }
      err.println("plumb: internal error: " + ex + (debug ? "" : "; rerun with --debug for"
          + " the stack trace") + ", and please report it");
      err.flush();
      return ExitCode.INTERNAL_ERROR;
    });
    Context.INTERACTIVE.set(interactive);
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      err.println("plumb: out of memory; give Java more heap, e.g. PLUMB_JAVA_OPTS=-Xmx8g");
      err.flush();
      return ExitCode.BAD_INPUT;
    } finally {
      Context.INTERACTIVE.remove();
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Per-run settings that commands read; a thread-local so parallel test runs do not mix. */
  static final class Context {
    static final ThreadLocal<Boolean> INTERACTIVE = ThreadLocal.withInitial(() -> false);

    private Context() {}
  }

  /** Prints Plumb's and its libraries' versions. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Provenance p = Provenance.current();
      return new String[] {"plumb " + p.plumbVersion(), p.libraries().toString()};
    }
  }
}
