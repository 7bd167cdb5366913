package io.pergola.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * What every client command has: the shared options, and output through picocli's writers so
 * tests (and embedding programs) can capture it.
 */
abstract class ClientCommand implements Callable<Integer> {

  @Mixin ClientOptions options;

  @Spec CommandSpec spec;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /**
   * Says on standard error, apart from the table, which stays the same either way, how to see the
   * page before this one when the API names one ({@code Link: rel="next"}).
   *
   * @param command the command that showed this page, with its options but {@code --before}
   * @param last what {@code --before} takes for the last item shown
   */
  void sayHowToSeeOlder(PergolaClient.Answer page, String what, String command, String last) {
    if (page.headers().containsKey("link")) {
      err().println("Older " + what + ": " + command + " --before " + last);
      err().flush();
    }
  }

  /** Prints the answer as JSON when {@code --json} was given; returns whether it did. */
  boolean printedJson(JsonNode answer) {
    if (!options.json) {
      return false;
    }
    out().println(PergolaClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
    out().flush();
    return true;
  }
}
