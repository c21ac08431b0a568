package dev.fixpoint.verifiers.exec;

import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.tasks.env.EnvironmentSpec;
import dev.fixpoint.tasks.env.ResultFormat;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.harness.results.JUnitXmlParser;
import dev.fixpoint.harness.results.ReportDirs;
import dev.fixpoint.harness.results.LogParsers;
import dev.fixpoint.harness.results.TestOutcome;
import dev.fixpoint.harness.results.TestResults;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a batch of {@link VerificationTest}s in one fresh sandbox: copies the base tree in (or starts from an
 * instance image that already holds it), applies the patch
 * ({@code git apply}, then {@code patch} with fuzz), writes the tests' files, runs the task's setup and test
 * command once (only if a result-based test is in the batch) and every script, all from one shell script so that
 * the batch costs one exec, then reads the results with the harness's parsers. Thread-safe.
 */
final class SandboxTestRunner {

    private static final Logger log = LoggerFactory.getLogger(SandboxTestRunner.class);
    private static final String DIR = "/fixpoint-verify";
    private static final Pattern SCRIPT_EXIT = Pattern.compile("(?m)^script (\\d+) exit (\\d+)$");
    private static final Duration SHORT = Duration.ofSeconds(60);
    private static final String BROKEN = "^(ModuleNotFoundError|ImportError|SyntaxError|IndentationError)|"
            + "error: compilation failed|error: cannot find symbol";

    private final SandboxProvider sandboxes;
    private final String runId;
    private final Duration scriptTimeout;
    private final String instanceImage;

    /** @param instanceImage image holding the repository at its base commit in the workdir; null to copy it in */
    SandboxTestRunner(SandboxProvider sandboxes, String runId, Duration scriptTimeout, String instanceImage) {
        this.sandboxes = sandboxes;
        this.runId = runId;
        this.scriptTimeout = scriptTimeout;
        this.instanceImage = instanceImage;
    }

    /**
     * @param label names the run in container labels and logs, e.g. {@code base} or a candidate id
     * @param patch the candidate's patch, or empty for the base code
     */
    RunResult run(Task task, Path baseTree, String label, String patch, List<VerificationTest> tests) {
        return run(task, baseTree, label, patch, tests, List.of(), null);
    }

