package dev.fixpoint.solver.verify;

import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.solver.Concurrency;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.tasks.EnvironmentSpec;
import dev.fixpoint.tasks.ResultFormat;
import dev.fixpoint.verifiers.harness.JUnitXmlParser;
import dev.fixpoint.verifiers.harness.PytestLogParser;
import dev.fixpoint.verifiers.harness.TestOutcome;
import dev.fixpoint.verifiers.harness.TestResults;
import dev.fixpoint.verifiers.select.ExecutionEvidence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Execution-based verification of one task (an interim stand-in until the verifiers module ships its test-matrix
 * verifier): every candidate patch against every kept reproduction script and the repository's own tests, each
 * patch in its own sandbox started from the instance image.
 * <ul>
 *   <li>A reproduction script is kept when it runs and fails on the base code (and did not fail to load);</li>
 *   <li>regression tests are the repository's tests that pass on the base code; a patch breaks one when it no
 *       longer passes.</li>
 * </ul>
 * Results are cached per patch and script, so the adaptive stop and the final selection never run a cell twice.
 * Confined to the task's thread.
 */
public final class ExecutionMatrix {

    private static final Logger log = LoggerFactory.getLogger(ExecutionMatrix.class);
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(2);
    private static final String PATCH_FILE = "/tmp/fixpoint-candidate.diff";

    private final SandboxProvider sandboxes;
    private final Concurrency concurrency;
    private final PreparedTask prepared;
    private final Map<String, String> labels;
    private final Map<String, ReproScript> scripts = new LinkedHashMap<>();
    private final Map<String, String> rejected = new TreeMap<>();
    private final Set<String> kept = new TreeSet<>();
    private final Map<String, PatchCells> cells = new HashMap<>();
    private final AtomicLong sandboxMillis = new AtomicLong();
    private Set<String> basePassing;

    private static final class PatchCells {
        boolean applied = true;
        Integer regressionBroken;
        final Map<String, Boolean> scripts = new HashMap<>();
    }

    public ExecutionMatrix(SandboxProvider sandboxes, Concurrency concurrency, PreparedTask prepared, Map<String, String> labels) {
        this.sandboxes = sandboxes;
        this.concurrency = concurrency;
        this.prepared = prepared;
        this.labels = Map.copyOf(labels);
    }

    /** Adds scripts to the pool; new ones are checked on the base code at the next {@link #evidence}. */
    public void addScripts(List<ReproScript> more) {
        for (ReproScript s : more) scripts.putIfAbsent(s.key(), s);
    }

    /** Scripts kept (fail on base), and why others were not. */
    public List<ReproScript> keptScripts() {
        return kept.stream().map(scripts::get).toList();
    }

    public Map<String, String> rejectedScripts() {
        return Map.copyOf(rejected);
    }

    public int regressionTests() {
        return basePassing == null ? 0 : basePassing.size();
    }

    public Duration sandboxTime() {
        return Duration.ofMillis(sandboxMillis.get());
    }

    /** The evidence for one patch, running whatever cells are missing. */
    public ExecutionEvidence evidence(String patch) {
        ensureBase();
        String key = InstancePreparer.sha(patch);
        PatchCells c = cells.computeIfAbsent(key, k -> new PatchCells());
        List<ReproScript> missing = keptScripts().stream().filter(s -> !c.scripts.containsKey(s.key())).toList();
        if (c.applied && (c.regressionBroken == null || !missing.isEmpty())) {
            inSandbox("patch-" + key.substring(0, 8), box -> {
                box.writeFile(PATCH_FILE, patch.getBytes(StandardCharsets.UTF_8));
                ExecResult apply = exec(box, "git -c safe.directory='*' apply --whitespace=nowarn " + PATCH_FILE
                        + " || patch -p1 --batch --fuzz=2 < " + PATCH_FILE, Duration.ofMinutes(1));
                if (!apply.ok()) {
                    c.applied = false;
                    return;
                }
                if (c.regressionBroken == null) {
                    Map<String, TestOutcome> results = runTests(box).outcomes();
                    c.regressionBroken = (int) basePassing.stream().filter(t -> results.get(t) != TestOutcome.PASSED).count();
                }
                for (ReproScript s : missing) c.scripts.put(s.key(), runScript(box, s).ok());
            });
        }
        if (!c.applied) return ExecutionEvidence.notApplied(kept.size(), basePassing.size());
        int passed = (int) kept.stream().filter(k -> Boolean.TRUE.equals(c.scripts.get(k))).count();
        return new ExecutionEvidence(true, passed, kept.size(), c.regressionBroken, basePassing.size());
    }

