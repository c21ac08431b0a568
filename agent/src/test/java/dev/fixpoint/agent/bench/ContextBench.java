package dev.fixpoint.agent.bench;

import dev.fixpoint.agent.Agent;
import dev.fixpoint.agent.AgentLimits;
import dev.fixpoint.agent.AgentListener;
import dev.fixpoint.agent.Candidate;
import dev.fixpoint.agent.ContextPolicy;
import dev.fixpoint.agent.Outcome;
import dev.fixpoint.agent.testing.Fixtures;
import dev.fixpoint.agent.testing.LocalSandbox;
import dev.fixpoint.agent.testing.LongSession;
import dev.fixpoint.agent.trajectory.Step;
import dev.fixpoint.agent.trajectory.TrajectoryRecorder;
import dev.fixpoint.models.ScriptedModel;
import dev.fixpoint.tasks.Task;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * scripts/bench-context: the request size per step of a long scripted session ({@link LongSession}: an edit, then
 * commands with large outputs, then submit), run for real on a local repository, without context management and with
 * each given context window. Tokens are the request's characters / 4. Prints the request tokens every 5 steps, the
 * largest request and the session's total input tokens, each as a ratio to the unmanaged run, and checks that the
 * last K steps' outputs were sent in full.
 * Args: [steps=60] [output chars per command=12000] [windows=32000,64000,128000] [workdir=/tmp/fixpoint-bench-context]
 */
public final class ContextBench {

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int obsChars = args.length > 1 ? Integer.parseInt(args[1]) : 12_000;
        List<Long> windows = new ArrayList<>();
        for (String w : (args.length > 2 ? args[2] : "32000,64000,128000").split(",")) windows.add(Long.parseLong(w.trim()));
        Path work = Path.of(args.length > 3 ? args[3] : "/tmp/fixpoint-bench-context");
        Files.createDirectories(work);

        var runs = new LinkedHashMap<String, List<Step>>();
        runs.put("off", session(work, "off", ContextPolicy.OFF, steps, obsChars));
        for (long w : windows) runs.put(Long.toString(w), session(work, "w" + w, new ContextPolicy(w, ContextPolicy.DEFAULT.keepSteps()), steps, obsChars));

        System.out.printf("%d-step session, ~%d chars per command output; request tokens (chars/4) per step%n", steps, obsChars);
        System.out.printf("%6s", "step");
        runs.keySet().forEach(k -> System.out.printf("%14s", k.equals("off") ? "no budget" : "window " + k));
        System.out.println();
        for (int s = 1; s <= steps; s++) {
            if (s % 5 != 0 && s != 1) continue;
            int i = s - 1;
            System.out.printf("%6d", s);
            runs.values().forEach(r -> System.out.printf("%14d", r.get(i).requestChars() / 4));
            System.out.println();
        }
        long offTotal = total(runs.get("off"));
        long offMax = max(runs.get("off"));
        System.out.printf("%-16s %12s %8s %14s %8s %8s%n", "", "max request", "ratio", "session input", "ratio", "elided");
        for (Map.Entry<String, List<Step>> e : runs.entrySet()) {
            List<Step> r = e.getValue();
            long elided = r.stream().mapToLong(st -> st.elided().size()).sum();
            System.out.printf("%-16s %12d %8.2f %14d %8.2f %8d%n", e.getKey().equals("off") ? "no budget" : "window " + e.getKey(),
                    max(r), (double) max(r) / offMax, total(r), (double) total(r) / offTotal, elided);
        }
    }

    static long total(List<Step> steps) {
        return steps.stream().mapToLong(s -> s.requestChars() / 4).sum();
    }

    static long max(List<Step> steps) {
        return steps.stream().mapToLong(s -> s.requestChars() / 4).max().orElse(0);
    }

    static List<Step> session(Path work, String name, ContextPolicy policy, int steps, int obsChars) throws Exception {
        Path dir = work.resolve(name);
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path state = Files.createDirectories(dir.resolve("state"));
        Task task = Fixtures.calcTask(Fixtures.calcRepo(repo), repo.toString());
        var recorded = new ArrayList<Step>();
        AgentListener collect = new AgentListener() {
            @Override
            public void onStep(Step step) {
                recorded.add(step);
            }
        };
        Agent agent = Agent.builder(new ScriptedModel("scripted:bench-context", LongSession.responses(steps, obsChars)))
                .stateDir(state.toString()).limits(AgentLimits.DEFAULT.withMaxSteps(steps + 1).withContext(policy)).build();
        Candidate c;
        try (var recorder = TrajectoryRecorder.open(dir.resolve("trajectory.jsonl"))) {
            c = agent.run(task, new LocalSandbox(repo), collect, recorder);
        }
        if (c.outcome() != Outcome.SUBMITTED || !c.hasPatch()) throw new IllegalStateException(name + ": session did not finish: " + c);
        return recorded;
    }
}
