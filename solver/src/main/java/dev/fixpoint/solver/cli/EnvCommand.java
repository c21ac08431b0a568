package dev.fixpoint.solver.cli;

import dev.fixpoint.sandbox.ImageSummary;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import dev.fixpoint.solver.env.EnvironmentBuilds;
import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.TaskException;
import dev.fixpoint.tasks.env.EnvironmentRecipe;
import dev.fixpoint.tasks.env.Resolution;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fixpoint env build|check|list}: the environments tasks run in. Each task's environment is its row's own, else
 * the spec file's entry for its repo and version ({@code --specs FILE}; by default {@code environments.yaml} next to
 * the task file, when there is one), else a built-in default detected from the tree at the base commit.
 */
@Command(name = "env",
        description = {"Environments the tasks' tests run in: resolves them (task row > spec file > built-in Maven,"
                + " Gradle or pytest default), builds their images once with network on, and checks them with the"
                + " tasks' gold patches.",
                "Spec file: --specs FILE, or environments.yaml next to the task file when --specs is not given."},
        subcommands = {EnvCommand.Build.class, EnvCommand.Check.class, EnvCommand.ListEnvs.class})
public final class EnvCommand extends GroupCommand {

    static final Path HOST_CA = Path.of("/etc/ssl/certs/ca-certificates.crt");

    /** Options of the subcommands that read tasks. */
    static class TaskOptions {
        @Mixin
        TaskFileOptions tasks = new TaskFileOptions();

        @Mixin
        RepoOptions repos = new RepoOptions();

        @Option(names = "--instance", paramLabel = "ID", arity = "1..*", description = "Only these instance ids.")
        List<String> instances = new ArrayList<>();

        @Mixin
        Logging logging = new Logging();

        RepoCache cache() throws InterruptedException {
            tasks.resolve(null);
            return repos.open(tasks.file);
        }

        /** These options as arguments of another command taking them: --tasks, --specs, --mirrors, --cache-dir, --verbose, --instance. */
        List<String> asArgs() {
            List<String> args = new ArrayList<>(List.of("--tasks", tasks.file.toString()));
            if (tasks.specs != null) args.addAll(List.of("--specs", tasks.specs.toString()));
            Path mirrors = repos.mirrors(tasks.file);
            if (mirrors != null) args.addAll(List.of("--mirrors", mirrors.toString()));
            if (repos.cacheDir != null) args.addAll(List.of("--cache-dir", repos.cacheDir.toString()));
            if (logging.verbose) args.add("--verbose");
            if (!instances.isEmpty()) {
                args.add("--instance");
                args.addAll(instances);
            }
            return args;
        }

        /** Loads, checks the repos and resolves; keeps only --instance ids (unknown ones are an error). */
        TaskInputs load() throws InterruptedException {
            return load(tasks, repos, instances);
        }

        static TaskInputs load(TaskFileOptions tasks, RepoOptions repos, List<String> instances) throws InterruptedException {
            tasks.resolve(null);
            TaskInputs in = tasks.load(repos.open(tasks.file), true, true);
            if (instances.isEmpty()) return in;
            Set<String> wanted = new LinkedHashSet<>(instances);
            List<Resolution> kept = in.resolutions().all().stream()
                    .filter(r -> wanted.remove(r.task().instanceId())).toList();
            if (!wanted.isEmpty()) {
                throw new TaskException("unknown instance id(s) in " + tasks.file + ": " + String.join(", ", wanted));
            }
            return new TaskInputs(in.file(), in.specs(), in.rows(), new dev.fixpoint.tasks.env.Resolutions(kept));
        }
    }

    /** {@code fixpoint env build}. */
    @Command(name = "build", mixinStandardHelpOptions = true,
            description = {"Builds one image per distinct environment recipe of the tasks (fixpoint/env:<repo>-<version>-"
                    + "<hash of recipe, repo, version and setup commit>), WORKERS at a time: in a sandbox of the base"
                    + " image with network on, the packages are installed; for install commands the repository at the"
                    + " tasks' environment_setup_commit (else base commit) is copied in with its .git, the commands"
                    + " run, and every file of that checkout is deleted again (only what the install made stays, so"
                    + " each task's own tree goes over no file of another commit); the container is committed."
                    + " Existing images are kept. Images that specs name as is (image:) are pulled when missing.",
                    "Lists the tasks whose environment could not be resolved (they need a spec), and failures per"
                    + " recipe; the other recipes are built regardless."},
            exitCodeListHeading = ExitCodes.HEADING,
            exitCodeList = {"0:every task has an environment and every image is there", "1:some build or pull failed,"
                    + " some task has no environment, or a repository cannot be reached", "2:bad usage, unreadable task or spec file",
                    ExitCodes.INTERRUPTED_LINE})
    static final class Build implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        TaskOptions options = new TaskOptions();

        @Option(names = "--workers", paramLabel = "N", defaultValue = "2", description = "Builds at once (default ${DEFAULT-VALUE}).")
        int workers;

