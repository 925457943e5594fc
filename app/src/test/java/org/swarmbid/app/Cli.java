package org.swarmbid.app;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@link Main#run} in-process with captured standard output and error and a given standard input. */
final class Cli {

    /** What a run printed and returned. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        return run(InputStream.nullInputStream(), args);
    }

    /** {@code in} may look at {@link #currentOut()} to answer prompts. */
    static synchronized Result run(InputStream in, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        current = out;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(in);
            int exit = Main.run(args);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
            current = null;
        }
    }

    private static volatile ByteArrayOutputStream current;

    /** What the running command has printed so far. */
    static String currentOut() {
        ByteArrayOutputStream o = current;
        return o == null ? "" : o.toString(StandardCharsets.UTF_8);
    }
}
