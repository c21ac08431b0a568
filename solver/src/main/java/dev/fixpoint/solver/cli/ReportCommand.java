package dev.fixpoint.solver.cli;

import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.solver.report.BatchRun;
import dev.fixpoint.solver.report.BatchRunReader;
import dev.fixpoint.solver.grade.CandidateGrader;
import dev.fixpoint.solver.grade.CandidateGrades;
import dev.fixpoint.solver.report.HtmlPage;
import dev.fixpoint.solver.report.ReportData;
import dev.fixpoint.solver.report.ReportInputs;
import dev.fixpoint.solver.run.AtomicFiles;
import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.TaskLoader;
import dev.fixpoint.harness.InstanceEvaluator;
import dev.fixpoint.harness.WorkspaceTrees;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code fixpoint report}: one self-contained HTML page (inline CSS, script and SVG; nothing loaded from the network)
 * from a batch, solve or eval run directory (and/or --eval); {@code report A B} adds a comparison of run A with run B
 * at the top. With {@code --grade}, first grades every distinct candidate
 * patch of the batch run with the evaluation harness (Docker) and caches the grades in the run directory, so that the
 * test-time scaling curves show real resolve rates rather than a proxy.
 */
@Command(name = "report",
        description = {"Writes one self-contained HTML page from a batch run directory (fixpoint batch --out), a solve output "
                + "directory (fixpoint solve --out) or an eval directory (fixpoint eval --out), and/or --eval: headline, "
                + "per-repository breakdown, test-time scaling curves, a sortable and filterable task table, "
                + "and per task the issue, the candidates' diffs, the test matrix, judge verdicts and every trajectory.",
                "report A B compares run A (the page's run; --eval grades it) with run B at the top of the page: resolved "
                        + "(when both are graded), cost, tokens, and the tasks one got and the other did not.",
                "--grade first grades every distinct candidate patch with the evaluation harness (Docker sandboxes) and caches "
                        + "the grades in RUN_DIR/report/grades.json; later reports reuse them."},
        exitCodeList = {"0:page written", "1:failure (grading infrastructure, I/O)", "2:bad input (unreadable run or eval directory, bad option)",
                ExitCodes.INTERRUPTED_LINE})
public final class ReportCommand extends ConsoleCommand {

    @Parameters(arity = "0..2", paramLabel = "RUN_DIR",
            description = "batch, solve or eval run directory; a second one (B) is compared with the first (A)")
    List<Path> runDirs = new ArrayList<>();

    private Path runDir;

    @Option(names = "--eval", paramLabel = "DIR", description = "eval run directory (grades of the shipped predictions)")
    Path evalDir;

    @Option(names = "--out", paramLabel = "FILE", description = "the page (default RUN_DIR/report.html, else DIR/report.html of --eval)")
    Path out;

    @Option(names = "--tasks", paramLabel = "FILE", description = "task file, for issue texts and --grade (default: the one run.json names)")
    Path tasksFile;

    @Option(names = "--grade", description = "grade every distinct candidate patch with the harness first (Docker; cached)")
    boolean grade;

    /** Where --grade gets the repositories from. */
    @Mixin
    RepoOptions repos = new RepoOptions();

    @Option(names = "--workers", paramLabel = "N", defaultValue = "2", description = "patches graded at once (default ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--timeout", paramLabel = "SEC", description = "test-command time limit per graded patch, replacing the tasks' own")
    Integer timeoutSeconds;

    @Option(names = "--max-text", paramLabel = "CHARS", defaultValue = "4000",
            description = "longest trajectory text kept in the page; longer ones are clipped, head and tail (default ${DEFAULT-VALUE})")
    int maxText;

    @Override
    int execute(PrintWriter outw, PrintWriter err) throws Exception {
        runDir = runDirs.isEmpty() ? null : runDirs.get(0);
        Optional<Path> compareDir = runDirs.size() > 1 ? Optional.of(runDirs.get(1)) : Optional.empty();
        if (runDir == null && evalDir == null) {
            err.println("fixpoint report: give a batch run directory, --eval DIR, or both");
            return ExitCodes.USAGE;
        }
        if (grade && runDir == null) {
            err.println("fixpoint report: --grade grades a batch run's candidates: give RUN_DIR");
            return ExitCodes.USAGE;
        }
        if (workers < 1 || maxText < 200 || (timeoutSeconds != null && timeoutSeconds < 1)) {
            err.println("fixpoint report: --workers and --timeout must be at least 1, --max-text at least 200");
            return ExitCodes.USAGE;
        }
        return Guard.run(err, "report", () -> {
            if (grade) {
                int code = gradeCandidates(err);
                if (code != ExitCodes.OK) return code;
            }
            ReportData data;
            Optional<ReportData> other;
            try {
                data = ReportInputs.load(Optional.ofNullable(runDir), Optional.ofNullable(evalDir), Optional.ofNullable(tasksFile));
                other = compareDir.map(b -> ReportInputs.load(Optional.of(b), Optional.empty(), Optional.ofNullable(tasksFile)));
            } catch (SolverException e) {
                err.println("fixpoint report: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            long start = System.nanoTime();
            String html = HtmlPage.render(data, other, new HtmlPage.Options(maxText, 60_000));
            Path target = out != null ? out : (runDir != null ? runDir : evalDir).resolve("report.html");
            AtomicFiles.write(target, html);
            outw.printf("report: %s (%,d bytes, %d ms)%n", target.toAbsolutePath(), Files.size(target), (System.nanoTime() - start) / 1_000_000);
            outw.flush();
            return ExitCodes.OK;
        });
    }

    private int gradeCandidates(PrintWriter err) throws Exception {
        BatchRun run;
        try {
            run = BatchRunReader.read(runDir);
        } catch (SolverException e) {
            err.println("fixpoint report: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Path file = tasksFile != null ? tasksFile : run.info().tasksFile().orElse(null);
        if (file == null || !Files.isRegularFile(file)) {
            err.println("fixpoint report: --grade needs the run's task file: pass --tasks FILE" + (file == null ? "" : " (" + file + " is gone)"));
            return ExitCodes.USAGE;
        }
        Map<String, Task> tasks = new LinkedHashMap<>();
        TaskLoader.lenient().load(file).tasks().forEach(t -> tasks.put(t.instanceId(), t));
        CandidateGrades grades = CandidateGrades.load(runDir);
        String runId = "report-" + (run.info().runId().isEmpty() ? "grade" : run.info().runId());
        RepoCache cache = repos.open(file);
        AtomicInteger done = new AtomicInteger();
        try (SandboxProvider sandboxes = DockerSandboxProvider.builder().runId(runId).build()) {
            InstanceEvaluator evaluator = new InstanceEvaluator(sandboxes, new WorkspaceTrees(cache), runId,
                    timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds), 1);
            int graded = new CandidateGrader(evaluator, workers).grade(run, tasks, grades, (id, status) -> {
                err.printf("[grade %d] %s: %s%n", done.incrementAndGet(), id, status);
                err.flush();
            });
            err.printf("fixpoint report: graded %d new candidate patch(es); grades in %s%n", graded, runDir.resolve(CandidateGrades.FILE));
        }
        return ExitCodes.OK;
    }
}
