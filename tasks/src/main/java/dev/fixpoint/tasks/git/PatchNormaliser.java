package dev.fixpoint.tasks.git;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts patch text as editors and models leave it into the form JGit's parser reads exactly, and finds what no
 * parser should guess at. Tolerated and fixed: CRLF line ends, a missing final newline, text before the first file
 * header (a commit message, a model's explanation), {@code ---}/{@code +++} paths without {@code a/}/{@code b/}
 * prefixes or with timestamps, plain diffs without {@code diff --git} lines (each gets one, so that a file header
 * without hunks is still a file), omitted hunk counts and context lines whose single space was stripped. Lines
 * after a hunk's counts that are no header are dropped, as text before the first file is. Reported as
 * problems, with the line of the text as given: a hunk header before any file header, a malformed hunk header, a
 * hunk shorter than its header says, a file header without hunks (unless it is a pure rename or mode change), a file
 * diff that names no path. Hunk counts are never rewritten: a hunk that is too short is a problem.
 */
final class PatchNormaliser {

    private static final Pattern HUNK_HEADER =
            Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*$");
    private static final String DEV_NULL = "/dev/null";
    private static final String GIT_HEADER = "diff --git ";

    /** The text JGit reads, and what was malformed in the text as given. */
    record Normalised(String text, List<String> problems) {
        Normalised {
            problems = List.copyOf(problems);
        }
    }

    private final List<String> out = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private Section current;

    private PatchNormaliser() {
    }

    static Normalised normalise(String patch) {
        String text = patch.replace("\r\n", "\n");
        // A final newline ends the last line; it does not start an empty (context) line.
        String[] lines = (text.endsWith("\n") ? text.substring(0, text.length() - 1) : text).split("\n", -1);
        PatchNormaliser normaliser = new PatchNormaliser();
        normaliser.run(lines);
        String normalised = normaliser.out.isEmpty() ? "" : String.join("\n", normaliser.out) + "\n";
        return new Normalised(normalised, normaliser.problems);
    }

    private void run(String[] lines) {
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (line.startsWith(GIT_HEADER)) {
                startGitFile(line);
                i++;
            } else if (line.startsWith("--- ") && i + 1 < lines.length && lines[i + 1].startsWith("+++ ")) {
                readPaths(line, lines[i + 1]);
                i += 2;
            } else if (line.startsWith("@@")) {
                i = readHunk(lines, i);
            } else {
                // Text before the first file is a preamble, and lines after a hunk that are not a header are not
                // part of it (JGit would take lines past a hunk's counts into it): both are dropped.
                if (current != null && current.hunks == 0) {
                    readExtendedHeader(line);
                    out.add(line);
                }
                i++;
            }
        }
        finishFile();
    }

    private void startGitFile(String line) {
        finishFile();
        current = new Section(true);
        String rest = line.substring(GIT_HEADER.length());
        int split = rest.lastIndexOf(" b/");
        if (split > 0) {
            current.oldPath = pathOf(rest.substring(0, split), "a/");
            current.newPath = pathOf(rest.substring(split + 1), "b/");
            out.add(line);
            return;
        }
        String[] names = rest.split(" ");
        out.add(names.length == 2 ? GIT_HEADER + "a/" + names[0] + " b/" + names[1] : line);
    }

    private void readPaths(String oldLine, String newLine) {
        if (current == null || current.sawPaths || current.hunks > 0) {
            finishFile();
            current = new Section(false);
        }
        current.oldPath = pathOf(oldLine.substring(4), "a/");
        current.newPath = pathOf(newLine.substring(4), "b/");
        current.sawPaths = true;
        if (!current.gitHeader && current.name() != null) {
            String oldName = current.oldPath != null ? current.oldPath : current.newPath;
            String newName = current.newPath != null ? current.newPath : current.oldPath;
            out.add(GIT_HEADER + "a/" + oldName + " b/" + newName);
        }
        out.add(headerLine("--- ", oldLine.substring(4), current.oldPath, "a/"));
        out.add(headerLine("+++ ", newLine.substring(4), current.newPath, "b/"));
    }

    /** A path line with its prefix; a quoted name (git quotes special characters) is left for JGit to decode. */
    private static String headerLine(String marker, String value, String path, String prefix) {
        if (value.strip().startsWith("\"")) {
            return marker + value;
        }
        return marker + (path == null ? DEV_NULL : prefix + path);
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

    /** Copies one hunk, counting its body against the header's counts; returns the index after it. */
    private int readHunk(String[] lines, int start) {
        if (current == null) {
            problems.add("line %d: hunk header before any file header".formatted(start + 1));
            return start + 1;
        }
        Matcher m = HUNK_HEADER.matcher(lines[start]);
        if (!m.matches()) {
            problems.add("line %d: malformed hunk header: %s".formatted(start + 1, lines[start]));
            return start + 1;
        }
        out.add(lines[start]);
        int oldLeft = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        int newLeft = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
        int i = start + 1;
        while (i < lines.length && (oldLeft > 0 || newLeft > 0)) {
            String line = lines[i];
            char marker = line.isEmpty() ? ' ' : line.charAt(0);
            if (marker == '\\') {
                out.add(line);
            } else if (marker == ' ' && oldLeft > 0 && newLeft > 0) {
                oldLeft--;
                newLeft--;
                out.add(line.isEmpty() ? " " : line);
            } else if (marker == '-' && oldLeft > 0) {
                oldLeft--;
                out.add(line);
            } else if (marker == '+' && newLeft > 0) {
                newLeft--;
                out.add(line);
            } else {
                break;
            }
            i++;
        }
        if (oldLeft > 0 || newLeft > 0) {
            problems.add("%s: hunk at line %d is truncated: %d old and %d new lines missing"
                    .formatted(current.name(), start + 1, oldLeft, newLeft));
        }
        while (i < lines.length && lines[i].startsWith("\\")) {
            out.add(lines[i]);
            i++;
        }
        current.hunks++;
        return i;
    }

    private void finishFile() {
        if (current == null) {
            return;
        }
        if (current.name() == null) {
            problems.add("file diff names no path");
        } else if (current.hunks == 0 && !current.binary && !current.isPureRenameOrModeChange()) {
            problems.add(current.name() + ": file diff has no hunks");
        }
        current = null;
    }

    /** A {@code ---}/{@code +++} value as a repository path: no timestamp, quotes or given prefix; null for /dev/null. */
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

    /** What is known of the file diff being read. */
    private static final class Section {
        final boolean gitHeader;
        String oldPath;
        String newPath;
        boolean binary;
        boolean sawPaths;
        int hunks;

        Section(boolean gitHeader) {
            this.gitHeader = gitHeader;
        }

        boolean isPureRenameOrModeChange() {
            return gitHeader && !sawPaths;
        }

        /** The path that names this file diff: the new path, or the old one for a deletion; null when neither. */
        String name() {
            return newPath != null ? newPath : oldPath;
        }
    }
}