    /**
     * @param extraFiles test files the test command runs besides the sources of {@code tests} (a base run of the
     *                   chosen regression files has no test yet)
     * @param limit      the longest the test command may run (the task's remaining verification budget), or null
     *                   for the environment's test timeout alone
     */
    RunResult run(Task task, Path baseTree, String label, String patch, List<VerificationTest> tests,
                  List<String> extraFiles, Duration limit) {
        EnvironmentSpec env = task.environment();
        long start = System.nanoTime();
        Set<String> files = new TreeSet<>(extraFiles); // sorted: the same files make the same command
        tests.stream().filter(t -> !t.isScript() && !t.source().isEmpty()).forEach(t -> files.add(t.source()));
        boolean wantCommand = !files.isEmpty() || tests.stream().anyMatch(t -> !t.isScript());
        TestCommand command = TestCommand.of(task);
        List<String> problems = new ArrayList<>();
        String commandLine = null;
        if (wantCommand) {
            if (command.unusable().isPresent()) {
                problems.add(command.unusable().get());
            } else if (command.takesFiles() && files.isEmpty()) {
                problems.add("no test file to give the test command: not run");
            } else {
                commandLine = command.forFiles(List.copyOf(files));
            }
        }
        Duration testTimeout = limit != null && limit.compareTo(env.testTimeout()) < 0 ? limit : env.testTimeout();
        // Whole seconds for timeout(1), rounded up: a run cut by the budget spends it, and gets at least a second.
        testTimeout = Duration.ofSeconds(Math.max(1, (testTimeout.toMillis() + 999) / 1000));
        SandboxSpec.Builder b = SandboxSpec.builder(instanceImage != null ? instanceImage : env.image()).workdir(env.workdir())
                .label(SandboxLabels.RUN, runId).label(SandboxLabels.TASK, task.instanceId())
                .label(SandboxLabels.ROLLOUT, "verify-" + label.replaceAll("[^A-Za-z0-9_.-]", "_"));
        env.env().forEach(b::env);
        SandboxSpec spec = b.build();
        try (Sandbox sb = sandboxes.start(spec)) {
            if (instanceImage == null) {
                sb.copyIn(baseTree, env.workdir());
            }
            if (!patch.isBlank()) {
                sb.writeFile(DIR + "/candidate.diff", patch.getBytes(StandardCharsets.UTF_8));
                ExecResult apply = sb.exec(ExecRequest.of("git apply --whitespace=nowarn " + DIR + "/candidate.diff"
                        + " || patch --batch --fuzz=3 -p1 -i " + DIR + "/candidate.diff", SHORT).withWorkdir(env.workdir()));
                if (!apply.ok()) {
                    log.debug("{}: {}: patch does not apply: {}", task.instanceId(), label, apply.combined().strip());
                    Map<String, TestVerdict> none = new HashMap<>();
                    tests.forEach(t -> none.put(t.id(), TestVerdict.NOT_RUN));
                    return new RunResult(false, none, elapsed(start), "", List.of());
                }
            }
            List<VerificationTest> scripts = tests.stream().filter(VerificationTest::isScript).toList();
            for (VerificationTest t : tests) {
                // A script's files are staged aside and put in place only while it runs: candidates' scripts often
                // share a path (reproduce_issue.py) and must not overwrite each other.
                String root = t.isScript() ? stage(scripts.indexOf(t)) : env.workdir();
                for (Map.Entry<String, String> f : t.files().entrySet()) {
                    sb.writeFile(root + "/" + f.getKey(), f.getValue().getBytes(StandardCharsets.UTF_8));
                }
            }
            sb.writeFile(DIR + "/run.sh", script(env, commandLine, testTimeout, scripts).getBytes(StandardCharsets.UTF_8));
            Duration timeout = testTimeout.plus(Duration.ofSeconds(30)).plus(scriptTimeout.multipliedBy(scripts.size() + 1L));
            ExecResult ran = sb.exec(ExecRequest.of("sh " + DIR + "/run.sh", timeout));
            if (ran.timedOut()) {
                problems.add(label + ": test run timed out after " + timeout.toSeconds() + " s");
            }
            TestResults results = TestResults.empty("none", "no test command run");
            boolean cutByBudget = false;
            if (commandLine != null) {
                String exit = new String(sb.readFile(DIR + "/test_exit.txt"), StandardCharsets.UTF_8).strip();
                if (exit.equals("124") || exit.equals("137")) {
                    // Cut by the task's verification budget, not by the environment's own timeout: no evidence.
                    cutByBudget = testTimeout.compareTo(env.testTimeout()) < 0;
                    problems.add(label + ": the test command timed out after " + testTimeout.toSeconds() + " s"
                            + (cutByBudget ? " (what was left of the verification budget): its missing results are"
                            + " not run, not broken" : ""));
                }
                results = results(sb, env);
            }
            String scriptLog = new String(sb.readFile(DIR + "/scripts.txt"), StandardCharsets.UTF_8);
            Map<String, TestVerdict> verdicts = new HashMap<>();
            for (VerificationTest t : tests) {
                TestVerdict v = t.isScript() ? scriptVerdict(scriptLog, scripts.indexOf(t))
                        : verdict(t, results, env.resultFormat());
                verdicts.put(t.id(), cutByBudget && v == TestVerdict.MISSING ? TestVerdict.NOT_RUN : v);
            }
            log.debug("{}: {}: {}", task.instanceId(), label, verdicts);
            List<String> passed = results.outcomes().entrySet().stream()
                    .filter(e -> e.getValue() == TestOutcome.PASSED).map(Map.Entry::getKey).toList();
            return new RunResult(true, verdicts, elapsed(start), String.join("; ", problems), passed);
        }
    }

