package dev.plumb.cli;

import dev.plumb.data.CsvTableReader;
import dev.plumb.data.Dataset;
import dev.plumb.report.OutputFiles;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * What every command does at its edges: read the data file with a progress line, and emit the
 * results (files written atomically only once everything is rendered, JSON to stdout with
 * {@code --json -} instead of the terminal text). Stateless.
 */
final class CommandIo {
  private CommandIo() {}

  /** Reads {@code data} with the command's CSV options, showing progress on a terminal. */
  static Dataset read(CommandLine.Model.CommandSpec spec, Path data, CsvOptionsMixin csv,
      CommonOptions common) {
    ProgressLine progress = new ProgressLine(spec.commandLine().getErr(),
        "reading " + data.getFileName(), Main.Context.INTERACTIVE.get() && !common.quiet);
    try {
      return CsvTableReader.read(data, csv.toOptions(), progress);
    } finally {
      progress.clear();
    }
  }

  /**
   * Writes the outputs: the JSON file (or stdout for {@code -}) and the HTML file when asked for,
   * and the terminal text unless the JSON went to stdout. The callers render every byte before
   * calling, so a rendering failure writes nothing.
   *
   * @param json the {@code --json} argument, or null
   * @param jsonBytes the rendered JSON, or null when not asked for
   * @param html the {@code --html} file, or null
   * @param htmlBytes the rendered HTML, or null when not asked for
   * @param text the terminal text
   */
  static void emit(CommandLine.Model.CommandSpec spec, String json, byte[] jsonBytes, Path html,
      byte[] htmlBytes, Supplier<String> text) {
    if (jsonBytes != null && !"-".equals(json)) {
      OutputFiles.write(Path.of(json), jsonBytes);
    }
    if (htmlBytes != null) {
      OutputFiles.write(html, htmlBytes);
    }
    PrintWriter out = spec.commandLine().getOut();
    if ("-".equals(json) && jsonBytes != null) {
      out.print(new String(jsonBytes, StandardCharsets.UTF_8));
    } else {
      out.print(text.get());
    }
    out.flush();
  }
}
