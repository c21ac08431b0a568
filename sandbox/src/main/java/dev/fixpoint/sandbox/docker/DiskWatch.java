package dev.fixpoint.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import java.time.Duration;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The disk bound of a whole sandbox. overlay2 on ext4 (the common case) cannot cap a container's writable layer,
 * and the file-size limit bounds one file at a time; so the size of the writable layer, as the daemon reports it,
 * is checked every {@link #interval()} while a command runs and once after it (after a short command only when an
 * interval has passed since the last check).
 * A command that takes the layer over the limit is stopped at the next check: the bound holds within what a
 * command writes in one interval. A check costs the daemon a walk of the layer (a few ms for the changes a
 * rollout makes on an instance image; ~0.5 s for 30,000 files).
 */
final class DiskWatch {

    private static final Logger LOG = LoggerFactory.getLogger(DiskWatch.class);
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private final DockerClient docker;
    private final String id;
    private final long limitBytes;
    private final Duration interval;
    private long lastCheck = System.nanoTime();

    DiskWatch(DockerClient docker, String id, long limitBytes, Duration interval) {
        this.docker = docker;
        this.id = id;
        this.limitBytes = limitBytes;
        this.interval = interval;
    }

    Duration interval() {
        return interval;
    }

    long limitBytes() {
        return limitBytes;
    }

    /** The layer's size when it is over the limit now; empty when under it or when the daemon cannot tell. */
    OptionalLong over() {
        lastCheck = System.nanoTime();
        Long used;
        try {
            used = docker.inspectContainerCmd(id).withSize(true).exec().getSizeRw();
        } catch (DockerException e) {
            LOG.warn("{}: cannot read the size of the writable layer, disk limit not checked this time: {}",
                    ContainerLauncher.shortId(id), e.toString());
            return OptionalLong.empty();
        }
        return used != null && used > limitBytes ? OptionalLong.of(used) : OptionalLong.empty();
    }

    /**
     * The check after a command that started at {@code startNanos}: done when the command was checked while it ran
     * (so what it wrote since is seen) or when an interval has passed since the last check; else empty.
     */
    OptionalLong overAfter(long startNanos) {
        long now = System.nanoTime();
        boolean checkedDuring = lastCheck - startNanos >= 0;
        return checkedDuring || now - lastCheck >= interval.toNanos() ? over() : OptionalLong.empty();
    }

    /** The note for the command's stderr; {@code stopped}: the command was killed, else it had ended. */
    String message(long used, boolean stopped) {
        return "fixpoint: the sandbox's files take " + used + " bytes, over its disk limit of " + limitBytes + " bytes"
                + (stopped ? ": the command was stopped" : "") + "; delete files to go on\n";
    }
}
