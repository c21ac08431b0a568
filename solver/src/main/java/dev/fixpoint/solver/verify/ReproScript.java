package dev.fixpoint.solver.verify;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A reproduction test: a file the agent wrote to show the issue (or a generated one), run alone. Scripts with the
 * same content are one script.
 *
 * @param path    repository-relative path it is written to
 * @param content its text
 * @param source  where it came from, e.g. {@code rollout-2}
 */
public record ReproScript(String path, String content, String source) {

    public ReproScript {
        Objects.requireNonNull(path, "path");
        content = content == null ? "" : content;
        source = source == null ? "" : source;
        if (path.startsWith("/") || path.contains("..")) throw new IllegalArgumentException("reproduction path must be relative: " + path);
    }

    /** Content hash: the script's identity. */
    public String key() {
        return InstancePreparer.sha(path + "\n" + content).substring(0, 16);
    }

    /** The shell command that runs it from the repository root, or empty when its kind is not runnable. */
    public Optional<String> command() {
        String q = "'" + path.replace("'", "'\\''") + "'";
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".py")) return Optional.of("python3 " + q);
        if (lower.endsWith(".sh")) return Optional.of("sh " + q);
        if (lower.endsWith(".java")) {
            // Compile the main sources (Maven/Gradle layout), then run the script with Java's single-file launcher.
            return Optional.of("rm -rf /tmp/fp-repro && mkdir -p /tmp/fp-repro && "
                    + "javac -nowarn -encoding UTF-8 -d /tmp/fp-repro $(find . -path '*/src/main/java/*' -name '*.java') && "
                    + "java -cp /tmp/fp-repro " + q);
        }
        return Optional.empty();
    }

    /** Output showing the script failed for a reason unrelated to the issue (it does not even load). */
    static boolean brokenScript(String output) {
        return output.contains("SyntaxError") || output.contains("IndentationError") || output.contains("ModuleNotFoundError")
                || output.contains("ImportError") || output.contains("error: compilation failed")
                || output.matches("(?s).*\\.java:\\d+: error:.*");
    }
}
