package dev.fixpoint.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A live, isolated place to run untrusted commands. Thread-safe for sequential use by one owner; {@link #exec}
 * calls may come from one thread at a time. {@link #close()} removes it and is idempotent.
 */
public interface Sandbox extends AutoCloseable {

    /** Container (or pod) id, for logs and error messages. */
    String id();

    SandboxSpec spec();

    /** Runs a command; a failing command is a result, only infrastructure failures throw {@link SandboxException}. */
    ExecResult exec(ExecRequest request);

    default ExecResult exec(String command, Duration timeout) {
        return exec(ExecRequest.of(command, timeout));
    }

    /** Reads a file (absolute, or relative to the workdir). Throws {@link SandboxException} if it is missing. */
    byte[] readFile(String path);

    /** Writes a file, creating parent directories; replaces an existing file. */
    void writeFile(String path, byte[] content);

    /** Copies a host directory tree's contents into {@code containerDir} (created if missing). */
    void copyIn(Path hostDir, String containerDir);

    /** Copies the contents of {@code containerDir} into {@code hostDir} (created if missing). */
    void copyOut(String containerDir, Path hostDir);

    /** Regular files under {@code dir}, as paths relative to it, sorted. */
    List<String> listFiles(String dir);

    @Override
    void close();
}
