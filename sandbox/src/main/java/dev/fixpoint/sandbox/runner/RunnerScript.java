package dev.fixpoint.sandbox.runner;

import dev.fixpoint.sandbox.Limits;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How a sandbox's processes are started, whatever runs the container: the main process is {@code keeper.sh}
 * (lifetime bound, reaper, kills the running command on SIGUSR1) and each command runner is {@code runner.sh},
 * loaded through its stdin by a short loader so that ps shows the loader rather than the script.
 */
public final class RunnerScript {

    private static final String SCRIPT_END = "#fixpoint-runner-end";
    /** runner.sh, sent on stdin first (the loader reads it up to SCRIPT_END and evaluates it). */
    public static final byte[] SCRIPT = (Resources.script("runner.sh") + SCRIPT_END + "\n")
            .getBytes(StandardCharsets.UTF_8);
    /** Reads the script from stdin up to SCRIPT_END and evaluates it; $1 is the mode. */
    private static final String LOADER = "s=; while IFS= read -r l; do [ \"$l\" = '" + SCRIPT_END + "' ] && break;"
            + " s=\"$s$l\n\"; done; eval \"$s\"";
    /** Picks the shell: bash gives job control without a tty, else setsid, else no process groups. */
    private static final String BOOT = "m=$1; if [ -z \"$m\" ]; then"
            + " if command -v bash >/dev/null 2>&1; then m=jobctl;"
            + " elif command -v setsid >/dev/null 2>&1; then m=setsid; else m=none; fi; fi;"
            + " if [ \"$m\" = jobctl ]; then exec bash -c \"$0\" fixpoint-runner \"$m\"; fi;"
            + " exec sh -c \"$0\" fixpoint-runner \"$m\"";
    /** The runner's first line on stdout starts with this, followed by "MODE PID". */
    public static final String READY = "fixpoint-runner ready ";
    private static final String KEEPER = Resources.script("keeper.sh");

    private RunnerScript() {}

    /**
     * The runner's command line; send {@link #SCRIPT} on its stdin first.
     *
     * @param forcedMode "jobctl", "setsid" or "none" to override the automatic choice (tests), or null
     */
    public static List<String> runnerCommand(String forcedMode) {
        return List.of("sh", "-c", BOOT, LOADER, forcedMode == null ? "" : forcedMode);
    }

    /** The container's main process: the keeper, ending the container after the limits' lifetime. */
    public static List<String> keeperCommand(Limits limits) {
        long lifetimeSeconds = Math.max(1, (limits.lifetime().toMillis() + 999) / 1000);
        return List.of("sh", "-c", KEEPER, "fixpoint-keeper", Long.toString(lifetimeSeconds));
    }
}
