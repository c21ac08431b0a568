package dev.fixpoint.solver.cli;

import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.git.RepoLocator;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --mirrors} and {@code --cache-dir}: where the commands get repositories from. The same two flags, with one
 * meaning, on every command that checks repositories out.
 */
final class RepoOptions {

    static final String MIRRORS_FILE = "mirrors.json";

    @Option(names = "--mirrors", paramLabel = "FILE",
            description = "mirror map JSON {\"owner/name\": \"path-or-url\"} (default: mirrors.json next to the task file, if any)")
    Path mirrors;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "mirror cache directory (default $FIXPOINT_CACHE/mirrors, else ~/.cache/fixpoint/mirrors)")
    Path cacheDir;

    /** The old spelling of {@code --cache-dir} (eval, env, tasks prepare), kept working. */
    @Option(names = "--cache", paramLabel = "DIR", hidden = true)
    void cache(Path dir) {
        cacheDir = dir;
    }

    /** {@code --mirrors}, else {@code mirrors.json} next to the task file when there is one (null: none). */
    Path mirrors(Path tasksFile) {
        return mirrors != null ? mirrors : sibling(tasksFile);
    }

    /** The mirror cache, fetching through {@link #mirrors(Path)}. */
    RepoCache open(Path tasksFile) {
        return open(cacheDir, mirrors(tasksFile));
    }

    static RepoCache open(Path cacheDir, Path mirrors) {
        RepoLocator locator = mirrors == null ? RepoLocator.direct() : RepoLocator.fromMirrorFile(mirrors);
        return cacheDir == null ? RepoCache.openDefault(locator) : RepoCache.open(cacheDir, locator);
    }

    /** {@code mirrors.json} next to the task file, or null. */
    static Path sibling(Path tasksFile) {
        if (tasksFile == null) return null;
        Path sibling = tasksFile.toAbsolutePath().resolveSibling(MIRRORS_FILE);
        return Files.isRegularFile(sibling) ? sibling : null;
    }
}
