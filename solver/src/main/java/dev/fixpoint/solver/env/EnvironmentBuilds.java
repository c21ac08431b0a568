package dev.fixpoint.solver.env;

import dev.fixpoint.sandbox.EnvironmentImages;
import dev.fixpoint.sandbox.ImageBuild;
import dev.fixpoint.sandbox.Limits;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.TaskException;
import dev.fixpoint.tasks.git.Workspace;
import dev.fixpoint.tasks.env.EnvironmentRecipe;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds the environment images of a task list, one per distinct {@link EnvironmentRecipe}, {@code workers} at a
 * time: for a recipe with install commands, checks the repository out at the recipe's commit through the mirror
 * cache (standalone, so its {@code .git} works in the container), then has the sandbox layer run the recipe with
 * network on, delete the checkout again and commit the image (see {@link EnvironmentRecipe}: no source tree stays). A failed build is an outcome, not an exception: the others go
 * on. Each build's full log is written to {@code <logDir>/<image tag>.log}.
 */
public final class EnvironmentBuilds {

    /** Bound of a build sandbox: as the default, but living long enough for slow installs. */
    static final Limits BUILD_LIMITS = Limits.DEFAULT.withLifetime(Duration.ofHours(6));

    private final EnvironmentImages images;
    private final RepoCache cache;
    private final Path caBundle;
    private final int workers;
    private final Path logDir;

    /**
     * @param caBundle host CA bundle to trust inside the images (for TLS-intercepting proxies), or null
     * @param logDir   directory of the build logs (created)
     */
    public EnvironmentBuilds(EnvironmentImages images, RepoCache cache, Path caBundle, int workers, Path logDir) {
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1, not: " + workers);
        this.images = images;
        this.cache = cache;
        this.caBundle = caBundle;
        this.workers = workers;
        this.logDir = logDir;
    }

    /** What happened to one recipe. */
    public enum Status { BUILT, EXISTED, FAILED }

    /**
     * One recipe's outcome.
     *
     * @param recipe  the recipe
     * @param tasks   ids of the tasks using it
     * @param status  built, already there, or failed
     * @param message why it failed ("" otherwise)
     * @param took    wall time
     * @param log     the build log file
     */
    public record Outcome(EnvironmentRecipe recipe, List<String> tasks, Status status, String message, Duration took,
                          Path log) {
        public Outcome {
            tasks = List.copyOf(tasks);
        }
    }

    /** Progress of a run; called from the build threads. */
    public interface Listener {
        void started(EnvironmentRecipe recipe, int index, int total);

        void finished(Outcome outcome, int done, int total);
    }

    /** Builds every recipe; returns the outcomes in the recipes' order. */
    public List<Outcome> run(Map<EnvironmentRecipe, List<String>> recipes, Listener listener)
            throws InterruptedException {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new TaskException("cannot create the build log directory " + logDir + ": " + e.getMessage(), e);
        }
        AtomicInteger threads = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "env-build-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        int total = recipes.size();
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            int index = 0;
            for (Map.Entry<EnvironmentRecipe, List<String>> e : recipes.entrySet()) {
                int i = ++index;
                futures.add(pool.submit(() -> {
                    listener.started(e.getKey(), i, total);
                    Outcome o = one(e.getKey(), e.getValue());
                    listener.finished(o, done.incrementAndGet(), total);
                    return o;
                }));
            }
            List<Outcome> out = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException ex) {
                    throw new IllegalStateException("environment build crashed: " + ex.getCause(), ex.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome one(EnvironmentRecipe recipe, List<String> tasks) {
        long start = System.nanoTime();
        Path logFile = logDir.resolve(recipe.image().substring(recipe.image().indexOf(':') + 1) + ".log");
        try (BufferedWriter log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            line(log, "# " + recipe.image() + " for " + recipe.repo() + " version \"" + recipe.version() + "\" at "
                    + recipe.sourceCommit() + " (" + recipe.origin() + "); tasks: " + String.join(", ", tasks));
            try {
                if (images.imageExists(recipe.image())) {
                    line(log, recipe.image() + ": exists, not building");
                    return outcome(recipe, tasks, Status.EXISTED, "", start, logFile);
                }
                if (!recipe.needsSource()) {
                    line(log, recipe.image() + ": no install commands, so no source tree in the image");
                    images.build(imageBuild(recipe, null), l -> line(log, l));
                } else {
                    Task source = Task.builder().instanceId("env-" + recipe.hash()).repo(recipe.repo())
                            .baseCommit(recipe.sourceCommit()).build();
                    // Standalone: the .git copied in for the install must work without the host's mirror.
                    try (Workspace ws = cache.checkoutStandalone(source)) {
                        images.build(imageBuild(recipe, ws.directory()), l -> line(log, l));
                    }
                }
                return outcome(recipe, tasks, Status.BUILT, "", start, logFile);
            } catch (TaskException | SandboxException e) {
                line(log, "FAILED: " + e.getMessage());
                return outcome(recipe, tasks, Status.FAILED, e.getMessage(), start, logFile);
            }
        } catch (IOException | UncheckedIOException e) {
            return outcome(recipe, tasks, Status.FAILED, "cannot write the build log " + logFile + ": "
                    + e.getMessage(), start, logFile);
        }
    }

    /** The sandbox-level build of a recipe, with the repository at {@code sourceDir} (null: none). */
    ImageBuild imageBuild(EnvironmentRecipe recipe, Path sourceDir) {
        List<String> steps = new ArrayList<>();
        if (!recipe.packagesCommand().isEmpty()) steps.add(recipe.packagesCommand());
        steps.addAll(recipe.install());
        return ImageBuild.builder(recipe.image(), recipe.baseImage()).workdir(recipe.workdir()).sourceDir(sourceDir)
                .caBundle(caBundle).steps(steps).stepTimeout(recipe.installTimeout()).env(recipe.env())
                .limits(BUILD_LIMITS).label("dev.fixpoint.env.repo", recipe.repo())
                .label("dev.fixpoint.env.version", recipe.version())
                .label("dev.fixpoint.env.commit", recipe.sourceCommit())
                .label("dev.fixpoint.env.origin", recipe.origin()).build();
    }

    private static Outcome outcome(EnvironmentRecipe r, List<String> tasks, Status s, String message, long start,
                                   Path log) {
        return new Outcome(r, tasks, s, message, Duration.ofNanos(System.nanoTime() - start), log);
    }

    private static void line(BufferedWriter log, String text) {
        try {
            log.write(text);
            log.newLine();
            log.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
