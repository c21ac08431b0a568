package dev.fixpoint.agent.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Test helper: a unified diff read as per-file hunks (old text, new text), to script the edit tool with. */
public final class GoldPatch {

    public record Hunk(String oldText, String newText) {}

    public record FilePatch(String path, boolean created, List<Hunk> hunks) {}

    private GoldPatch() {}

    public static List<FilePatch> parse(String diff) {
        var files = new ArrayList<FilePatch>();
        String path = null;
        boolean created = false;
        List<Hunk> hunks = null;
        StringBuilder oldText = null, newText = null;
        String text = diff.endsWith("\n") ? diff.substring(0, diff.length() - 1) : diff;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("diff --git ")) {
                flush(hunks, oldText, newText);
                oldText = newText = null;
                if (path != null) files.add(new FilePatch(path, created, hunks));
                path = line.substring(line.indexOf(" b/") + 3);
                created = false;
                hunks = new ArrayList<>();
            } else if (line.startsWith("--- /dev/null")) {
                created = true;
            } else if (line.startsWith("--- ") || line.startsWith("+++ ") || line.startsWith("index ") || line.startsWith("new file mode")) {
                continue;
            } else if (line.startsWith("@@")) {
                flush(hunks, oldText, newText);
                oldText = new StringBuilder();
                newText = new StringBuilder();
            } else if (oldText != null && !line.startsWith("\\")) {
                if (line.startsWith(" ") || line.isEmpty()) {
                    String body = line.isEmpty() ? "" : line.substring(1);
                    oldText.append(body).append('\n');
                    newText.append(body).append('\n');
                } else if (line.startsWith("-")) {
                    oldText.append(line.substring(1)).append('\n');
                } else if (line.startsWith("+")) {
                    newText.append(line.substring(1)).append('\n');
                }
            }
        }
        flush(hunks, oldText, newText);
        if (path != null) files.add(new FilePatch(path, created, hunks));
        return files;
    }

    private static void flush(List<Hunk> hunks, StringBuilder oldText, StringBuilder newText) {
        if (hunks != null && oldText != null) {
            hunks.add(new Hunk(oldText.toString(), newText.toString()));
        }
    }

    /** Paths a diff touches, in order. */
    public static Set<String> files(String diff) {
        var out = new LinkedHashSet<String>();
        for (String line : diff.split("\n")) {
            if (line.startsWith("diff --git ")) out.add(line.substring(line.indexOf(" b/") + 3));
        }
        return out;
    }
}
