package org.swarmbid.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where a password comes from, in this order: a file named on the command line, an environment variable (both for
 * automation only: a file or the environment is less private than a prompt), else the console without echo.
 * Returned arrays belong to the caller, who wipes them.
 */
final class Passwords {
    /** Largest password file read. */
    static final int MAX_FILE = 4096;

    private final Terminal terminal;
    private final Path file;
    private final String environmentVariable;

    Passwords(Terminal terminal, Path file, String environmentVariable) {
        this.terminal = terminal;
        this.file = file;
        this.environmentVariable = environmentVariable;
    }

    /** An existing password. */
    char[] read(String prompt) {
        char[] automated = automated();
        return automated != null ? automated : typed(prompt);
    }

    /** A new password: typed twice on the console (they must match), or taken once from the file/environment. */
    char[] readNew(String prompt) {
        char[] automated = automated();
        if (automated != null) {
            return automated;
        }
        char[] first = typed(prompt);
        char[] second = terminal.readSecret("Repeat it: ");
        try {
            if (second == null || !Arrays.equals(first, second)) {
                Arrays.fill(first, '\0');
                throw new InputException("the two entries do not match");
            }
            return first;
        } finally {
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    private char[] typed(String prompt) {
        char[] typed = terminal.readSecret(prompt);
        if (typed == null) {
            throw noTerminal();
        }
        return typed;
    }

    private InputException noTerminal() {
        return new InputException("no terminal to ask for the password; for automation use --password-file FILE or $"
                + environmentVariable);
    }

    private char[] automated() {
        if (file != null) {
            return fromFile(file);
        }
        String env = System.getenv(environmentVariable);
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        return null;
    }

    /** The first line of {@code path} (UTF-8, without its line end). */
    static char[] fromFile(Path path) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_FILE + 1);
        } catch (IOException e) {
            throw new InputException("cannot read the password file " + path + ": " + e.getClass().getSimpleName());
        }
        try {
            if (bytes.length > MAX_FILE) {
                throw new InputException("password file " + path + " is larger than " + MAX_FILE + " bytes");
            }
            int end = 0;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, end));
            char[] out = new char[chars.remaining()];
            chars.get(out);
            if (chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
            return out;
        } catch (CharacterCodingException e) {
            throw new InputException("password file " + path + " is not UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
