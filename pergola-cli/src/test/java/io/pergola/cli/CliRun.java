package io.pergola.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code pergola} command in this JVM and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {

  static CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode =
        PergolaCommand.commandLine()
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }
}
