package org.swarmbid.app;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The user's terminal for interactive commands: secrets are read from the console without echo; plain answers from
 * the console, or from standard input when there is no console (pipes, tests). Output goes to the command's writers.
 */
final class Terminal {
    /** Longest answer line read from standard input. */
    private static final int MAX_LINE = 4096;

    private final PrintWriter out;
    private final PrintWriter err;
    private final Console console;
    private BufferedReader stdin;

    Terminal(CommandSpec spec) {
        this.out = spec.commandLine().getOut();
        this.err = spec.commandLine().getErr();
        this.console = System.console();
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** True if secrets can be read without echo. */
    boolean hasConsole() {
        return console != null;
    }

    /** A secret read without echo, or null without a console. The caller wipes it. */
    char[] readSecret(String prompt) {
        if (console == null) {
            return null;
        }
        out.flush();
        return console.readPassword("%s", prompt);
    }

    /**
     * A line from the console, or from standard input without one.
     *
     * @throws InputException at end of input
     */
    String readLine(String prompt) {
        out.print(prompt);
        out.flush();
        String line;
        if (console != null) {
            line = console.readLine();
        } else {
            try {
                if (stdin == null) {
                    stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                }
                line = stdin.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the answer: " + e.getMessage(), e);
            }
        }
        if (line == null) {
            out.println();
            throw new InputException("no answer (end of input)");
        }
        return line.length() > MAX_LINE ? line.substring(0, MAX_LINE) : line;
    }

    /** Asks a yes/no question; only "y" or "yes" is yes. */
    boolean confirm(String question) {
        String answer = readLine(question + " [y/N] ").strip().toLowerCase(Locale.ROOT);
        return answer.equals("y") || answer.equals("yes");
    }
}
