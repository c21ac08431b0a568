package dev.fixpoint.tasks.git;

import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.TaskException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks, before any work starts, that every repository a list of tasks names can be reached: each distinct repo's
 * mirror is created or found through the {@link RepoCache}, with one fetch for every base and environment setup
 * commit its tasks name ({@link RepoCache#prepareCommits}; from a source that cannot serve a full fetch, such as a
 * partial clone, exactly those commits are fetched by id). A repo that is reached but lacks one task's commit is not
 * a preflight failure (that task fails alone, later).
 */
public final class RepoPreflight {

    private static final int PARALLEL = 4;

    private RepoPreflight() {}

    /**
     * A repo that could not be reached.
     *
     * @param repo     as the tasks name it
     * @param location where it was fetched from (URL, path, or "?" when the repo string itself is bad)
     * @param tasks    how many tasks name it
     * @param message  why, as the cache reported it
     */
    public record Unreachable(String repo, String location, int tasks, String message) {}

    /** The repos of {@code tasks} that cannot be reached, in order of first appearance. */
    public static List<Unreachable> check(RepoCache cache, List<Task> tasks) throws InterruptedException {
        Map<String, Task> first = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Set<String>> commits = new LinkedHashMap<>();
        for (Task t : tasks) {
            first.putIfAbsent(t.repo(), t);
            counts.merge(t.repo(), 1, Integer::sum);
            Set<String> c = commits.computeIfAbsent(t.repo(), r -> new LinkedHashSet<>());
            c.add(t.baseCommit());
            if (!t.environmentSetupCommit().isEmpty()) {
                c.add(t.environmentSetupCommit());
            }
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(PARALLEL, first.size())), r -> {
            Thread th = new Thread(r, "repo-preflight-" + n.incrementAndGet());
            th.setDaemon(true);
            return th;
        });
        try {
            Map<String, Future<Unreachable>> checks = new LinkedHashMap<>();
            first.forEach((repo, task) -> checks.put(repo, pool.submit(() -> probe(cache, task, commits.get(repo),
                    counts.get(repo)))));
            List<Unreachable> out = new ArrayList<>();
            for (Future<Unreachable> f : checks.values()) {
                try {
                    Unreachable u = f.get();
                    if (u != null) {
                        out.add(u);
                    }
                } catch (ExecutionException e) {
                    throw new TaskException("repository preflight failed: " + e.getCause(), e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Like {@link #check}, failing with one error that lists every unreachable repo.
     *
     * @throws WorkspaceException ({@link WorkspaceException.Reason#UNREACHABLE_REPO}) listing them all
     */
    public static void requireReachable(RepoCache cache, List<Task> tasks) throws InterruptedException {
        List<Unreachable> bad = check(cache, tasks);
        if (bad.isEmpty()) {
            return;
        }
        StringBuilder m = new StringBuilder().append(bad.size()).append(bad.size() == 1 ? " repository" : " repositories")
                .append(" could not be reached; nothing was run:");
        for (Unreachable u : bad) {
            m.append("\n  ").append(u.repo()).append(" (").append(u.location()).append(", ").append(u.tasks())
                    .append(u.tasks() == 1 ? " task" : " tasks").append("): ").append(u.message());
        }
        m.append("\nMap each to a local bare repository, bundle or URL in a mirror map (--mirrors FILE with"
                + " {\"owner/name\": \"path-or-url\"}), or fix its location.");
        throw new WorkspaceException(WorkspaceException.Reason.UNREACHABLE_REPO, m.toString());
    }

    private static Unreachable probe(RepoCache cache, Task task, Set<String> commits, int count) {
        String location = "?";
        try {
            location = cache.locator().locate(task.repo()).uri();
            cache.prepareCommits(task.instanceId(), task.repo(), commits);
            return null;
        } catch (WorkspaceException e) {
            if (e.reason() == WorkspaceException.Reason.MISSING_COMMIT) {
                return null;
            }
            return new Unreachable(task.repo(), location, count, e.getMessage());
        }
    }
}