        @Option(names = "--ca-bundle", paramLabel = "FILE",
                description = "CA bundle trusted inside the images during and after the build (default: this host's "
                        + "/etc/ssl/certs/ca-certificates.crt, so that TLS-intercepting proxies work).")
        Path caBundle;

        @Option(names = "--no-ca-bundle", description = "Trust no extra CA bundle.")
        boolean noCaBundle;

        @Option(names = "--logs", paramLabel = "DIR", defaultValue = "env-build-logs",
                description = "Directory of the build logs, one per image (default ${DEFAULT-VALUE}).")
        Path logs;

        @Mixin
        RegistryOption registry = new RegistryOption();

        @Override
        public Integer call() throws Exception {
            options.logging.apply();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return Guard.run(err, "env build", () -> execute(out, err));
        }

        private int execute(PrintWriter out, PrintWriter err) throws Exception {
            if (workers < 1) throw new IllegalArgumentException("--workers must be at least 1, not: " + workers);
            registry.check();
            Path ca = noCaBundle ? null : caBundle != null ? caBundle : Files.isReadable(HOST_CA) ? HOST_CA : null;
            if (ca != null && !Files.isReadable(ca)) throw new IllegalArgumentException("--ca-bundle: not a readable file: " + ca);
            TaskInputs in = options.load();
            Map<EnvironmentRecipe, List<String>> recipes = in.resolutions().recipes();
            err.println("env build: " + in.resolutions().all().size() + " task(s), " + recipes.size() + " recipe(s)"
                    + in.specs().map(p -> ", specs " + p).orElse(", no spec file") + (ca == null ? "" : ", trusting CA bundle " + ca)
                    + ", " + workers + " at a time, logs in " + logs);
            err.flush();
            List<EnvironmentBuilds.Outcome> outcomes;
            List<String> pullFailures = new ArrayList<>();
            try (DockerSandboxProvider docker = DockerSandboxProvider.builder().runId("env-build").build()) {
                outcomes = new EnvironmentBuilds(docker, options.cache(), ca, workers, logs).run(recipes, new Progress(err));
                for (String image : asIsImages(in)) {
                    if (docker.imageExists(image)) continue;
                    err.println("env build: pulling " + image);
                    try {
                        docker.pull(image);
                    } catch (SandboxException e) {
                        pullFailures.add(e.getMessage());
                    }
                }
                var publish = registry.publisher(docker, err);
                for (EnvironmentBuilds.Outcome o : outcomes) {
                    if (o.status() == EnvironmentBuilds.Status.FAILED) continue;
                    try {
                        publish.apply(o.recipe().image());
                    } catch (SandboxException e) {
                        pullFailures.add(e.getMessage());
                    }
                }
            }
            TasksCommand.Table table = new TasksCommand.Table("image", "status", "tasks", "seconds", "from");
            for (EnvironmentBuilds.Outcome o : outcomes) {
                table.row(o.recipe().image(), o.status().name().toLowerCase(), o.tasks().size(),
                        String.format("%.1f", o.took().toMillis() / 1000.0), o.recipe().origin());
            }
            print(out, table);
            long failed = outcomes.stream().filter(o -> o.status() == EnvironmentBuilds.Status.FAILED).count();
            for (EnvironmentBuilds.Outcome o : outcomes) {
                if (o.status() == EnvironmentBuilds.Status.FAILED) {
                    out.println("FAILED " + o.recipe().image() + " (log " + o.log() + "): " + o.message());
                }
            }
            pullFailures.forEach(m -> out.println("FAILED " + (m.startsWith("pushing") ? "push" : "pull") + ": " + m));
            List<Resolution> unresolved = in.resolutions().unresolved();
            if (!unresolved.isEmpty()) {
                out.println(unresolved.size() + " task(s) have no environment and need a spec (or a row environment):");
                unresolved.forEach(r -> out.println("  " + r.problem()));
            }
            in.rows().problems().forEach(p -> out.println("skipped task row: " + p));
            out.println(outcomes.size() - failed + " of " + outcomes.size() + " image(s) ready; " + failed + " failed; "
                    + unresolved.size() + " task(s) without an environment");
            out.flush();
            return failed == 0 && pullFailures.isEmpty() && unresolved.isEmpty() && in.rows().problems().isEmpty()
                    ? ExitCodes.OK : ExitCodes.FAILURE;
        }

