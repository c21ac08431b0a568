package dev.fixpoint.verifiers.dedup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a file of the base commit (the code every candidate patch applies to), by repository-relative path.
 * Lets de-duplication compare the files as they are after each patch instead of only the patch text. A
 * workspace checkout at the base commit is the usual source; {@link #none()} when there is none.
 */
@FunctionalInterface
public interface BaseFiles {

    /** The file's content at the base commit, or empty if the file does not exist there. */
    Optional<String> read(String path);

    /** No base available: de-duplication falls back to comparing the normalised patch text. */
    static BaseFiles none() {
        return NoBaseFiles.INSTANCE;
    }

    /** Base files held in memory (tests, small pools). */
    static BaseFiles of(Map<String, String> files) {
        Map<String, String> copy = Map.copyOf(files);
        return path -> Optional.ofNullable(copy.get(path));
    }

    /**
     * Base files read from a host directory holding the base commit (a workspace checkout). A path that leaves
     * the directory reads as absent; a file that exists but cannot be read throws.
     */
    static BaseFiles directory(Path root) {
        Path base = root.toAbsolutePath().normalize();
        return path -> {
            Path file = base.resolve(path).normalize();
            if (!file.startsWith(base) || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read base file " + file + ": " + e.getMessage(), e);
            }
        };
    }

    /** Whether this source can read files at all; false only for {@link #none()}. */
    default boolean available() {
        return true;
    }
}
