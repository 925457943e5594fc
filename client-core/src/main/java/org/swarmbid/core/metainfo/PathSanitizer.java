package org.swarmbid.core.metainfo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * The one place that decides which file names from a torrent may touch the disk. Every path element of every
 * {@link FileEntry} (and the torrent's name) has passed {@link #element}; {@link #resolveUnder} turns an entry into
 * a path and checks once more that it stays inside the download folder.
 *
 * <p>The rules, in the order they are applied (first match wins):
 * <table>
 *   <caption>Path element rules</caption>
 *   <tr><th>element</th><th>action</th><th>why</th></tr>
 *   <tr><td>empty</td><td>reject</td><td>{@code a//b}, or a leading {@code /} written as an empty first
 *       element</td></tr>
 *   <tr><td>{@code .} or {@code ..}</td><td>reject</td><td>directory traversal</td></tr>
 *   <tr><td>starts with a drive letter ({@code C:})</td><td>reject</td><td>absolute or drive-relative on
 *       Windows</td></tr>
 *   <tr><td>starts with {@code /} or {@code \}</td><td>reject</td><td>absolute path</td></tr>
 *   <tr><td>contains {@code /} or {@code \}</td><td>reject</td><td>one element must not carry several</td></tr>
 *   <tr><td>contains NUL or another control character (U+0000-U+001F, U+007F-U+009F)</td><td>reject</td>
 *       <td>truncates C strings, forges log lines and terminal output</td></tr>
 *   <tr><td>contains {@code < > : " | ? *}</td><td>rename: each becomes {@code _}</td><td>not allowed in
 *       Windows names; {@code :} would open an NTFS alternate data stream</td></tr>
 *   <tr><td>ends with {@code .} or space</td><td>rename: each trailing one becomes {@code _}</td><td>Windows
 *       silently strips them, so two names could meet in one file</td></tr>
 *   <tr><td>a Windows device name before the first dot, any case: {@code CON PRN AUX NUL COM0-9 LPT0-9}</td>
 *       <td>rename: prefix {@code _} ({@code nul.txt} becomes {@code _nul.txt})</td><td>opens a device, not
 *       a file, on Windows</td></tr>
 *   <tr><td>longer than 255 UTF-8 bytes after renaming</td><td>reject</td><td>the limit of ext4, NTFS and
 *       APFS; truncating could make two names equal</td></tr>
 * </table>
 *
 * <p>Renames apply on every operating system, so a download has the same names wherever it runs and its resume
 * data moves between machines. Byte sequences that are not valid UTF-8 were already decoded to U+FFFD by the
 * parser (a rename); the parser rejects the torrent if two files then share a path.
 */
public final class PathSanitizer {
    /** Longest path element, in UTF-8 bytes. */
    public static final int MAX_ELEMENT_BYTES = 255;
    /** Most elements in one file's path inside the torrent (not counting the torrent's name). */
    public static final int MAX_DEPTH = 128;

    private static final Set<String> DEVICE_NAMES = Set.of("CON", "PRN", "AUX", "NUL",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");
    private static final String WINDOWS_FORBIDDEN = "<>:\"|?*";

    private PathSanitizer() {
    }

    /**
     * Checks one path element and returns the name to use on disk (the element itself, or renamed by the rules
     * above).
     *
     * @param raw  the element as decoded from the torrent
     * @param what how to name it in an error, e.g. {@code "path element"} or {@code "info.name"}
     * @throws MetainfoException {@code <what> '<element>' <reason>}, e.g. {@code path element '..' is not allowed}
     */
    public static String element(String raw, String what) {
        String reason = rejection(raw);
        if (reason != null) {
            throw new MetainfoException(raw.isEmpty() ? what + " " + reason : what + " " + quote(raw) + " " + reason);
        }
        String name = rename(raw);
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_ELEMENT_BYTES) {
            throw new MetainfoException(what + " " + quote(raw) + " is " + bytes + " bytes, more than "
                    + MAX_ELEMENT_BYTES);
        }
        return name;
    }

    /** True if {@link #element} would accept {@code raw} without renaming it. */
    public static boolean isSafeAsIs(String raw) {
        try {
            return element(raw, "name").equals(raw);
        } catch (MetainfoException e) {
            return false;
        }
    }

    private static String rejection(String e) {
        if (e.isEmpty()) {
            return "is empty";
        }
        if (e.equals(".") || e.equals("..")) {
            return "is not allowed";
        }
        if (e.length() >= 2 && e.charAt(1) == ':' && isAsciiLetter(e.charAt(0))) {
            return "starts with a drive letter";
        }
        if (e.charAt(0) == '/' || e.charAt(0) == '\\') {
            return "is an absolute path";
        }
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '/' || c == '\\') {
                return "contains '" + c + "'";
            }
            if (c == 0) {
                return "contains a NUL character";
            }
            if (Character.isISOControl(c)) {
                return "contains control character U+" + String.format(Locale.ROOT, "%04X", (int) c);
            }
        }
        return null;
    }

    private static String rename(String e) {
        StringBuilder sb = new StringBuilder(e.length() + 1);
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            sb.append(WINDOWS_FORBIDDEN.indexOf(c) >= 0 ? '_' : c);
        }
        for (int i = sb.length() - 1; i >= 0 && (sb.charAt(i) == '.' || sb.charAt(i) == ' '); i--) {
            sb.setCharAt(i, '_');
        }
        int dot = sb.indexOf(".");
        String base = (dot < 0 ? sb.toString() : sb.substring(0, dot)).stripTrailing();
        if (base.length() >= 3 && base.length() <= 4 && DEVICE_NAMES.contains(base.toUpperCase(Locale.ROOT))) {
            sb.insert(0, '_');
        }
        return sb.toString();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /**
     * The on-disk path of {@code file} under {@code downloadRoot}. The elements were sanitised when the entry was
     * made; as defence in depth each one must still be a single relative name on this file system, and the
     * normalised result must lie strictly inside the normalised root.
     *
     * <p>This is a lexical check: it cannot see symbolic links already present under the root. Storage should
     * open files with {@link java.nio.file.LinkOption#NOFOLLOW_LINKS} where it matters.
     *
     * @throws MetainfoException if the path would leave the root
     */
    public static Path resolveUnder(Path downloadRoot, FileEntry file) {
        Path root = downloadRoot.toAbsolutePath().normalize();
        Path p = root;
        for (String e : file.path()) {
            Path part = root.getFileSystem().getPath(e);
            if (part.isAbsolute() || part.getRoot() != null || part.getNameCount() != 1
                    || !part.getFileName().toString().equals(e) || !element(e, "path element").equals(e)) {
                throw new MetainfoException("file " + quote(file.displayPath())
                        + " is not a safe relative path on this system");
            }
            p = p.resolve(part);
        }
        Path normal = p.normalize();
        if (!normal.startsWith(root) || normal.equals(root)) {
            throw new MetainfoException("file " + quote(file.displayPath()) + " escapes the download folder");
        }
        return normal;
    }

    /**
     * A hostile name made safe to print inside single quotes: control characters as {@code \\uXXXX}, quotes and
     * backslashes kept, long names cut to 64 characters.
     */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("'");
        int n = Math.min(s.length(), 64);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c) && !validSurrogateAt(s, i)) {
                sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (s.length() > n) {
            sb.append("...(").append(s.length()).append(" chars)");
        }
        return sb.append('\'').toString();
    }

    private static boolean validSurrogateAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
