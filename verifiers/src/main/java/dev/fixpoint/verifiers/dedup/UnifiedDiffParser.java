package dev.fixpoint.verifiers.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses unified diffs as {@code git diff} and {@code diff -u} write them: {@code diff --git} headers, mode,
 * rename and index lines, {@code ---}/{@code +++} paths with {@code a/}/{@code b/} prefixes and
 * {@code /dev/null}, binary markers, hunks with omitted counts, "\ No newline" markers and context lines whose
 * single space was stripped by an editor. Text before the first file header (a commit message, a model's
 * explanation) is ignored. Never throws on bad input: problems are returned in the {@link UnifiedDiff}.
 */
final class UnifiedDiffParser {

    private static final Pattern HUNK_HEADER =
            Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*$");
    private static final String DEV_NULL = "/dev/null";

    private final List<FileDiff> files = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private FileBuilder current;

    private UnifiedDiffParser() {
    }

    static UnifiedDiff parse(String patch) {
        UnifiedDiffParser parser = new UnifiedDiffParser();
        String text = patch.replace("\r\n", "\n");
        // A final newline ends the last line; it does not start an empty (context) line.
        parser.run((text.endsWith("\n") ? text.substring(0, text.length() - 1) : text).split("\n", -1));
        return new UnifiedDiff(parser.files, parser.problems);
    }

    private void run(String[] lines) {
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (line.startsWith("diff --git ")) {
                finishFile();
                current = FileBuilder.fromGitHeader(line.substring("diff --git ".length()));
                i++;
            } else if (line.startsWith("--- ") && i + 1 < lines.length && lines[i + 1].startsWith("+++ ")) {
                if (current == null || current.sawPaths || !current.hunks.isEmpty()) {
                    finishFile();
                    current = new FileBuilder();
                }
                current.oldPath = pathOf(line.substring(4), "a/");
                current.newPath = pathOf(lines[i + 1].substring(4), "b/");
                current.sawPaths = true;
                i += 2;
            } else if (line.startsWith("@@")) {
                i = readHunk(lines, i);
            } else if (current != null) {
                readExtendedHeader(line);
                i++;
            } else {
                i++;
            }
        }
        finishFile();
    }

    private void readExtendedHeader(String line) {
        if (line.startsWith("new file mode")) {
            current.oldPath = null;
        } else if (line.startsWith("deleted file mode")) {
            current.newPath = null;
        } else if (line.startsWith("rename from ")) {
            current.oldPath = line.substring("rename from ".length());
        } else if (line.startsWith("rename to ")) {
            current.newPath = line.substring("rename to ".length());
        } else if (line.startsWith("Binary files ") || line.equals("GIT binary patch")) {
            current.binary = true;
        }
    }

    private int readHunk(String[] lines, int start) {
        Matcher m = HUNK_HEADER.matcher(lines[start]);
        if (current == null) {
            problems.add("line %d: hunk header before any file header".formatted(start + 1));
            return start + 1;
        }
        if (!m.matches()) {
            problems.add("line %d: malformed hunk header: %s".formatted(start + 1, lines[start]));
            return start + 1;
        }
        int oldStart = Integer.parseInt(m.group(1));
        int oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        int newStart = Integer.parseInt(m.group(3));
        int newCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
        List<String> body = new ArrayList<>();
        int oldLeft = oldCount;
        int newLeft = newCount;
        int i = start + 1;
        while (i < lines.length && (oldLeft > 0 || newLeft > 0)) {
            String line = lines[i];
            if (line.startsWith("\\")) {
                i++;
                continue;
            }
            char marker = line.isEmpty() ? ' ' : line.charAt(0);
            String text = line.isEmpty() ? "" : line.substring(1);
            if (marker == ' ' && oldLeft > 0 && newLeft > 0) {
                oldLeft--;
                newLeft--;
            } else if (marker == '-' && oldLeft > 0) {
                oldLeft--;
            } else if (marker == '+' && newLeft > 0) {
                newLeft--;
            } else {
                break;
            }
            body.add(marker + text);
            i++;
        }
        if (oldLeft > 0 || newLeft > 0) {
            problems.add("%s: hunk at line %d is truncated: %d old and %d new lines missing"
                    .formatted(current.name(), start + 1, oldLeft, newLeft));
        }
        while (i < lines.length && lines[i].startsWith("\\")) {
            i++;
        }
        current.hunks.add(new Hunk(oldStart, oldCount, newStart, newCount, body));
        return i;
    }

    private void finishFile() {
        if (current == null) {
            return;
        }
        if (current.oldPath == null && current.newPath == null) {
            problems.add("file diff names no path");
        } else if (current.hunks.isEmpty() && !current.binary && !current.isPureRenameOrModeChange()) {
            problems.add(current.name() + ": file diff has no hunks");
        } else {
            files.add(new FileDiff(current.oldPath, current.newPath, current.hunks, current.binary));
        }
        current = null;
    }

    private static String pathOf(String headerValue, String prefix) {
        String path = headerValue;
        int tab = path.indexOf('\t');
        if (tab >= 0) {
            path = path.substring(0, tab);
        }
        path = path.strip();
        if (path.startsWith("\"") && path.endsWith("\"") && path.length() >= 2) {
            path = path.substring(1, path.length() - 1);
        }
        if (path.equals(DEV_NULL)) {
            return null;
        }
        return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }

    /** Mutable state of the file diff being read. */
    private static final class FileBuilder {
        String oldPath;
        String newPath;
        boolean binary;
        boolean sawPaths;
        boolean gitHeader;
        final List<Hunk> hunks = new ArrayList<>();

        static FileBuilder fromGitHeader(String rest) {
            FileBuilder b = new FileBuilder();
            b.gitHeader = true;
            int split = rest.lastIndexOf(" b/");
            if (split > 0) {
                b.oldPath = pathOf(rest.substring(0, split), "a/");
                b.newPath = pathOf(rest.substring(split + 1), "b/");
            }
            return b;
        }

        boolean isPureRenameOrModeChange() {
            return gitHeader && !sawPaths;
        }

        String name() {
            return newPath != null ? newPath : String.valueOf(oldPath);
        }
    }
}
