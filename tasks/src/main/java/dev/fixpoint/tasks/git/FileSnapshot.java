package dev.fixpoint.tasks.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The bytes and permissions of a few files (or their absence), to put back when a patch fails half-way. */
final class FileSnapshot {

    private record Saved(Path path, byte[] content, Set<PosixFilePermission> permissions) {}

    private final List<Saved> saved;

    private FileSnapshot(List<Saved> saved) {
        this.saved = saved;
    }

    static FileSnapshot take(Path root, Collection<String> paths) throws IOException {
        List<Saved> saved = new ArrayList<>();
        for (String relative : paths) {
            Path path = root.resolve(relative);
            if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                saved.add(new Saved(path, Files.readAllBytes(path), Files.getPosixFilePermissions(path)));
            } else {
                saved.add(new Saved(path, null, null));
            }
        }
        return new FileSnapshot(saved);
    }

    void restore() throws IOException {
        for (Saved s : saved) {
            if (s.content() == null) {
                if (Files.isRegularFile(s.path(), LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(s.path());
                }
            } else {
                Files.createDirectories(s.path().getParent());
                Files.write(s.path(), s.content());
                Files.setPosixFilePermissions(s.path(), s.permissions());
            }
        }
    }
}
