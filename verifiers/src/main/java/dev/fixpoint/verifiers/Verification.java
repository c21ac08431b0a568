package dev.fixpoint.verifiers;

import dev.fixpoint.verifiers.exec.ChosenTestFile;
import dev.fixpoint.verifiers.exec.GeneratedTests;
import dev.fixpoint.verifiers.exec.RunResult;
import dev.fixpoint.verifiers.exec.TestMatrix;
import dev.fixpoint.verifiers.exec.TestVerdict;
import dev.fixpoint.verifiers.exec.VerificationTest;
import dev.fixpoint.verifiers.judge.JudgeReport;
import dev.fixpoint.verifiers.select.Selection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@link HybridVerifier} found for one task's pool: the selection with every candidate's evidence, what the
 * tests and the judge showed, and what it cost. A plain value: the run files'
 * writers ({@code solver.run}) give it its JSON form.
 *
 * @param instanceId the task
 * @param selection  the chosen candidate or the abstention, with scores and evidence per candidate
 * @param tests      the test matrix in short
 * @param judge      the model judge in short (its verdicts are in the selection's evidence)
 * @param compute    sandbox time and model calls spent
 * @param notes      stages skipped and why, e.g. "no model: no tests generated"
 * @param regression which repository test files were chosen as regression tests and why
 */
public record Verification(String instanceId, Selection selection, Tests tests, Judge judge, Compute compute,
                           List<String> notes, Regression regression) {

    public Verification {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(tests, "tests");
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(compute, "compute");
        notes = List.copyOf(notes);
        regression = Objects.requireNonNullElse(regression, Regression.none());
    }

    /** A verification that chose no regression test file. */
    public Verification(String instanceId, Selection selection, Tests tests, Judge judge, Compute compute,
                        List<String> notes) {
        this(instanceId, selection, tests, judge, compute, notes, Regression.none());
    }

    /**
     * The regression tests in short: the repository's test files chosen for the change, before anything ran.
     *
     * @param changedFiles      the files the runnable candidates change, sorted
     * @param files             the chosen test files, best first, each with why it was chosen
     * @param passingOnBase     results of those files that passed on the base code: the regression tests
     * @param command           the test command that ran them on the base code; empty when none ran
     */
    public record Regression(List<String> changedFiles, List<ChosenTestFile> files, int passingOnBase, String command) {
        public Regression {
            changedFiles = changedFiles.stream().sorted().toList();
            files = List.copyOf(files);
            command = Objects.requireNonNullElse(command, "");
            if (passingOnBase < 0) {
                throw new IllegalArgumentException("negative count of tests passing on base: " + passingOnBase);
            }
        }

        /** Nothing chosen (regression tests off, or no execution). */
        public static Regression none() {
            return new Regression(List.of(), List.of(), 0, "");
        }
    }

    /** The candidate to ship, or empty when the selection abstained. */
    public Optional<String> chosen() {
        return selection.chosen();
    }

    /**
     * One test of the matrix.
     *
     * @param target the result selector it reads ({@code tests/test_x.py::}, {@code pkg.FooTest#}) or the command
     *               of a script
     */
    public record TestInfo(String id, VerificationTest.Kind kind, String origin, String target) {
        static TestInfo of(VerificationTest t) {
            return new TestInfo(t.id(), t.kind(), t.origin(), t.isScript() ? t.command() : t.selector());
        }
    }

    /**
     * One candidate's row of the matrix.
     *
     * @param applied          the patch applied in its sandbox
     * @param reproduction     verdict of each reproduction test, by test id
     * @param regressionBroken ids of the regression tests that no longer pass, sorted
     * @param problem          why the run could not be done or read; empty when all went well
     */
    public record Row(boolean applied, Map<String, TestVerdict> reproduction, List<String> regressionBroken,
                      String problem) {
        public Row {
            reproduction = Collections.unmodifiableMap(new TreeMap<>(reproduction));
            regressionBroken = regressionBroken.stream().sorted().toList();
            problem = Objects.requireNonNullElse(problem, "");
        }
    }

    /**
     * The execution stage in short.
     *
     * @param ran       a test matrix was run
     * @param tests     the tests run against every candidate, reproduction tests first
     * @param discarded tests not kept, "id: why"
     * @param rows      each candidate's row, by candidate id
     */
    public record Tests(boolean ran, List<TestInfo> tests, List<String> discarded, Map<String, Row> rows) {
        public Tests {
            tests = List.copyOf(tests);
            discarded = List.copyOf(discarded);
            rows = Collections.unmodifiableMap(new TreeMap<>(rows));
        }

        /** No execution. */
        public static Tests none() {
            return new Tests(false, List.of(), List.of(), Map.of());
        }

        /** Summarises a matrix; {@code generated} gives the discarded tests (null when none were checked). */
        public static Tests of(GeneratedTests generated, TestMatrix matrix) {
            List<String> discarded = generated == null ? List.of() : generated.discarded();
            if (matrix == null) {
                return new Tests(false, List.of(), discarded, Map.of());
            }
            Map<String, Row> rows = new TreeMap<>();
            matrix.runs().forEach((candidate, run) -> rows.put(candidate, row(matrix, run)));
            return new Tests(true, matrix.tests().stream().map(TestInfo::of).toList(), discarded, rows);
        }

        private static Row row(TestMatrix matrix, RunResult run) {
            Map<String, TestVerdict> reproduction = new TreeMap<>();
            List<String> broken = new ArrayList<>();
            for (VerificationTest t : matrix.tests()) {
                TestVerdict v = run.verdicts().getOrDefault(t.id(), TestVerdict.MISSING);
                if (t.kind() == VerificationTest.Kind.REPRODUCTION) {
                    reproduction.put(t.id(), v);
                } else if (run.applied() && v != TestVerdict.PASS && v != TestVerdict.NOT_RUN) {
                    broken.add(t.id());
                }
            }
            return new Row(run.applied(), reproduction, broken, run.problem());
        }
    }

    /**
     * The judge stage in short.
     *
     * @param ran            the judge was asked
     * @param candidatesJudged candidates with a verdict (members of a cluster share their representative's)
     * @param problems       failed calls and unparseable answers
     */
    public record Judge(boolean ran, int candidatesJudged, List<String> problems) {
        public Judge {
            problems = List.copyOf(problems);
        }

        public static Judge none() {
            return new Judge(false, 0, List.of());
        }

        public static Judge of(JudgeReport report) {
            return new Judge(true, report.evidence().size(), report.problems());
        }
    }

    /**
     * What verification spent.
     *
     * @param sandboxTime    wall time of every sandbox: base-code checks, the base suite and the matrix
     * @param sandboxes      sandboxes started
     * @param testGeneration model calls asking for reproduction tests
     * @param judge          model calls of the judge
     */
    public record Compute(Duration sandboxTime, int sandboxes, ModelSpend testGeneration, ModelSpend judge) {
        public Compute {
            Objects.requireNonNull(sandboxTime, "sandboxTime");
            Objects.requireNonNull(testGeneration, "testGeneration");
            Objects.requireNonNull(judge, "judge");
            if (sandboxes < 0) {
                throw new IllegalArgumentException("negative sandbox count: " + sandboxes);
            }
        }

        /** Model calls of every stage. */
        public int modelCalls() {
            return testGeneration.calls() + judge.calls();
        }
    }
}