    /**
     * The batch's shell script: setup and the test command (bounded by {@code testTimeout}) when {@code commandLine}
     * is given, then every script under its own timeout.
     */
    private String script(EnvironmentSpec env, String commandLine, Duration testTimeout, List<VerificationTest> scripts) {
        StringBuilder sh = new StringBuilder("cd '").append(env.workdir()).append("' || exit 90\n");
        sh.append(": > ").append(DIR).append("/scripts.txt\n");
        if (commandLine != null) {
            if (env.resultFormat() == ResultFormat.PYTEST_LOG) {
                // One generated test that fails to import must not stop pytest from running the others.
                sh.append("export PYTEST_ADDOPTS=\"${PYTEST_ADDOPTS:-} --continue-on-collection-errors\"\n");
            }
            env.setupCommands().forEach(c -> sh.append(c).append('\n'));
            sh.append("timeout -k 5 ").append(Math.max(1, testTimeout.toSeconds())).append(" sh -c ").append(quote(commandLine))
                    .append(" > ").append(DIR).append("/test_output.txt 2>&1 </dev/null\n");
            sh.append("echo $? > ").append(DIR).append("/test_exit.txt\n");
        }
        for (int i = 0; i < scripts.size(); i++) {
            sh.append("cd '").append(env.workdir()).append("'\n");
            if (!scripts.get(i).files().isEmpty()) {
                sh.append("cp -R ").append(stage(i)).append("/. . || echo \"script ").append(i).append(" broken\" >> ")
                        .append(DIR).append("/scripts.txt\n");
            }
            sh.append("timeout -k 5 ").append(scriptTimeout.toSeconds()).append(" sh -c ")
                    .append(quote(scripts.get(i).command())).append(" > ").append(DIR).append("/script-").append(i)
                    .append(".txt 2>&1 </dev/null\n");
            sh.append("rc=$?; echo \"script ").append(i).append(" exit $rc\" >> ").append(DIR).append("/scripts.txt\n");
            // A script that cannot even start (import or compile error) shows nothing about the issue.
            sh.append("[ $rc -ne 0 ] && grep -qE '").append(BROKEN).append("' ").append(DIR).append("/script-").append(i)
                    .append(".txt && echo \"script ").append(i).append(" broken\" >> ").append(DIR).append("/scripts.txt\n");
            if (!scripts.get(i).files().isEmpty()) {
                sh.append("rm -f --");
                scripts.get(i).files().keySet().forEach(f -> sh.append(' ').append(quote(f)));
                sh.append('\n');
            }
        }
        return sh.toString();
    }

    private static TestResults results(Sandbox sb, EnvironmentSpec env) {
        if (env.resultFormat() != ResultFormat.JUNIT_XML) {
            String log = new String(sb.readFile(DIR + "/test_output.txt"), StandardCharsets.UTF_8);
            return LogParsers.read(env.resultFormat(), log, Set.of());
        }
        List<String> dirs = sb.exec(ExecRequest.of(ReportDirs.findCommand(env), SHORT)).stdout().lines()
                .filter(l -> !l.isBlank()).toList();
        if (dirs.isEmpty()) {
            return TestResults.empty(JUnitXmlParser.SOURCE, "no reports directory " + env.reportsDir() + " in "
                    + env.workdir());
        }
        Map<String, byte[]> files = new HashMap<>();
        for (String reports : dirs) {
            for (String f : sb.listFiles(reports)) {
                if (f.endsWith(".xml")) {
                    files.put(reports + "/" + f, sb.readFile(reports + "/" + f));
                }
            }
        }
        return JUnitXmlParser.parse(files);
    }

    /** Folds the outcomes of a test's results into one verdict (see {@link TestVerdict}). */
    static TestVerdict verdict(VerificationTest t, TestResults results, ResultFormat format) {
        List<TestOutcome> outcomes = new ArrayList<>();
        results.outcomes().forEach((name, outcome) -> {
            if (t.selects(name)) {
                outcomes.add(outcome);
            }
        });
        if (outcomes.contains(TestOutcome.FAILED)) {
            return TestVerdict.FAIL;
        }
        if (outcomes.contains(TestOutcome.ERROR)) {
            // JUnit reports an exception thrown by the test body as an error; pytest's errors are outside it.
            return format == ResultFormat.JUNIT_XML ? TestVerdict.FAIL : TestVerdict.ERROR;
        }
        return outcomes.contains(TestOutcome.PASSED) ? TestVerdict.PASS : TestVerdict.MISSING;
    }

    private static TestVerdict scriptVerdict(String log, int index) {
        if (log.contains("script " + index + " broken\n")) {
            return TestVerdict.ERROR;
        }
        Matcher m = SCRIPT_EXIT.matcher(log);
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) == index) {
                int exit = Integer.parseInt(m.group(2));
                return exit == 0 ? TestVerdict.PASS : TestVerdict.FAIL;
            }
        }
        return TestVerdict.MISSING;
    }

    /** Where the files of the {@code index}-th script wait until it runs. */
    private static String stage(int index) {
        return DIR + "/script-" + index + "-files";
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
