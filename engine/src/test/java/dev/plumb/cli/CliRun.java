package dev.plumb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures what it prints. */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), false, args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The lines printed to stderr, without blank ones. */
  long errLines() {
    return err.lines().filter(l -> !l.isBlank()).count();
  }
}
