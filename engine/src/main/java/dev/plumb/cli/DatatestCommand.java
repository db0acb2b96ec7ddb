package dev.plumb.cli;

import dev.plumb.data.Dataset;
import dev.plumb.profile.ExpectationChecker;
import dev.plumb.profile.ExpectationReport;
import dev.plumb.profile.Expectations;
import dev.plumb.profile.ExpectationsFile;
import dev.plumb.report.ExpectationJson;
import dev.plumb.report.ExpectationText;
import dev.plumb.report.Json;
import dev.plumb.report.OutputFiles;
import dev.plumb.report.Provenance;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plumb datatest}: freeze data expectations, and check new data against them. */
@Command(
    name = "datatest",
    description = "Data tests: derive expectations from reference data, check new data.",
    mixinStandardHelpOptions = true,
    subcommands = {DatatestCommand.Write.class, DatatestCommand.Check.class})
final class DatatestCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "datatest needs a subcommand: write or check");
  }

  /** {@code plumb datatest write}. */
  @Command(name = "write", mixinStandardHelpOptions = true,
      description = "Derive expectations (columns, types, ranges, categories, missing shares,"
          + " uniqueness, row count) from reference data, in a file a person can edit.")
  static final class Write implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATA.csv", description = "The reference data.")
    Path data;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
        description = "Where to write the expectations (default: stdout).")
    Path output;

    @Mixin CsvOptionsMixin csv;
    @Mixin CommonOptions common;
    @Mixin StoreOptions store;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Dataset dataset = CommandIo.read(spec, data, csv, common);
      Expectations expectations = Expectations.derive(dataset);
      byte[] bytes = ExpectationsFile.bytes(expectations);
      if (output == null) {
        out.print(new String(bytes, StandardCharsets.UTF_8));
      } else {
        OutputFiles.write(output, bytes);
        out.printf("wrote %d column expectations for %s (dataset version %s) to %s%n",
            expectations.columns().size(), data, dataset.version().id(), output);
      }
      out.flush();
      return store.record(common, ExitCode.OK,
          () -> RunRecords.datatestWrite(data, dataset.version(), bytes));
    }
  }

  /** {@code plumb datatest check}. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Check new data against expectations; every check runs. Exit 1 when any"
          + " fails.")
  static final class Check implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NEW.csv", description = "The data to check.")
    Path data;

    @Parameters(index = "1", paramLabel = "EXPECT.json", description = "The expectations file.")
    Path expectationsFile;

    @Option(names = "--json", paramLabel = "FILE",
        description = "Write the result as JSON to FILE ('-' for stdout, instead of the text).")
    String json;

    @Mixin CsvOptionsMixin csv;
    @Mixin CommonOptions common;
    @Mixin StoreOptions store;

    @Override
    public Integer call() {
      Expectations expectations = ExpectationsFile.read(expectationsFile);
      Dataset dataset = CommandIo.read(spec, data, csv, common);
      ExpectationReport report = ExpectationChecker.check(dataset, expectations, expectationsFile);
      Provenance provenance = Provenance.current();
      byte[] jsonBytes = json == null ? null : Json.bytes(ExpectationJson.of(report, provenance));
      CommandIo.emit(spec, json, jsonBytes, null, null,
          () -> ExpectationText.render(report, provenance));
      return store.record(common, report.passed() ? ExitCode.OK : ExitCode.CHECK_FAILED,
          () -> RunRecords.datatestCheck(report, provenance,
              Json.bytes(ExpectationJson.of(report, provenance))));
    }
  }
}
