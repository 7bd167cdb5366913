package io.pergola.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code --help} prints, for every command and subcommand: a person reads it in a terminal,
 * so each command is summed up in one sentence (the line the command list shows), every option
 * and argument says what it is, and no word (a URL, a path) is split across two lines.
 */
class CommandHelpTest {

  private static List<CommandLine> everyCommand() {
    List<CommandLine> all = new ArrayList<>();
    collect(PergolaCommand.commandLine(), all);
    return all;
  }

  private static void collect(CommandLine command, List<CommandLine> all) {
    all.add(command);
    command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, all));
  }

  private static String name(CommandLine command) {
    return command.getCommandSpec().qualifiedName();
  }

  @Test
  void everyCommandIsSummedUpInOneSentence() {
    for (CommandLine command : everyCommand()) {
      String[] description = command.getCommandSpec().usageMessage().description();
      assertThat(description).as(name(command)).isNotEmpty();
      assertThat(description[0]).as(name(command) + "'s summary").endsWith(".");
    }
  }

  @Test
  void everyOptionAndArgumentIsDescribed() {
    for (CommandLine command : everyCommand()) {
      CommandSpec spec = command.getCommandSpec();
      Stream.concat(spec.options().stream(), spec.positionalParameters().stream())
          .forEach(arg -> assertThat(String.join(" ", arg.description()).strip())
              .as(name(command) + " " + label(arg))
              .isNotEmpty());
    }
  }

  @Test
  void helpNeverSplitsAWordAcrossTwoLines() {
    for (CommandLine command : everyCommand()) {
      String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
      String flowing = " " + String.join(" ", help.strip().split("\\s+")) + " ";
      for (String word : writtenWords(command.getCommandSpec())) {
        assertThat(flowing).as(name(command) + "'s help").contains(" " + word + " ");
      }
    }
  }

  @Test
  void helpFitsTheWidthItIsPrintedAt() {
    for (CommandLine command : everyCommand()) {
      int width = command.getCommandSpec().usageMessage().width();
      assertThat(command.getUsageMessage(CommandLine.Help.Ansi.OFF).lines())
          .as(name(command) + "'s help")
          .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(width));
    }
  }

  /** The words of the descriptions and footer, as written: each should come out whole. */
  private static List<String> writtenWords(CommandSpec spec) {
    List<String> texts = new ArrayList<>(Arrays.asList(spec.usageMessage().description()));
    texts.addAll(Arrays.asList(spec.usageMessage().footer()));
    Stream.concat(spec.options().stream(), spec.positionalParameters().stream())
        .forEach(arg -> texts.addAll(Arrays.asList(arg.description())));
    return texts.stream()
        .flatMap(text -> Arrays.stream(text.strip().split("\\s+")))
        .filter(word -> !word.isEmpty() && !word.contains("${") && !word.contains("%"))
        .toList();
  }

  private static String label(ArgSpec arg) {
    return arg instanceof CommandLine.Model.OptionSpec option ? option.longestName() : arg.paramLabel();
  }
}
