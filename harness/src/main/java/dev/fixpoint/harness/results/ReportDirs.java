package dev.fixpoint.harness.results;

import dev.fixpoint.tasks.env.EnvironmentSpec;
import java.util.List;

/**
 * Where a task's JUnit XML reports are inside its sandbox: {@link EnvironmentSpec#reportsDir()} is one directory or
 * a glob naming several ({@code **}{@code /target/surefire-reports}: every Maven module's). The directories are
 * found by a shell command in the sandbox, after the tests ran.
 */
public final class ReportDirs {

    private ReportDirs() {}

    /** Whether {@code reportsDir} is a glob rather than one directory. */
    public static boolean isPattern(String reportsDir) {
        return reportsDir.contains("*") || reportsDir.contains("?") || reportsDir.contains("[");
    }

    /** The reports directory or pattern as an absolute path in the sandbox. */
    static String absolute(EnvironmentSpec env) {
        String r = env.reportsDir();
        return r.startsWith("/") ? r : env.workdir().replaceAll("/+$", "") + "/" + r.replaceAll("^(\\./)+", "");
    }

    /**
     * A shell command printing every existing reports directory of {@code env}, absolute, one per line (nothing when
     * there is none or the task has no reports directory). {@code .git} directories are not searched.
     */
    public static String findCommand(EnvironmentSpec env) {
        if (env.reportsDir() == null || env.reportsDir().isBlank()) {
            return "true";
        }
        String path = absolute(env);
        if (!isPattern(path)) {
            return "if [ -d " + q(path) + " ]; then echo " + q(path) + "; fi";
        }
        String root = path.substring(0, path.lastIndexOf('/', firstWildcard(path)));
        String rest = path.substring(root.length() + 1);
        // find's -path matches * across '/', so ** is *; a leading **/ may also match no directory at all.
        List<String> patterns = rest.startsWith("**/")
                ? List.of(root + "/" + rest.substring(3).replace("**", "*"), root + "/*/" + rest.substring(3).replace("**", "*"))
                : List.of(root + "/" + rest.replace("**", "*"));
        StringBuilder s = new StringBuilder("find ").append(q(root.isEmpty() ? "/" : root))
                .append(" -name .git -prune -o -type d \\(");
        for (int i = 0; i < patterns.size(); i++) {
            s.append(i == 0 ? " -path " : " -o -path ").append(q(patterns.get(i)));
        }
        return s.append(" \\) -print -prune 2>/dev/null | sort").toString();
    }

    /** A shell command removing every reports directory of {@code env} (before tests run, so none is stale). */
    public static String removeCommand(EnvironmentSpec env) {
        if (env.reportsDir() == null || env.reportsDir().isBlank()) {
            return "true";
        }
        if (!isPattern(env.reportsDir())) {
            return "rm -rf -- " + q(env.reportsDir());
        }
        return findCommand(env) + " | while IFS= read -r d; do rm -rf -- \"$d\"; done";
    }

    /**
     * Where a report found in {@code dir} is saved, relative to the results directory: its name alone for a single
     * reports directory, prefixed with the directory's path relative to the workdir for a pattern (two modules'
     * {@code TEST-a.Test.xml} stay apart).
     */
    public static String savedName(EnvironmentSpec env, String dir, String file) {
        if (!isPattern(env.reportsDir())) {
            return file;
        }
        String workdir = env.workdir().replaceAll("/+$", "") + "/";
        String rel = dir.startsWith(workdir) ? dir.substring(workdir.length()) : dir.replaceAll("^/+", "");
        return rel + "/" + file;
    }

    private static int firstWildcard(String path) {
        int at = path.length();
        for (char c : new char[] {'*', '?', '['}) {
            int i = path.indexOf(c);
            if (i >= 0 && i < at) {
                at = i;
            }
        }
        return at;
    }

    private static String q(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