    private void ensureBase() {
        List<ReproScript> unchecked = scripts.values().stream()
                .filter(s -> !kept.contains(s.key()) && !rejected.containsKey(s.key())).toList();
        if (basePassing != null && unchecked.isEmpty()) return;
        inSandbox("base", box -> {
            if (basePassing == null) {
                TestResults base = runTests(box);
                basePassing = new TreeSet<>();
                base.outcomes().forEach((name, o) -> {
                    if (o == TestOutcome.PASSED) basePassing.add(name);
                });
                log.info("{}: {} regression tests pass on the base code{}", prepared.task().instanceId(), basePassing.size(),
                        base.problems().isEmpty() ? "" : " (" + base.problems() + ")");
            }
            for (ReproScript s : unchecked) {
                if (s.command().isEmpty()) {
                    rejected.put(s.key(), s.source() + " " + s.path() + ": not a runnable kind of file (.py, .sh, .java)");
                    continue;
                }
                ExecResult r = runScript(box, s);
                if (r.ok()) rejected.put(s.key(), s.source() + " " + s.path() + ": passes on the base code (does not reproduce the issue)");
                else if (r.timedOut()) rejected.put(s.key(), s.source() + " " + s.path() + ": timed out on the base code");
                else if (ReproScript.brokenScript(r.combined())) rejected.put(s.key(), s.source() + " " + s.path() + ": does not load (syntax, import or compile error)");
                else kept.add(s.key());
            }
        });
    }

    private ExecResult runScript(Sandbox box, ReproScript s) {
        String path = prepared.workdir() + "/" + s.path();
        box.writeFile(path, s.content().getBytes(StandardCharsets.UTF_8));
        ExecResult r = exec(box, s.command().orElseThrow(), SCRIPT_TIMEOUT);
        exec(box, "rm -f '" + path.replace("'", "'\\''") + "'", Duration.ofSeconds(30));
        return r;
    }

    private TestResults runTests(Sandbox box) {
        EnvironmentSpec env = prepared.task().environment();
        ExecResult r = exec(box, env.testCommand(), env.testTimeout());
        if (env.resultFormat() == ResultFormat.PYTEST_LOG) return PytestLogParser.parse(r.combined());
        String dir = env.workdir() + "/" + env.reportsDir();
        Map<String, byte[]> files = new TreeMap<>();
        for (String f : box.listFiles(dir)) {
            if (f.endsWith(".xml")) files.put(f, box.readFile(dir + "/" + f));
        }
        return JUnitXmlParser.parse(files);
    }

    private ExecResult exec(Sandbox box, String command, Duration timeout) {
        return box.exec(ExecRequest.of(command, timeout).withWorkdir(prepared.workdir()));
    }

    private void inSandbox(String purpose, java.util.function.Consumer<Sandbox> work) {
        long t0 = System.nanoTime();
        try {
            concurrency.withContainer(() -> {
                SandboxSpec.Builder spec = SandboxSpec.builder(prepared.image()).workdir(prepared.workdir());
                labels.forEach(spec::label);
                spec.label(SandboxLabels.ROLLOUT, "verify-" + purpose);
                try (Sandbox box = sandboxes.start(spec.build())) {
                    work.accept(box);
                }
                return null;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SolverException(prepared.task().instanceId() + ": interrupted during verification (" + purpose + ")", e);
        } finally {
            sandboxMillis.addAndGet((System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** For reports: per kept script, its source. */
    public List<String> describeScripts() {
        var out = new ArrayList<String>();
        for (ReproScript s : keptScripts()) out.add(s.source() + " " + s.path() + " (" + s.key() + ")");
        return out;
    }
}
