package dev.fixpoint.harness;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a unified diff touches and whether it can be a patch at all, before any sandbox starts. Pure.
 */
public final class PatchFiles {

    private static final Pattern GIT_HEADER = Pattern.compile("^diff --git (\"?a/.*?\"?) (\"?b/.*\"?)$");
    private static final Pattern OLD_NEW = Pattern.compile("^(?:---|\\+\\+\\+) (\\S.*?)(?:\t.*)?$");
    private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,(\\d+))? \\+\\d+(?:,(\\d+))? @@.*$");
    private static final Pattern RENAME = Pattern.compile("^(?:rename|copy) (?:from|to) (.+)$");

    private PatchFiles() {}

    /** Repository-relative paths a patch creates, changes, deletes or renames (both names), sorted. */
    public static Set<String> touched(String patch) {
        Set<String> paths = new TreeSet<>();
        String[] lines = patch.split("\r?\n");
        int oldLeft = 0;
        int newLeft = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (oldLeft > 0 || newLeft > 0) { // inside a hunk: its lines are content, not headers
                if (line.startsWith("-")) oldLeft--;
                else if (line.startsWith("+")) newLeft--;
                else if (!line.startsWith("\\")) { oldLeft--; newLeft--; }
                continue;
            }
            Matcher h = HUNK.matcher(line);
            if (h.matches()) {
                oldLeft = h.group(1) == null ? 1 : Integer.parseInt(h.group(1));
                newLeft = h.group(2) == null ? 1 : Integer.parseInt(h.group(2));
                continue;
            }
            Matcher g = GIT_HEADER.matcher(line);
            if (g.matches()) {
                add(paths, g.group(1));
                add(paths, g.group(2));
                continue;
            }
            Matcher r = RENAME.matcher(line);
            if (r.matches()) {
                paths.add(unquote(r.group(1)));
                continue;
            }
            if (line.startsWith("--- ") || line.startsWith("+++ ")) {
                Matcher o = OLD_NEW.matcher(line);
                if (o.matches()) add(paths, o.group(1));
            }
        }
        return paths;
    }

    /**
     * Why a patch cannot be applied by any tool, or empty when it may be: NUL bytes (raw binary content), or no
     * file header ({@code diff --git}, {@code ---}/{@code +++}, or a context diff's {@code ***}) at all.
     * Patches that look fine but do not fit the tree are left to the apply chain, which says why.
     */
    public static Optional<String> malformed(String patch) {
        if (patch.indexOf('\0') >= 0) {
            return Optional.of("malformed patch: it contains NUL bytes (raw binary content, not a diff)");
        }
        boolean header = false;
        for (String line : patch.split("\r?\n")) {
            if (line.startsWith("diff --git ") || line.startsWith("--- ") || line.startsWith("*** ")) {
                header = true;
                break;
            }
        }
        if (!header) {
            return Optional.of("malformed patch: no file header (diff --git, ---/+++) found");
        }
        return Optional.empty();
    }

    private static void add(Set<String> paths, String raw) {
        String p = unquote(raw.strip());
        if (p.equals("/dev/null")) return;
        if (p.startsWith("a/") || p.startsWith("b/")) p = p.substring(2);
        if (!p.isEmpty()) paths.add(p);
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return s;
    }
}
