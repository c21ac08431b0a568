package dev.fixpoint.solver.cli;

import dev.fixpoint.harness.WorkspaceTrees;
import dev.fixpoint.harness.validate.RawRows;
import dev.fixpoint.harness.validate.RowValidation;
import dev.fixpoint.harness.validate.RowValidator;
import dev.fixpoint.harness.validate.ValidationProblem;
import dev.fixpoint.harness.validate.ValidationRunner;
import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.TaskException;
import dev.fixpoint.tasks.TaskLoadResult;
import dev.fixpoint.tasks.TaskProblem;
import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.git.WorkspaceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fixpoint tasks validate}: SWE-bench's validation step for new rows. Runs each row's tests on base + test
 * patch and on base + test patch + gold patch ({@link RowValidator}), repeated to find flaky tests, and writes the
 * rows with FAIL_TO_PASS / PASS_TO_PASS filled in ({@code validated.jsonl}) and a report per row
 * ({@code validation.json}).
 */
@Command(name = "validate",
        description = {"Derives FAIL_TO_PASS / PASS_TO_PASS of task rows (SWE-bench's validation step): runs each row's"
                + " tests (its environment's test command; {test_files} are the test patch's files) on base + test"
                + " patch and on base + test patch + gold patch, --repeat times each in fresh sandboxes.",
                "FAIL_TO_PASS: fail (or missing) before, pass after; PASS_TO_PASS: pass on both. A test whose outcome"
                        + " differs between repeats is flaky and in neither list.",
                "Writes OUT/validated.jsonl (the rows that validated: each input row with the lists as JSON-encoded"
                        + " strings) and OUT/validation.json (per row: counts, lists, flaky tests, or why it is not"
                        + " valid: " + "no_test_patch, no_gold_patch, command_names_graded_tests,"
                        + " test_patch_does_not_apply, gold_patch_does_not_apply, test_run_error, no_results,"
                        + " no_fail_to_pass); the harness files of each run in OUT/<instance>/before|after/."},
        exitCodeList = {"0:every row validated", "1:some row did not validate or could not be loaded, a repository"
                + " cannot be reached or an image is missing", "2:bad usage, unreadable task file"})
public final class ValidateCommand extends ConsoleCommand {

    @Mixin
    TaskFileOptions taskFile = new TaskFileOptions();

    @Mixin
    RepoOptions repos = new RepoOptions();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--repeat", paramLabel = "K", defaultValue = "2",
            description = "Runs per phase, each in a fresh sandbox; outcomes that differ make a test flaky (default"
                    + " ${DEFAULT-VALUE}; 1 finds no flaky test).")
    int repeat;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "2", description = "Rows at once (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--timeout", paramLabel = "SEC", description = "Test-command time limit per run, replacing the rows' own.")
    Integer timeoutSeconds;

    @Option(names = "--test-files-only", description = "Keep only the tests of the files the test patch touches (pytest"
            + " node ids by path, Java tests by class file), when the test command runs more (a whole Maven module).")
    boolean testFilesOnly;

    @Option(names = "--run-id", paramLabel = "ID", description = "Label of this run's containers (default: derived from --out, so a re-run finds what a killed one left).")
    String runId;

    @Override
    int execute(PrintWriter outw, PrintWriter err) throws Exception {
        if (workers < 1 || repeat < 1 || (timeoutSeconds != null && timeoutSeconds < 1)) {
            err.println("tasks validate: --workers, --repeat and --timeout must be at least 1");
            return ExitCodes.USAGE;
        }
        TaskLoadResult loaded;
        RepoCache cache;
        Map<String, String> inputRows;
        try {
            cache = repos.open(taskFile.file);
            loaded = taskFile.load(cache, true, true).asLoadResult();
            inputRows = RawRows.read(taskFile.file);
        } catch (WorkspaceException e) {
            err.println("tasks validate: " + e.getMessage());
            return e.reason() == WorkspaceException.Reason.UNREACHABLE_REPO ? ExitCodes.FAILURE : ExitCodes.USAGE;
        } catch (TaskException e) {
            err.println("tasks validate: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("tasks validate: cannot read " + taskFile.file + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        for (TaskProblem p : loaded.problems()) err.println("tasks validate: not validated: " + p);
        List<Task> tasks = loaded.tasks();
        // derived from the output directory, as eval's: a re-run after a kill is the same run and removes what it left
        String run = runId != null ? runId : RunSetup.derivedRunId("validate", out);
        ValidationRunner.Outcome outcome;
        try (DockerSandboxProvider sandboxes = DockerSandboxProvider.builder().runId(run).build()) {
            if (TaskInputs.reportMissingImages(err, "tasks validate", taskFile.file,
                    TaskInputs.missingImages(sandboxes, tasks))) {
                return ExitCodes.FAILURE;
            }
            int pruned = sandboxes.pruneLeftovers();
            if (pruned > 0) err.println("tasks validate: removed " + pruned + " container(s) left by an earlier, killed invocation of this run");
            RowValidator all = new RowValidator(sandboxes, new WorkspaceTrees(cache), run,
                    timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds), repeat);
            RowValidator validator = testFilesOnly ? all.onlyTestFiles() : all;
            ValidationRunner runner = new ValidationRunner(validator, new ValidationRunner.Config(out, workers),
                    row -> {
                        synchronized (err) {
                            err.println("tasks validate: " + row.instanceId() + ": " + status(row));
                            err.flush();
                        }
                    });
            outcome = runner.run(tasks, inputRows, loaded.problems().stream().map(TaskProblem::toString).toList());
        }
        printTable(outw, outcome, loaded.problems().size());
        return outcome.allValid() && loaded.problems().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static String status(RowValidation r) {
        return r.problem().map(ValidationProblem::json).orElse("valid");
    }

    private static void printTable(PrintWriter o, ValidationRunner.Outcome outcome, int unloaded) {
        TasksCommand.Table table = new TasksCommand.Table("instance", "status", "F2P", "P2P", "flaky", "P2F",
                "tests s", "total s");
        for (RowValidation r : outcome.rows()) {
            table.row(r.instanceId(), status(r), r.failToPass().size(), r.passToPass().size(), r.flaky().size(),
                    r.passToFail().size(), String.format("%.1f", r.testDuration().toMillis() / 1000.0),
                    String.format("%.1f", r.duration().toMillis() / 1000.0));
        }
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        table.print(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        o.print(buf.toString(java.nio.charset.StandardCharsets.UTF_8));
        long valid = outcome.rows().stream().filter(RowValidation::valid).count();
        o.printf("validated %d of %d rows%s; wall %.1f s%n", valid, outcome.rows().size() + unloaded,
                unloaded == 0 ? "" : " (" + unloaded + " could not be loaded)", outcome.wallTime().toMillis() / 1000.0);
        for (RowValidation r : outcome.rows()) {
            if (!r.valid()) o.printf("  %s: %s: %s%n", r.instanceId(), status(r), r.message());
        }
        o.printf("rows: %s; report: %s%n", outcome.validatedFile().toAbsolutePath(),
                outcome.reportFile().toAbsolutePath());
        o.flush();
    }
}
