package dev.fixpoint.sandbox;

import java.time.Duration;

/**
 * Resource bounds of one sandbox. Every bound is always set: hostile code runs here.
 *
 * @param memoryBytes    memory (and memory+swap) of the container
 * @param cpus           CPU share, e.g. 1.0 = one core
 * @param pids           processes and threads alive at once
 * @param outputBytes    stdout and stderr kept per exec, each; the rest is dropped and the result flagged truncated
 * @param lifetime       wall time after which the container is removed even if never closed
 * @param diskBytes      bytes a sandbox's files may take: no file grows past it (file-size limit), and a command that
 *                       takes the whole writable layer past it is stopped within a second (Docker: see DiskWatch)
 */
public record Limits(long memoryBytes, double cpus, int pids, long outputBytes, Duration lifetime, long diskBytes) {

    public static final Limits DEFAULT = new Limits(
            2L << 30, 1.0, 512, 1L << 20, Duration.ofHours(2), 4L << 30);

    public Limits {
        if (memoryBytes < 16L << 20) throw new IllegalArgumentException("memory limit below 16 MiB: " + memoryBytes);
        if (!(cpus > 0)) throw new IllegalArgumentException("cpus must be positive: " + cpus);
        if (pids < 8) throw new IllegalArgumentException("pids limit below 8: " + pids);
        if (outputBytes < 1024) throw new IllegalArgumentException("output cap below 1 KiB: " + outputBytes);
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive: " + lifetime);
        }
        if (diskBytes < 1L << 20) throw new IllegalArgumentException("disk limit below 1 MiB: " + diskBytes);
    }

    public Limits withMemoryBytes(long v) { return new Limits(v, cpus, pids, outputBytes, lifetime, diskBytes); }
    public Limits withCpus(double v) { return new Limits(memoryBytes, v, pids, outputBytes, lifetime, diskBytes); }
    public Limits withPids(int v) { return new Limits(memoryBytes, cpus, v, outputBytes, lifetime, diskBytes); }
    public Limits withOutputBytes(long v) { return new Limits(memoryBytes, cpus, pids, v, lifetime, diskBytes); }
    public Limits withLifetime(Duration v) { return new Limits(memoryBytes, cpus, pids, outputBytes, v, diskBytes); }
    public Limits withDiskBytes(long v) { return new Limits(memoryBytes, cpus, pids, outputBytes, lifetime, v); }
}
