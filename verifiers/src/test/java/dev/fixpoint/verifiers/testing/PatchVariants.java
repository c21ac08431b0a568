package dev.fixpoint.verifiers.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mechanical rewrites of a unified diff for building candidate pools: variants that make the same change in
 * another form, and a stale copy that no longer applies. Hunk headers are recomputed, so the results are valid
 * diffs. Comment syntax follows the file's extension ({@code #} for Python, {@code //} otherwise).
 */
public final class PatchVariants {

    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@(.*)$");

    private static final Pattern CODE_END = Pattern.compile("[):;{}]$");

    private PatchVariants() {
    }

    /** Adds a comment line, indented like the code it precedes, before the first added line of every hunk. */
    public static String commented(String patch, String comment) {
        return rewriteHunks(patch, (path, body) -> {
            List<String> out = new ArrayList<>();
            boolean done = false;
            for (String line : body) {
                if (!done && line.startsWith("+") && !line.substring(1).isBlank()) {
                    String code = line.substring(1);
                    String indent = code.substring(0, code.length() - code.stripLeading().length());
                    out.add("+" + indent + commentPrefix(path) + " " + comment);
                    done = true;
                }
                out.add(line);
            }
            return out;
        });
    }

    /**
     * Adds trailing spaces to the added lines that end like code ({@code ) : ; { }}; not text that may sit in a
     * string) and a blank added line after each hunk's last added line.
     */
    public static String respaced(String patch) {
        return rewriteHunks(patch, (path, body) -> {
            int last = -1;
            for (int i = 0; i < body.size(); i++) {
                if (body.get(i).startsWith("+")) {
                    last = i;
                }
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < body.size(); i++) {
                String line = body.get(i);
                out.add(line.startsWith("+") && CODE_END.matcher(line).find() ? line + "  " : line);
                if (i == last) {
                    out.add("+");
                }
            }
            return out;
        });
    }

    /** The same patch made against other code: every removed line differs, so no hunk applies, not even with fuzz. */
    public static String stale(String patch) {
        if (patch.lines().noneMatch(l -> l.startsWith("-") && !l.startsWith("---"))) {
            throw new IllegalArgumentException("a patch without removed lines cannot be made stale this way");
        }
        return rewriteHunks(patch, (path, body) -> body.stream()
                .map(l -> l.startsWith("-") ? l + " " + commentPrefix(path) + " stale" : l).toList());
    }

    private static String commentPrefix(String path) {
        return path.endsWith(".py") || path.endsWith(".sh") ? "#" : "//";
    }

    /** A rewrite of one hunk's body lines, given the file's path. */
    private interface HunkRewrite {
        List<String> apply(String path, List<String> body);
    }

    private static String rewriteHunks(String patch, HunkRewrite rewrite) {
        List<String> lines = patch.lines().toList();
        StringBuilder out = new StringBuilder();
        String path = "";
        int shift = 0;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.startsWith("+++ ")) {
                path = line.substring(4).replaceFirst("^b/", "");
                shift = 0;
            }
            Matcher m = HUNK.matcher(line);
            if (!m.matches()) {
                out.append(line).append('\n');
                i++;
                continue;
            }
            int oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            int newCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
            List<String> body = new ArrayList<>();
            int oldSeen = 0;
            int newSeen = 0;
            i++;
            while (i < lines.size() && (oldSeen < oldCount || newSeen < newCount || lines.get(i).startsWith("\\"))) {
                String b = lines.get(i++);
                body.add(b);
                if (b.startsWith("\\")) {
                    continue;
                }
                char c = b.isEmpty() ? ' ' : b.charAt(0);
                oldSeen += c == '+' ? 0 : 1;
                newSeen += c == '-' ? 0 : 1;
            }
            List<String> rewritten = rewrite.apply(path, body);
            int newLines = (int) rewritten.stream().filter(b -> !b.startsWith("-") && !b.startsWith("\\")).count();
            int oldLines = (int) rewritten.stream().filter(b -> !b.startsWith("+") && !b.startsWith("\\")).count();
            int newStart = Integer.parseInt(m.group(3)) + shift;
            out.append("@@ -").append(m.group(1)).append(',').append(oldLines).append(" +").append(newStart).append(',')
                    .append(newLines).append(" @@").append(m.group(5)).append('\n');
            rewritten.forEach(b -> out.append(b).append('\n'));
            shift += newLines - newCount;
        }
        return out.toString();
    }
}