        private static Set<String> asIsImages(TaskInputs in) {
            Set<String> images = new LinkedHashSet<>();
            for (Resolution r : in.resolutions().all()) {
                if (r.resolved() && r.recipe() == null && r.source() != Resolution.Source.ROW
                        && !r.task().environment().image().startsWith("fixpoint/")) {
                    images.add(r.task().environment().image());
                }
            }
            return images;
        }
    }

    /** Progress lines on stderr, one per started and finished build. */
    private record Progress(PrintWriter err) implements EnvironmentBuilds.Listener {
        @Override
        public synchronized void started(EnvironmentRecipe recipe, int index, int total) {
            err.println("[" + index + "/" + total + "] building " + recipe.image() + " (" + recipe.origin() + ")");
            err.flush();
        }

        @Override
        public synchronized void finished(EnvironmentBuilds.Outcome o, int done, int total) {
            err.printf("[%d/%d done] %s: %s in %.1f s%s%n", done, total, o.recipe().image(),
                    o.status().name().toLowerCase(), o.took().toMillis() / 1000.0,
                    o.status() == EnvironmentBuilds.Status.FAILED ? " (log " + o.log() + ")" : "");
            err.flush();
        }
    }

    /** Prints a table to a PrintWriter. */
    static void print(PrintWriter out, TasksCommand.Table t) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        t.print(new java.io.PrintStream(b, true, java.nio.charset.StandardCharsets.UTF_8));
        out.print(b.toString(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
    }

    /** {@code fixpoint env check}: the gold patches through the harness. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Validates the environments: grades every task's own (gold) patch with the harness, as"
                    + " fixpoint eval --gold does, with network off on the tasks' images. A task whose gold patch does"
                    + " not resolve it has a broken environment (or a broken row)."},
            exitCodeListHeading = ExitCodes.HEADING,
            exitCodeList = {"0:every task was graded", "1:some task errored, or has no environment", "2:bad usage"})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        TaskOptions options = new TaskOptions();

        @Option(names = "--workers", paramLabel = "N", defaultValue = "2", description = "Instances at once (default ${DEFAULT-VALUE}).")
        int workers;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "env-check-out", description = "Output directory (default ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(options.asArgs());
            args.addAll(List.of("--gold", "--workers", Integer.toString(workers), "--out", out.toString(), "--no-progress", "--rerun"));
            return new CommandLine(new EvalCommand()).setOut(spec.commandLine().getOut())
                    .setErr(spec.commandLine().getErr()).execute(args.toArray(String[]::new));
        }
    }

    /** {@code fixpoint env list}. */
    @Command(name = "list",
            description = {"Without --tasks: the environment images on the Docker daemon (fixpoint/env:*).",
                    "With --tasks: each task's environment, where it came from, its image and whether that image is"
                            + " there; and the tasks that need a spec."},
            exitCodeList = {"0:listed (with --tasks: every task has an environment)", "1:some task has none, or"
                    + " Docker could not be reached", "2:bad usage", ExitCodes.INTERRUPTED_LINE})
    static final class ListEnvs extends ConsoleCommand {
        @Option(names = "--tasks", paramLabel = "FILE", description = "tasks: JSON, JSONL or a Hugging Face export (default: list the images)")
        Path tasksFile;

        @Option(names = "--specs", paramLabel = "FILE", description = "environment spec file (YAML; default: environments.yaml next to the task file, if any)")
        Path specsFile;

        @Mixin
        RepoOptions repos = new RepoOptions();

        @Override
        int execute(PrintWriter out, PrintWriter err) throws Exception {
            return Guard.run(err, "env list", () -> tasksFile == null ? images(out) : tasks(out));
        }

        private int images(PrintWriter out) {
            try (DockerSandboxProvider docker = DockerSandboxProvider.create()) {
                TasksCommand.Table t = new TasksCommand.Table("image", "created", "MB", "repo", "version", "from");
                DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
                for (ImageSummary i : docker.images(EnvironmentRecipe.REPOSITORY)) {
                    Map<String, String> l = i.labels();
                    t.row(i.name(), f.format(i.created() == null ? Instant.EPOCH : i.created()), i.size() >> 20,
                            l.getOrDefault("dev.fixpoint.env.repo", "-"), l.getOrDefault("dev.fixpoint.env.version", "-"),
                            l.getOrDefault("dev.fixpoint.env.origin", "-"));
                }
                print(out, t);
            }
            return ExitCodes.OK;
        }

        private int tasks(PrintWriter out) throws Exception {
            TaskFileOptions file = new TaskFileOptions();
            file.file = tasksFile;
            file.specs = specsFile;
            TaskInputs in = TaskOptions.load(file, repos, List.of());
            Map<String, Boolean> present = new LinkedHashMap<>();
            try (DockerSandboxProvider docker = DockerSandboxProvider.create()) {
                for (Task t : in.tasks()) present.computeIfAbsent(t.environment().image(), docker::imageExists);
            }
            TasksCommand.Table t = new TasksCommand.Table("instance", "source", "image", "image there", "from");
            for (Resolution r : in.resolutions().all()) {
                if (!r.resolved()) {
                    t.row(r.task().instanceId(), "NONE", "-", "-", "needs a spec");
                    continue;
                }
                String image = r.task().environment().image();
                t.row(r.task().instanceId(), r.source().name().toLowerCase(), image,
                        present.get(image) ? "yes" : r.recipe() != null ? "no (env build)" : "no", r.origin());
            }
            print(out, t);
            List<Resolution> unresolved = in.resolutions().unresolved();
            unresolved.forEach(r -> out.println(r.problem()));
            out.println(in.resolutions().all().size() + " task(s); " + in.resolutions().recipes().size()
                    + " image recipe(s); " + unresolved.size() + " without an environment");
            out.flush();
            return unresolved.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}
