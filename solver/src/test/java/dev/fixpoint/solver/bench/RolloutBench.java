package dev.fixpoint.solver.bench;

import dev.fixpoint.solver.RolloutBenchSupport;

/** Entry point of scripts/bench-rollouts (see {@link RolloutBenchSupport}). */
public final class RolloutBench {
    private RolloutBench() {}

    public static void main(String[] args) throws Exception {
        int parallel = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        long latencyMs = args.length > 1 ? Long.parseLong(args[1]) : 2000;
        System.exit(RolloutBenchSupport.run(parallel, latencyMs));
    }
}
