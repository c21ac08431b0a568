package dev.fixpoint.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The exact-tree check: the repository at a sandbox's workdir must be the task's base commit and nothing else of
 * the repository: HEAD at the base commit and {@code git status --porcelain} empty (files the repository's own
 * ignore rules cover, such as build outputs, are allowed). A stray file of another commit (an environment image
 * built from a checkout of {@code environment_setup_commit}, say) shows to the model in {@code git status} and
 * changes what the tests import, so a violation is an error, never a warning.
 *
 * <p>{@link #script(String)} is a POSIX shell snippet run in the workdir; it prints {@link #MARKER} lines and exits
 * {@link #EXIT} on a violation, 0 otherwise. Its git ignores repository configuration that could hide files or run
 * code (fsmonitor, hooks, untracked cache, a global excludes file), and environment variables that point git
 * elsewhere. It runs once per instance image (when it is baked) and once per grading sandbox (the {@code prepare}
 * phase of {@link EvalScript}); {@link #problem(String)} reads its output. Pure.
 */
public final class TreeCheck {

    /** Exit status of the check on a violation. */
    public static final int EXIT = 13;
    /** Prefix of the check's output lines. */
    static final String MARKER = ">>>>> tree: ";
    /** Prefix of a path line: the porcelain status (two characters), a space, the path. */
    static final String PATH = ">>>>> tree path: ";
    /** Paths listed in the output and in messages. */
    static final int SHOWN = 20;
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{4,40}");
    /** git, immune to repository settings and environment variables that would hide files or run hooks. */
    static final String GIT = "git -c safe.directory='*' -c core.fsmonitor=false -c core.hooksPath=/dev/null"
            + " -c core.untrackedCache=false -c core.excludesFile=/dev/null";

    private TreeCheck() {}

    /**
     * The check of the current directory against {@code baseCommit} (a commit id, full or abbreviated), as a
     * subshell: it neither changes the caller's directory or variables nor exits the caller's shell. A base that is
     * not a commit id makes a check that always fails, saying so.
     */
    public static String script(String baseCommit) {
        String base = baseCommit == null ? "" : baseCommit.strip().toLowerCase(Locale.ROOT);
        if (!COMMIT.matcher(base).matches()) {
            return "( echo '" + MARKER + "the base_commit of the task is not a commit id (4 to 40 hex digits): "
                    + String.valueOf(baseCommit).replaceAll("[^A-Za-z0-9._/ -]", "?") + "'; exit " + EXIT + " )";
        }
        return "( # exact-tree check: the workdir must be commit " + base + " and nothing else\n"
                + "  unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES"
                + " GIT_CEILING_DIRECTORIES GIT_CONFIG_PARAMETERS GIT_CONFIG_COUNT GIT_CONFIG_GLOBAL GIT_CONFIG_SYSTEM\n"
                + "  if ! command -v git >/dev/null 2>&1; then echo '" + MARKER + "git is not installed in the image';"
                + " exit " + EXIT + "; fi\n"
                + "  head=$(" + GIT + " rev-parse --verify -q HEAD 2>&1) || { echo \"" + MARKER
                + "no git repository with a commit at $PWD: $head\" | head -n 3; exit " + EXIT + "; }\n"
                + "  case \"$head\" in " + base + "*) ;; *) echo \"" + MARKER + "HEAD is $head, not the base commit "
                + base + "\"; exit " + EXIT + " ;; esac\n"
                + "  err=\"${TMPDIR:-/tmp}/fixpoint-tree-check.$$\"\n"
                + "  st=$(" + GIT + " status --porcelain=v1 --untracked-files=all --ignored=no 2>\"$err\") || {"
                + " echo \"" + MARKER + "git status failed: $(head -n 3 \"$err\")\"; rm -f \"$err\"; exit " + EXIT + "; }\n"
                + "  rm -f \"$err\"\n"
                + "  if [ -n \"$st\" ]; then\n"
                + "    echo \"" + MARKER + "$(printf '%s\\n' \"$st\" | wc -l) path(s) differ from " + base + "\"\n"
                + "    printf '%s\\n' \"$st\" | head -n " + SHOWN + " | sed 's/^/" + PATH + "/'\n"
                + "    exit " + EXIT + "\n"
                + "  fi\n"
                + ")";
    }

    /**
     * The violation the check's output reports, or empty when it reports none. Names the first {@value #SHOWN}
     * paths with their porcelain status ({@code ??} untracked, {@code  M} modified, {@code  D} deleted) and the count.
     */
    public static Optional<String> problem(String output) {
        List<String> paths = new ArrayList<>();
        String summary = null;
        for (String line : output.split("\r?\n")) {
            if (line.startsWith(PATH)) {
                paths.add(line.substring(PATH.length()));
            } else if (line.startsWith(MARKER) && summary == null) {
                summary = line.substring(MARKER.length()).strip();
            }
        }
        if (summary == null) return Optional.empty();
        if (paths.isEmpty()) return Optional.of("the tree at the workdir is not the base commit's: " + summary);
        return Optional.of("the tree at the workdir is not exactly the base commit's: " + summary + ": "
                + String.join(", ", paths) + (paths.size() >= SHOWN ? ", ..." : "")
                + " (files of another commit, or left by the environment image; rebuild the environment image with"
                + " `fixpoint env build`, whose images hold no source tree, or fix the image named in the spec)");
    }
}
