package dev.fixpoint.agent.tool;

import dev.fixpoint.sandbox.Sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a tool call may use: the rollout's sandbox and where things are in it. Tools keep no state of their own;
 * what must survive between calls (undo copies) lives in the sandbox under {@code stateDir}.
 *
 * @param sandbox  the rollout's sandbox
 * @param workdir  absolute path of the repository in the sandbox; relative paths are resolved against it
 * @param stateDir absolute sandbox directory for tool bookkeeping, outside the repository
 * @param deadline the rollout's wall-time limit: commands get at most the time left
 * @param clock    the rollout's clock
 * @param baseCommit the commit the task starts from, which the submit review diffs against ({@code HEAD} when not given)
 */
public record ToolContext(Sandbox sandbox, String workdir, String stateDir, Instant deadline, Clock clock, String baseCommit) {

    public static final String DEFAULT_STATE_DIR = "/tmp/.fixpoint-agent";

    public ToolContext {
        Objects.requireNonNull(sandbox, "sandbox");
        if (workdir == null || !workdir.startsWith("/")) throw new IllegalArgumentException("workdir must be absolute: " + workdir);
        if (stateDir == null || !stateDir.startsWith("/")) throw new IllegalArgumentException("stateDir must be absolute: " + stateDir);
        deadline = deadline == null ? Instant.MAX : deadline;
        clock = clock == null ? Clock.systemUTC() : clock;
        baseCommit = baseCommit == null || baseCommit.isBlank() ? "HEAD" : baseCommit;
    }

    /** A context without a known base commit: the submit review diffs against {@code HEAD}. */
    public ToolContext(Sandbox sandbox, String workdir, String stateDir, Instant deadline, Clock clock) {
        this(sandbox, workdir, stateDir, deadline, clock, null);
    }

    /** This context with the task's base commit. */
    public ToolContext withBaseCommit(String commit) {
        return new ToolContext(sandbox, workdir, stateDir, deadline, clock, commit);
    }

    public static ToolContext of(Sandbox sandbox, String workdir) {
        return new ToolContext(sandbox, workdir, DEFAULT_STATE_DIR, null, null);
    }

    /** A sandbox path for a path the model gave: absolute as is, else relative to the workdir. */
    public String resolve(String path) {
        if (path == null || path.isBlank() || path.equals(".")) return workdir;
        if (path.startsWith("/")) return path;
        String rel = path.startsWith("./") ? path.substring(2) : path;
        return workdir.endsWith("/") ? workdir + rel : workdir + "/" + rel;
    }

    /** A path for showing to the model: relative to the workdir when inside it. */
    public String display(String absolute) {
        if (absolute.equals(workdir) || absolute.equals(workdir + "/")) return ".";
        return Text.below(workdir, absolute);
    }

    /** {@code wanted}, shortened to the time left before the deadline (at least one second). */
    public Duration boundedTimeout(Duration wanted) {
        if (deadline.equals(Instant.MAX)) return wanted;
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.compareTo(Duration.ofSeconds(1)) < 0) return Duration.ofSeconds(1);
        return left.compareTo(wanted) < 0 ? left : wanted;
    }
}
