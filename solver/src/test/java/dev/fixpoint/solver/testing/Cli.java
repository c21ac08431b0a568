package dev.fixpoint.solver.testing;

import dev.fixpoint.solver.cli.Main;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the CLI in a child JVM (own environment, killable), with this test JVM's classpath. */
public final class Cli {

    /** What a finished child printed. */
    public record Run(int exit, String stdout, String stderr) {}

    private Cli() {}

    public static Process start(Path logDir, Map<String, String> env, String... args) throws IOException {
        return start(logDir, env, null, args);
    }

    /** @param stdin the file the child reads as its standard input, or null for none (an empty pipe) */
    public static Process start(Path logDir, Map<String, String> env, Path stdin, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        Files.createDirectories(logDir);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(logDir.resolve("stdout.txt").toFile())
                .redirectError(logDir.resolve("stderr.txt").toFile());
        if (stdin != null) pb.redirectInput(stdin.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    public static Run run(Path logDir, Map<String, String> env, Duration timeout, String... args) throws Exception {
        return runWithInput(logDir, env, timeout, null, args);
    }

    /** {@link #run} with {@code stdin} (a file, or null) as the child's standard input. */
    public static Run runWithInput(Path logDir, Map<String, String> env, Duration timeout, Path stdin, String... args) throws Exception {
        Process p = start(logDir, env, stdin, args);
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("fixpoint " + String.join(" ", args) + " did not finish in " + timeout + "; stderr: "
                    + Files.readString(logDir.resolve("stderr.txt")));
        }
        return new Run(p.exitValue(), Files.readString(logDir.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(logDir.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

}
