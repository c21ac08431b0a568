package dev.fixpoint.tasks.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A read-only view of a repository's files at one commit, enough to tell how its tests run. Paths are relative,
 * with {@code /} separators; {@code ""} is the root.
 */
public interface RepoTree {

    /** Largest file {@link #read} returns. */
    int MAX_READ_BYTES = 256 * 1024;

    /** Whether {@code path} is a regular file (or a symbolic link). */
    boolean isFile(String path);

    /** Whether {@code path} is a directory. */
    boolean isDirectory(String path);

    /** Names of the entries directly under {@code dir}, sorted; empty when it is not a directory. */
    List<String> list(String dir);

    /** The text of a file of at most {@link #MAX_READ_BYTES}; empty when it is missing or larger. */
    Optional<String> read(String path);

    /** A tree on the local file system (a checkout, or a test fixture). */
    static RepoTree of(Path root) {
        return new RepoTree() {
            @Override
            public boolean isFile(String path) {
                return Files.isRegularFile(root.resolve(path));
            }

            @Override
            public boolean isDirectory(String path) {
                return Files.isDirectory(root.resolve(path));
            }

            @Override
            public List<String> list(String dir) {
                Path d = root.resolve(dir);
                if (!Files.isDirectory(d)) {
                    return List.of();
                }
                try (Stream<Path> s = Files.list(d)) {
                    return s.map(p -> p.getFileName().toString()).sorted().toList();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + d, e);
                }
            }

            @Override
            public Optional<String> read(String path) {
                Path f = root.resolve(path);
                try {
                    if (!Files.isRegularFile(f) || Files.size(f) > MAX_READ_BYTES) {
                        return Optional.empty();
                    }
                    return Optional.of(Files.readString(f, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + f, e);
                }
            }
        };
    }
}
