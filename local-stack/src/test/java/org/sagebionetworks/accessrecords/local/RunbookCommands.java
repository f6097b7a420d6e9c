package org.sagebionetworks.accessrecords.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell commands of a runbook page: every line of its {@code sh} and {@code bash} fenced blocks, with
 * backslash continuations joined and comments dropped, in the order of the page.
 */
final class RunbookCommands {

    private static final Pattern FENCE = Pattern.compile("(?ms)^```(?:sh|bash)\\s*\\n(.*?)^```");
    private static final Pattern WORD = Pattern.compile("'([^']*)'|(\\S+)");

    private RunbookCommands() {}

    static List<String> of(Path page) throws IOException {
        List<String> commands = new ArrayList<>();
        Matcher block = FENCE.matcher(Files.readString(page));
        while (block.find()) {
            String joined = block.group(1).replaceAll("\\\\\\n\\s*", "");
            for (String line : joined.split("\\n")) {
                String command = line.strip();
                if (!command.isEmpty() && !command.startsWith("#")) {
                    commands.add(command.replaceAll("\\s+", " "));
                }
            }
        }
        return commands;
    }

    /** A command's words as the shell splits them: by spaces, single quotes kept together and removed. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(command);
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2));
        }
        return words;
    }
}
