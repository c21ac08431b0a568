package dev.fixpoint.solver.cli;

import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import dev.fixpoint.solver.prepare.InstancePush;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.env.Resolution;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code fixpoint images push}: everything a batch without a Docker daemon (the pods of {@code fixpoint k8s job}) needs
 * in the registry, made and pushed beforehand on a machine with Docker: the tasks' environment images (built or pulled
 * as {@code fixpoint env build} does) and each task's instance image, under the names the pods compute.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Prepares and pushes what `fixpoint batch --kubernetes --registry R --prebuilt-images` (the pods of fixpoint k8s job,"
                + " which have no Docker daemon) pulls: first the environment images, as `fixpoint env build` makes them (missing ones"
                + " built or pulled), each pushed as R/<repository>:<tag>; then every task's instance image (the environment image plus"
                + " the repository at its base commit, checked for an exact tree), pushed as R/fixpoint/instance:<key>, the name the"
                + " pods compute from the same task file, specs and mirrors.",
                "An image the registry already holds under its name is not made or pushed again. A task that fails is reported"
                        + " with its reason and the others go on; the summary table goes to stdout, progress to stderr."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:every task's instance image (and every environment image) is in the registry",
                "1:some image could not be made or pushed, or some task has no environment (listed in the summary)",
                "2:bad usage, unreadable task or spec file", ExitCodes.INTERRUPTED_LINE})
final class ImagesPushCommand implements Callable<Integer> {

    /** Why an environment image cannot be pushed, nor the instance images made from it. */
    private static final String NOT_BUILT = "not on the Docker daemon: its build or pull failed (see the env build output above)";

    @Spec
    CommandSpec spec;

    @Mixin
    EnvCommand.TaskOptions options = new EnvCommand.TaskOptions();

    @Mixin
    RegistryOption registry = new RegistryOption();

    @Option(names = "--workers", paramLabel = "N", defaultValue = "2", description = "Environment builds at once (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--logs", paramLabel = "DIR", defaultValue = "env-build-logs",
            description = "Directory of the environment build logs (default ${DEFAULT-VALUE}).")
    Path logs;

    @Override
    public Integer call() throws Exception {
        options.logging.apply();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (registry.registry == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--registry HOST[:PORT][/PREFIX] is required: where to push");
        }
        return Guard.run(err, "images push", () -> execute(out, err));
    }

    private int execute(PrintWriter out, PrintWriter err) throws Exception {
        registry.check();
        err.println("images push: environment images first (as fixpoint env build)");
        err.flush();
        List<String> envArgs = new ArrayList<>(options.asArgs());
        envArgs.addAll(List.of("--workers", Integer.toString(workers), "--logs", logs.toString()));
        int env = new CommandLine(new EnvCommand.Build()).setOut(err).setErr(err).execute(envArgs.toArray(String[]::new));
        if (env == ExitCodes.USAGE || env == ExitCodes.INTERRUPTED) return env;
        TaskInputs in = options.load();
        List<InstancePush.Outcome> outcomes = new ArrayList<>();
        try (DockerSandboxProvider docker = DockerSandboxProvider.builder().runId("images-push").build()) {
            InstancePush push = new InstancePush(options.cache(), docker, registry.registry);
            Map<String, InstancePush.Outcome> envImages = new LinkedHashMap<>();
            Set<String> notBuilt = new HashSet<>();
            for (Task t : in.tasks()) {
                envImages.computeIfAbsent(t.environment().image(), image -> {
                    if (docker.imageExists(image)) return push.environment(image);
                    notBuilt.add(image);
                    return new InstancePush.Outcome(image, image, InstancePush.Status.FAILED, NOT_BUILT, Duration.ZERO);
                });
            }
            envImages.values().forEach(o -> progress(err, "environment", o, 0, 0));
            outcomes.addAll(envImages.values());
            int total = in.resolutions().all().size();
            int done = 0;
            for (Resolution r : in.resolutions().all()) {
                InstancePush.Outcome o = instance(r, push, notBuilt);
                progress(err, r.task().instanceId(), o, ++done, total);
                outcomes.add(o);
            }
        }
        return summary(out, in, outcomes);
    }

    /**
     * The task's instance image pushed, or why not: no environment, or its environment image is not on the daemon
     * (one of {@code notBuilt}, found when the environment images were pushed).
     */
    private static InstancePush.Outcome instance(Resolution r, InstancePush push, Set<String> notBuilt) {
        String id = r.task().instanceId();
        if (!r.resolved()) return new InstancePush.Outcome(id, "-", InstancePush.Status.FAILED, r.problem(), Duration.ZERO);
        String env = r.task().environment().image();
        if (notBuilt.contains(env)) {
            return new InstancePush.Outcome(id, "-", InstancePush.Status.FAILED, "environment image " + env + " is " + NOT_BUILT,
                    Duration.ZERO);
        }
        return push.instance(r.task());
    }

    private static void progress(PrintWriter err, String what, InstancePush.Outcome o, int done, int total) {
        String where = total == 0 ? "[" + what + "] " + o.subject() : "[" + done + "/" + total + "] " + o.subject();
        err.printf("%s: %s in %.1f s%n", where, switch (o.status()) {
            case PUSHED -> "pushed " + o.image();
            case PRESENT -> "already in the registry as " + o.image() + ", not pushed again";
            case FAILED -> "FAILED: " + o.message();
        }, o.took().toMillis() / 1000.0);
        err.flush();
    }

    private int summary(PrintWriter out, TaskInputs in, List<InstancePush.Outcome> outcomes) {
        TasksCommand.Table table = new TasksCommand.Table("image of", "status", "seconds", "registry name");
        outcomes.forEach(o -> table.row(o.subject(), o.status().name().toLowerCase(), String.format("%.1f", o.took().toMillis() / 1000.0), o.image()));
        EnvCommand.print(out, table);
        List<InstancePush.Outcome> failed = outcomes.stream().filter(o -> o.status() == InstancePush.Status.FAILED).toList();
        failed.forEach(o -> out.println("FAILED " + o.subject() + ": " + o.message()));
        in.rows().problems().forEach(p -> out.println("skipped task row: " + p));
        long pushed = outcomes.stream().filter(o -> o.status() == InstancePush.Status.PUSHED).count();
        long present = outcomes.stream().filter(o -> o.status() == InstancePush.Status.PRESENT).count();
        out.println(outcomes.size() + " image(s) for " + in.resolutions().all().size() + " task(s) in " + registry.registry + ": "
                + pushed + " pushed, " + present + " already there, " + failed.size() + " failed"
                + (failed.isEmpty() ? "" : "; fix them and re-run: what is there is not pushed again"));
        out.flush();
        return failed.isEmpty() && in.rows().problems().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
