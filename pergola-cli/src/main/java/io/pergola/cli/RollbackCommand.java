package io.pergola.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pergola rollback <app>} or {@code pergola rollback --to-revision N}. */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = {
      "Rolls an app back to the version it had before.",
      "With --to-revision (admins), rolls a whole environment back to an earlier revision instead."
    },
    footer = {
      "",
      "Examples:",
      "  pergola rollback billing --env production",
      "  pergola rollback --to-revision 12 --env production"
    })
final class RollbackCommand extends DeployCommand {

  @Parameters(index = "0", arity = "0..1", paramLabel = "APP", description = "The app to roll back (not with --to-revision).")
  String app;

  @Option(names = "--to-revision", paramLabel = "N", description = "Restore the whole environment to revision N.")
  Long toRevision;

  @Override
  public Integer call() {
    if ((app == null) == (toRevision == null)) {
      throw new UsageException("Give an APP to roll back, or --to-revision N, not both or neither");
    }
    return app != null
        ? deploy("rollback", Map.of("app", app), "Rolled back " + app)
        : deploy("rollback", Map.of("toRevision", toRevision), "Restored revision " + toRevision);
  }
}
