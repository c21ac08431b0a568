package dev.fixpoint.solver.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the bundled sample tasks and their scripted sessions are. */
public final class Samples {

    public static final Path DIR = locate();
    public static final Path TASKS = DIR.resolve("tasks.jsonl");
    public static final Path MIRRORS = DIR.resolve("mirrors.json");
    public static final Path SCRIPTS = DIR.resolve("scripts");

    private Samples() {}

    private static Path locate() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("tasks/samples/tasks.jsonl"))) return p.resolve("tasks/samples");
        }
        throw new IllegalStateException("tasks/samples not found above " + Path.of("").toAbsolutePath());
    }
}
