package dev.fixpoint.tasks.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes plain file trees (no git) for tests; shared with other modules through the test-jar. */
public final class Trees {

    private Trees() {
    }

    /** Writes {@code content} (UTF-8) to {@code root/path}, creating the directories it needs; returns the file. */
    public static Path write(Path root, String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
