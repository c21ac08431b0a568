package dev.fixpoint.sandbox;

import java.time.Duration;

/**
 * What a command did. A command that failed, timed out or was killed is a result, not an exception.
 *
 * @param exitCode  the command's exit status; 128+N when killed by signal N; -1 when it timed out
 * @param stdout    standard output (UTF-8, invalid bytes replaced), at most the sandbox's output cap
 * @param stderr    standard error, likewise
 * @param duration  wall time of the command as measured around it
 * @param timedOut  the timeout expired and the process group was killed
 * @param truncated stdout or stderr went over the cap; the excess was dropped
 * @param oomKilled the kernel's OOM killer ended a process of this command (memory limit)
 * @param diskFull  the sandbox's files went over its disk limit during or by this command (stderr says how far)
 */
public record ExecResult(int exitCode, String stdout, String stderr, Duration duration,
                         boolean timedOut, boolean truncated, boolean oomKilled, boolean diskFull) {

    public ExecResult {
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
        duration = duration == null ? Duration.ZERO : duration;
    }

    /** A result within the disk limit. */
    public ExecResult(int exitCode, String stdout, String stderr, Duration duration,
                      boolean timedOut, boolean truncated, boolean oomKilled) {
        this(exitCode, stdout, stderr, duration, timedOut, truncated, oomKilled, false);
    }

    public boolean ok() {
        return exitCode == 0 && !timedOut;
    }

    /** stdout then stderr, for showing to a model or a person. */
    public String combined() {
        if (stderr.isEmpty()) return stdout;
        if (stdout.isEmpty()) return stderr;
        return stdout.endsWith("\n") ? stdout + stderr : stdout + "\n" + stderr;
    }
}
