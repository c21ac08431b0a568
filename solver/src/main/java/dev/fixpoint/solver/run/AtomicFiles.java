package dev.fixpoint.solver.run;

import dev.fixpoint.models.Redactor;
import dev.fixpoint.solver.SolverException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Crash-safe writes: a file is either its old content or its new one, never half of it. The one writer of a run's
 * files (run report, selection reports, candidates, patches, predictions, the HTML page): every text passes through
 * the process's {@link Redactor} first, so no secret Fixpoint knows reaches a file.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** Writes {@code text} to a temporary sibling, forces it to disk, then renames it over {@code file}. */
    public static void write(Path file, String text) {
        text = Redactor.forProcess().redact(text);
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new SolverException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends one line and forces it to disk before returning. */
    public static void appendLine(Path file, String line) {
        if (line.indexOf('\n') >= 0) throw new IllegalArgumentException("not one line: " + line);
        line = Redactor.forProcess().redact(line);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        } catch (IOException e) {
            throw new SolverException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }
}
