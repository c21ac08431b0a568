package dev.fixpoint.sandbox.runner;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The shell commands and small steps a runner-backed sandbox uses for files, paths and kills, whatever runs it. */
public final class RunnerCommands {

    /** Output cap of commands whose whole output is the result (file reads, listings, tar streams). */
    public static final long RAW_CAP = Integer.MAX_VALUE - 64;

    private RunnerCommands() {}

    /** Prints the file. */
    public static String readFile(String path) {
        return "cat -- " + RunnerProtocol.quote(path);
    }

    /** Writes stdin to the file, creating its directory. */
    public static String writeFile(String path) {
        int slash = path.lastIndexOf('/');
        String parent = slash > 0 ? path.substring(0, slash) : null;
        return (parent == null ? "" : "[ -d " + RunnerProtocol.quote(parent) + " ] || mkdir -p -- "
                + RunnerProtocol.quote(parent) + " && ") + "cat > " + RunnerProtocol.quote(path);
    }

    /** NUL-separated regular files under dir, "./"-prefixed; exit 127 when the image has no find. */
    public static String listFiles(String dir) {
        return "cd -- " + RunnerProtocol.quote(dir) + " || exit 2; command -v find >/dev/null || exit 127;"
                + " find . -type f -print0";
    }

    /** The output of {@link #listFiles}, as relative paths (unsorted). */
    public static List<String> parseFileList(byte[] stdout) {
        List<String> files = new ArrayList<>();
        for (String f : new String(stdout, StandardCharsets.UTF_8).split("\0")) {
            if (!f.isEmpty()) files.add(f.startsWith("./") ? f.substring(2) : f);
        }
        return files;
    }

    /** A one-off command killing the process group (and the process) {@code pid}. */
    public static List<String> killGroup(long pid) {
        return List.of("sh", "-c", "kill -9 -" + pid + " 2>/dev/null; kill -9 " + pid + " 2>/dev/null; true");
    }

    /** The command's process group id as the runner reported it, or -1. */
    public static long pid(PendingExec p) {
        return p.pid.isDone() && !p.pid.isCompletedExceptionally() ? p.pid.join() : -1;
    }

    /** Waits up to {@code d} for the command to end; true if it ended (or its runner is gone, taking it along). */
    public static boolean await(PendingExec p, Duration d) throws InterruptedException {
        try {
            p.done.get(d.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true; // runner gone (a "none"-mode kill takes it along): the command is gone too
        }
    }

    /** {@code dir} made absolute against {@code workdir}, without a trailing slash. */
    public static String absolute(String workdir, String dir) {
        String d = dir.startsWith("/") ? dir : (workdir.endsWith("/") ? workdir : workdir + "/") + dir;
        return d.length() > 1 && d.endsWith("/") ? d.substring(0, d.length() - 1) : d;
    }

    /** A command for a log line: one line, at most 80 characters, quoted. */
    public static String abbreviate(String command) {
        String c = command.strip().replace('\n', ' ');
        return c.length() <= 80 ? "'" + c + "'" : "'" + c.substring(0, 77) + "...'";
    }

    /** Checks a forced runner mode: "jobctl", "setsid", "none", or null for the automatic choice. */
    public static String requireMode(String v) {
        if (v != null && !List.of("jobctl", "setsid", "none").contains(v)) {
            throw new IllegalArgumentException("not a runner mode: " + v);
        }
        return v;
    }
}
