package dev.fixpoint.tasks.layout;

import dev.fixpoint.tasks.TaskException;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The files of a checkout that belong to the repository's code: hidden directories ({@code .git}, {@code .tox},
 * ...), caches and build output ({@code __pycache__}, {@code node_modules}, {@code *.egg-info}, and {@code build},
 * {@code dist} or {@code target} unless it is a Python package) are skipped.
 */
public final class RepoFiles {

    private static final Set<String> CACHES = Set.of("__pycache__", "node_modules");
    private static final Set<String> BUILD_OUTPUT = Set.of("build", "dist", "target");

    private RepoFiles() {}

    /** Relative paths ({@code /} separators) of the regular files under {@code root}, sorted. */
    public static List<String> list(Path root) {
        if (!Files.isDirectory(root)) throw new TaskException("cannot list repository files: not a directory: " + root);
        List<String> out = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(root) || !skipped(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) out.add(root.relativize(file).toString().replace('\\', '/'));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new TaskException("cannot list repository files under " + root + ": " + e.getMessage(), e);
        }
        Collections.sort(out);
        return List.copyOf(out);
    }

    /** Whether a directory is left out: hidden, a cache, or build output (not a Python package of that name). */
    static boolean skipped(Path dir) {
        String name = dir.getFileName().toString();
        if (name.startsWith(".") || CACHES.contains(name) || name.endsWith(".egg-info")) return true;
        return BUILD_OUTPUT.contains(name) && !Files.isRegularFile(dir.resolve("__init__.py"));
    }
}
