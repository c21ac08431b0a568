package dev.fixpoint.solver.cli;

import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.TaskException;
import dev.fixpoint.tasks.TaskLoadResult;
import dev.fixpoint.tasks.TaskLoader;
import dev.fixpoint.tasks.TaskProblem;
import dev.fixpoint.tasks.git.Workspace;
import dev.fixpoint.tasks.git.WorkspaceException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fixpoint tasks list|prepare|validate}: reads task files and prepares the tasks' workspaces through the mirror cache. */
@Command(name = "tasks",
        description = "Reads SWE-bench task files (JSON, JSONL, Hugging Face exports), prepares their workspaces and"
                + " validates new rows (derives FAIL_TO_PASS / PASS_TO_PASS).",
        subcommands = {TasksCommand.ListTasks.class, TasksCommand.Prepare.class, ValidateCommand.class})
public final class TasksCommand extends GroupCommand {

    /** Options shared by the subcommands. */
    static class TaskRowOptions {
        @Mixin
        TaskFileOptions tasks = new TaskFileOptions();

        @Mixin
        RepoOptions repos = new RepoOptions();

        @Option(names = "--skip-invalid", description = "skip invalid task rows (listed on stderr) instead of stopping")
        boolean skipInvalid;

        @Mixin
        Logging logging = new Logging();

        /** Sets up logging, then reads the tasks; null after reporting why not (on stderr). */
        List<Task> load(PrintStream err) throws InterruptedException {
            logging.apply();
            TaskLoadResult result;
            try {
                tasks.resolve(null);
                TaskLoader loader = TaskLoader.skippingInvalid(skipInvalid);
                result = (tasks.specs == null ? loader : loader.withSpecs(tasks.specs)).load(tasks.file);
            } catch (TaskException e) {
                err.println("fixpoint tasks: " + e.getMessage());
                return null;
            }
            for (TaskProblem p : result.problems()) {
                err.println("skipped " + p);
            }
            return result.tasks();
        }
    }

    /** {@code fixpoint tasks list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the tasks of a task file (invalid rows fail the command unless --skip-invalid).",
            exitCodeListHeading = ExitCodes.HEADING,
            exitCodeList = {"0:listed", "2:the task file is missing or has invalid rows"})
    static final class ListTasks implements Callable<Integer> {
        @Mixin
        TaskRowOptions options = new TaskRowOptions();

        @Override
        public Integer call() throws InterruptedException {
            List<Task> tasks = options.load(System.err);
            if (tasks == null) {
                return ExitCodes.USAGE;
            }
            Table table = new Table("instance", "repo", "base commit", "F2P", "P2P", "image");
            for (Task t : tasks) {
                table.row(t.instanceId(), t.repo(), shortId(t.baseCommit()), t.failToPass().size(),
                        t.passToPass().size(), t.environment() == null ? "-" : t.environment().image());
            }
            table.print(System.out);
            System.out.println(tasks.size() + " task" + (tasks.size() == 1 ? "" : "s"));
            return ExitCodes.OK;
        }
    }

    /** {@code fixpoint tasks prepare}. */
    @Command(name = "prepare", mixinStandardHelpOptions = true,
            description = {"Fetches each task's repository into the shared mirror cache (once) and checks the task out"
                    + " at its base commit, printing how long each step took.",
                    "Workspaces are deleted afterwards unless --workdir is given."},
            exitCodeListHeading = ExitCodes.HEADING,
            exitCodeList = {"0:every task was prepared", "1:some task could not be prepared (repo unreachable, "
                    + "commit missing, ...)", "2:the task or mirror file is missing or invalid"})
    static final class Prepare implements Callable<Integer> {
        @Mixin
        TaskRowOptions options = new TaskRowOptions();

        @Option(names = "--workdir", paramLabel = "DIR",
                description = "Keep the workspaces, in DIR/<instance_id> (must not exist yet).")
        Path workdir;

        @Override
        public Integer call() throws InterruptedException {
            List<Task> tasks = options.load(System.err);
            if (tasks == null) {
                return ExitCodes.USAGE;
            }
            RepoCache cache;
            try {
                cache = options.repos.open(options.tasks.file);
            } catch (WorkspaceException e) {
                System.err.println("fixpoint tasks prepare: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            System.err.println("mirror cache: " + cache.directory());
            Table table = new Table("instance", "repo", "base commit", "files", "mirror ms", "checkout ms", "status");
            int failed = 0;
            for (Task t : tasks) {
                long start = System.nanoTime();
                try {
                    cache.prepare(t);
                    long mirrorMs = (System.nanoTime() - start) / 1_000_000;
                    Path dir = workdir == null ? null : workdir.resolve(Task.requireSafeInstanceId(t.instanceId()));
                    try (Workspace ws = dir == null ? cache.checkout(t) : cache.checkout(t, dir)) {
                        ws.keepOnClose(dir != null);
                        table.row(t.instanceId(), t.repo(), shortId(ws.baseCommit()), ws.fileCount(), mirrorMs,
                                ws.checkoutTime().toMillis(), dir == null ? "ok" : "ok: " + ws.directory());
                    }
                } catch (WorkspaceException e) {
                    failed++;
                    table.row(t.instanceId(), t.repo(), shortId(t.baseCommit()), "-", "-", "-",
                            "FAILED (" + e.reason().name().toLowerCase() + ")");
                    System.err.println(e.getMessage());
                }
            }
            table.print(System.out);
            System.out.println((tasks.size() - failed) + " of " + tasks.size() + " task"
                    + (tasks.size() == 1 ? "" : "s") + " prepared");
            return failed == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    static String shortId(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }

    /** A plain text table, columns padded to their widest cell. */
    static final class Table {
        private final List<String> header;
        private final List<List<String>> rows = new java.util.ArrayList<>();

        Table(String... header) {
            this.header = List.of(header);
        }

        void row(Object... cells) {
            rows.add(java.util.Arrays.stream(cells).map(String::valueOf).toList());
        }

        void print(PrintStream out) {
            int[] width = new int[header.size()];
            for (List<String> r : concat()) {
                for (int i = 0; i < r.size(); i++) {
                    width[i] = Math.max(width[i], r.get(i).length());
                }
            }
            for (List<String> r : concat()) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < r.size(); i++) {
                    line.append(i == r.size() - 1 ? r.get(i) : String.format("%-" + width[i] + "s  ", r.get(i)));
                }
                out.println(line.toString().stripTrailing());
            }
        }

        private List<List<String>> concat() {
            List<List<String>> all = new java.util.ArrayList<>();
            all.add(header);
            all.addAll(rows);
            return all;
        }
    }
}
