package dev.fixpoint.sandbox;

import java.time.Duration;
import java.util.Map;

/**
 * One command to run in a sandbox with {@code sh -c}.
 *
 * @param command shell command line
 * @param timeout wall-time bound; on expiry the command's whole process group is killed
 * @param stdin   bytes fed to the command's standard input (empty = none, stdin is /dev/null)
 * @param env     extra environment for this command only
 * @param workdir working directory, or null for the sandbox's
 */
public record ExecRequest(String command, Duration timeout, byte[] stdin, Map<String, String> env, String workdir) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    public ExecRequest {
        if (command == null || command.isEmpty()) throw new IllegalArgumentException("exec command is empty");
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("exec timeout must be positive, not: " + timeout);
        }
        stdin = stdin == null ? new byte[0] : stdin.clone();
        env = Map.copyOf(env == null ? Map.of() : env);
        if (workdir != null && !workdir.startsWith("/")) {
            throw new IllegalArgumentException("exec workdir must be an absolute path, not: " + workdir);
        }
    }

    public static ExecRequest of(String command, Duration timeout) {
        return new ExecRequest(command, timeout, null, null, null);
    }

    public ExecRequest withStdin(byte[] bytes) { return new ExecRequest(command, timeout, bytes, env, workdir); }
    public ExecRequest withEnv(Map<String, String> e) { return new ExecRequest(command, timeout, stdin, e, workdir); }
    public ExecRequest withWorkdir(String w) { return new ExecRequest(command, timeout, stdin, env, w); }

    @Override
    public byte[] stdin() {
        return stdin.clone();
    }
}
