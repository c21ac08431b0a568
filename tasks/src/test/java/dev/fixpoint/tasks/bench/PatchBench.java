package dev.fixpoint.tasks.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Parses and applies every real sympy patch (gold, test and the agents' predictions) with our patch library and with
 * {@code git apply} on the same base files, and prints how often they agree and the time per patch of each (ours
 * in-process, git one process per patch), from the last of N rounds (argument, default 3; the others warm up).
 * Run by {@code scripts/bench-patch}; exits 1 when any patch disagrees,
 * 2 when the rows or the mirror are missing.
 */
public final class PatchBench {

    private PatchBench() {}

    public static void main(String[] args) throws Exception {
        Optional<String> missing = RealPatches.missing();
        if (missing.isPresent()) {
            System.err.println("bench-patch: " + missing.get());
            System.exit(2);
        }
        List<RealPatches.Candidate> candidates = RealPatches.load();
        Path scratch = Files.createTempDirectory("bench-patch");
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<RealPatches.Outcome> outcomes = new ArrayList<>();
        try (RealPatches real = new RealPatches()) {
            int i = 0;
            // earlier rounds warm the JVM (and the mirror's blobs); only the last one is reported
            for (int round = 0; round < rounds; round++) {
                outcomes.clear();
                for (RealPatches.Candidate candidate : candidates) {
                    outcomes.add(real.check(candidate, Files.createDirectory(scratch.resolve("p" + i++))));
                }
            }
        }
        long disagree = outcomes.stream().filter(o -> !o.agree()).count();
        long bothApplied = outcomes.stream().filter(o -> o.ours().isPresent() && o.git().isPresent()).count();
        long neither = outcomes.stream().filter(o -> o.ours().isEmpty() && o.git().isEmpty()).count();
        long[] ours = outcomes.stream().mapToLong(RealPatches.Outcome::oursNanos).sorted().toArray();
        long[] cpu = outcomes.stream().mapToLong(RealPatches.Outcome::oursCpuNanos).sorted().toArray();
        long[] git = outcomes.stream().mapToLong(RealPatches.Outcome::gitNanos).sorted().toArray();
        System.out.printf("%d real patches: %d applied by both, %d by neither, %d disagree%n",
                outcomes.size(), bothApplied, neither, disagree);
        for (RealPatches.Outcome o : outcomes) {
            if (!o.agree()) {
                System.out.printf("  DISAGREE %s: ours %s, git %s %s%n", o.candidate().name(),
                        o.ours().isPresent() ? "applied" : "failed", o.git().isPresent() ? "applied" : "failed",
                        o.problems());
            } else if (o.ours().isEmpty()) {
                System.out.printf("  neither applies %s: %s%n", o.candidate().name(), o.problems());
            }
        }
        System.out.printf("parse+apply per patch, median: ours %.2f ms, git apply %.2f ms (ratio ours/git %.2f);"
                + " total ours %.0f ms, git %.0f ms%n", median(ours) / 1e6, median(git) / 1e6,
                (double) median(ours) / median(git), Arrays.stream(ours).sum() / 1e6, Arrays.stream(git).sum() / 1e6);
        System.out.printf("ours in CPU time (this thread), median %.2f ms; machine load average %.1f%n",
                median(cpu) / 1e6, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.exit(disagree == 0 ? 0 : 1);
    }

    private static long median(long[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }
}
