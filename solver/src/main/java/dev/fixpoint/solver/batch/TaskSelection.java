package dev.fixpoint.solver.batch;

import dev.fixpoint.tasks.Task;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which tasks of a file this process takes: a shard {@code i/n} (the tasks whose position modulo n is i-1, so
 * that n machines given the same file split it), then an instance-id filter, then a limit.
 *
 * @param shardIndex 1-based shard, or 0 for the whole file
 * @param shardCount number of shards, or 0
 * @param filter     regex an instance id must contain (find), or null
 * @param limit      at most this many tasks, or 0 for all
 */
public record TaskSelection(int shardIndex, int shardCount, Pattern filter, int limit) {

    public static final TaskSelection ALL = new TaskSelection(0, 0, null, 0);

    public TaskSelection {
        if (shardCount < 0 || shardIndex < 0 || shardCount > 0 && (shardIndex < 1 || shardIndex > shardCount)) {
            throw new IllegalArgumentException("shard must be i/n with 1 <= i <= n, not: " + shardIndex + "/" + shardCount);
        }
        if (limit < 0) throw new IllegalArgumentException("limit must be >= 0 (0 = all): " + limit);
    }

    /** Parses {@code i/n} (e.g. {@code 2/4}). */
    public static int[] parseShard(String s) {
        String[] parts = s == null ? new String[0] : s.split("/");
        try {
            if (parts.length == 2) return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("--shard wants i/n, e.g. 1/4 (this machine takes the first quarter), not: " + s);
    }

    public static Pattern parseFilter(String regex) {
        if (regex == null) return null;
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("--filter is not a valid regular expression: " + regex + " (" + e.getDescription() + ")");
        }
    }

    public List<Task> apply(List<Task> tasks) {
        var out = new java.util.ArrayList<Task>();
        for (int i = 0; i < tasks.size(); i++) {
            if (shardCount > 0 && i % shardCount != shardIndex - 1) continue;
            Task t = tasks.get(i);
            if (filter != null && !filter.matcher(t.instanceId()).find()) continue;
            out.add(t);
            if (limit > 0 && out.size() >= limit) break;
        }
        return out;
    }
}
