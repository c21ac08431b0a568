package dev.fixpoint.agent.tool;

import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's Java files by package, as the sandbox holds them now: one exec lists every .java file (build
 * output, .git and node_modules skipped) with its {@code package} line, into a file of the state directory that is
 * read back as a file (no exec output cap). A top-level type is taken to live in the file of its name, as javac wants
 * of public types; its content is read only when a check needs it.
 */
final class JavaSourceIndex {

    private static final Pattern LINE = Pattern.compile("^\\./(.+/)?([A-Za-z_$][\\w$]*)\\.java:\\s*package\\s+([\\w.\\s]+?)\\s*;.*$");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, Map<String, String>> byPackage;

    private JavaSourceIndex(Map<String, Map<String, String>> byPackage) {
        this.byPackage = byPackage;
    }

    /** Lists the repository at the context's workdir; empty when the listing failed (the check is then skipped). */
    static Optional<JavaSourceIndex> read(ToolContext ctx) {
        String out = ctx.stateDir() + "/java-packages";
        String command = "mkdir -p " + Text.quote(ctx.stateDir()) + " && find . \\( -name .git -o -name target -o -name build "
                + "-o -name node_modules -o -name .gradle \\) -prune -o -type f -name '*.java' -print0 "
                + "| xargs -0 -r grep -H -m1 -E '^[[:space:]]*package[[:space:]]' > " + Text.quote(out) + "; echo done";
        ExecResult r = ctx.sandbox().exec(ExecRequest.of(command, ctx.boundedTimeout(TIMEOUT)).withWorkdir(ctx.workdir()));
        if (!r.ok() || r.timedOut()) return Optional.empty();
        var byPackage = new HashMap<String, Map<String, String>>();
        for (String line : new String(ctx.sandbox().readFile(out), StandardCharsets.UTF_8).split("\n")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) continue;
            String dir = m.group(1) == null ? "" : m.group(1);
            String pkg = m.group(3).replaceAll("\\s+", "");
            byPackage.computeIfAbsent(pkg, k -> new HashMap<>()).putIfAbsent(m.group(2), dir + m.group(2) + ".java");
        }
        return Optional.of(new JavaSourceIndex(byPackage));
    }

    static JavaSourceIndex of(Map<String, Map<String, String>> byPackage) {
        return new JavaSourceIndex(byPackage);
    }

    /** The file (relative to the workdir) of top-level type {@code simpleName} of {@code pkg}, if the repository has one. */
    Optional<String> file(String pkg, String simpleName) {
        return Optional.ofNullable(byPackage.getOrDefault(pkg, Map.of()).get(simpleName));
    }

    /** Whether the repository has sources in package {@code pkg}. */
    boolean hasPackage(String pkg) {
        return byPackage.containsKey(pkg);
    }

    /** Whether {@code name} is a package of the repository or the start of one ({@code com.google} of {@code com.google.gson}). */
    boolean isPackageOrPrefix(String name) {
        if (byPackage.containsKey(name)) return true;
        String prefix = name + ".";
        return byPackage.keySet().stream().anyMatch(p -> p.startsWith(prefix));
    }
}
