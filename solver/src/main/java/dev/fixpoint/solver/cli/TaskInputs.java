package dev.fixpoint.solver.cli;

import dev.fixpoint.sandbox.EnvironmentImages;
import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.git.RepoPreflight;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.TaskLoadResult;
import dev.fixpoint.tasks.TaskLoader;
import dev.fixpoint.tasks.TaskProblem;
import dev.fixpoint.tasks.env.EnvironmentRecipe;
import dev.fixpoint.tasks.env.EnvironmentResolver;
import dev.fixpoint.tasks.env.Resolution;
import dev.fixpoint.tasks.env.Resolutions;
import dev.fixpoint.tasks.env.SpecFile;
import dev.fixpoint.tasks.env.TreeSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the commands that run tasks read them: load the rows, check that every repository can be reached (before any
 * work), and give each task its environment through one {@link EnvironmentResolver}: the row's own, else the spec
 * file's ({@code --specs FILE}, or {@code environments.yaml} next to the task file when there is one), else the
 * built-in default detected from the tree at the base commit.
 *
 * @param file        the task file
 * @param specs       the spec file used, if any
 * @param rows        the rows as loaded (problems of unreadable rows included)
 * @param resolutions one per loaded task
 */
record TaskInputs(Path file, Optional<Path> specs, TaskLoadResult rows, Resolutions resolutions) {

    /**
     * Loads and resolves.
     *
     * @param specsFile   --specs, or null for the sibling convention
     * @param cache       the mirror cache, for the preflight and the built-in defaults
     * @param preflight   whether to check that every repo can be reached first
     * @throws dev.fixpoint.tasks.TaskException for an unreadable task or spec file, invalid rows of a strict loader,
     *                                          or unreachable repos (a WorkspaceException listing them all)
     */
    static TaskInputs load(Path tasksFile, Path specsFile, boolean skipInvalid, RepoCache cache, boolean preflight)
            throws InterruptedException {
        return load(tasksFile, specsFile, skipInvalid, cache, preflight ? Reach.STOP : Reach.UNCHECKED);
    }

    /** What to do about repositories that cannot be reached. */
    enum Reach {
        /** Not checked. */
        UNCHECKED,
        /** Checked first; any unreachable one stops the command, listing them all. */
        STOP,
        /** Checked first; each task of an unreachable one is a problem of its own (skipped, named with why). */
        SKIP
    }

    /** Like {@link #load(Path, Path, boolean, RepoCache, boolean)}, with the unreachable repositories' handling. */
    static TaskInputs load(Path tasksFile, Path specsFile, boolean skipInvalid, RepoCache cache, Reach reach)
            throws InterruptedException {
        TaskLoadResult rows = TaskLoader.skippingInvalid(skipInvalid).withoutSpecs().load(tasksFile);
        Optional<Path> specPath = specsFile != null ? Optional.of(specsFile) : SpecFile.siblingOf(tasksFile);
        SpecFile specs = specPath.map(SpecFile::load).orElse(null);
        if (reach != Reach.UNCHECKED) { // tasks whose image holds the repository (image: swebench) need no mirror
            EnvironmentResolver specsOnly = EnvironmentResolver.of(specs, null);
            List<Task> needMirror = rows.tasks().stream().filter(t -> !repoInImage(specsOnly.resolve(t))).toList();
            if (reach == Reach.STOP) {
                RepoPreflight.requireReachable(cache, needMirror);
            } else {
                rows = withoutUnreachable(rows, RepoPreflight.check(cache, needMirror), sourceName(tasksFile));
            }
        }
        Resolutions resolutions = EnvironmentResolver.of(specs, TreeSource.mirrors(cache)).resolveAll(rows.tasks());
        return new TaskInputs(tasksFile, specPath, rows, resolutions);
    }

    private static boolean repoInImage(Resolution r) {
        return r.resolved() && r.task().environment().repoInImage();
    }

    /** The rows whose repository was reached; a problem naming the repository and why for each other task. */
    private static TaskLoadResult withoutUnreachable(TaskLoadResult rows, List<RepoPreflight.Unreachable> bad, String source) {
        if (bad.isEmpty()) return rows;
        Map<String, RepoPreflight.Unreachable> byRepo = new LinkedHashMap<>();
        bad.forEach(u -> byRepo.put(u.repo(), u));
        List<Task> kept = new ArrayList<>();
        List<TaskProblem> problems = new ArrayList<>(rows.problems());
        for (Task t : rows.tasks()) {
            RepoPreflight.Unreachable u = byRepo.get(t.repo());
            if (u == null) {
                kept.add(t);
            } else {
                problems.add(new TaskProblem(source, 0, "repo", t.instanceId() + ": repository " + u.repo()
                        + " could not be reached (" + u.location() + "): " + u.message()
                        + "; map it in a mirror map (--mirrors FILE) or fix its location, then re-run"));
            }
        }
        return new TaskLoadResult(kept, problems);
    }

    private static String sourceName(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    /** The tasks with an environment. */
    List<Task> tasks() {
        return resolutions.tasks();
    }

    /** Row problems plus one problem per task without an environment. */
    List<TaskProblem> problems() {
        List<TaskProblem> all = new ArrayList<>(rows.problems());
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        for (Resolution r : resolutions.unresolved()) all.add(new TaskProblem(name, 0, "environment", r.problem()));
        return all;
    }

    /** As a load result: the resolved tasks and every problem. */
    TaskLoadResult asLoadResult() {
        return new TaskLoadResult(tasks(), problems());
    }

    /** One line per task, for a terse report: where its environment came from. */
    static String describe(Resolution r) {
        return r.resolved() ? r.source().name().toLowerCase() + (r.origin().isEmpty() ? "" : " (" + r.origin() + ")")
                : "UNRESOLVED: " + r.problem();
    }

    /**
     * The images the tasks need that are not on the local daemon, with the tasks needing each; printed as one error
     * saying how to get them.
     */
    static Map<String, List<String>> missingImages(EnvironmentImages images, List<Task> tasks) {
        Map<String, List<String>> byImage = new LinkedHashMap<>();
        for (Task t : tasks) byImage.computeIfAbsent(t.environment().image(), k -> new ArrayList<>()).add(t.instanceId());
        Map<String, List<String>> missing = new LinkedHashMap<>();
        byImage.forEach((image, ids) -> {
            if (!images.imageExists(image)) missing.put(image, ids);
        });
        return missing;
    }

    /** Prints the missing images with how to get each; returns whether any was missing. */
    static boolean reportMissingImages(PrintWriter err, String command, Path tasksFile,
                                       Map<String, List<String>> missing) {
        if (missing.isEmpty()) return false;
        err.println(command + ": " + missing.size() + " image(s) the tasks need are not on the Docker daemon;"
                + " nothing was run:");
        missing.forEach((image, ids) -> err.println("  " + image + " (" + ids.size() + " task(s), e.g. " + ids.get(0)
                + "): " + hint(image, tasksFile)));
        err.flush();
        return true;
    }

    private static String hint(String image, Path tasksFile) {
        if (image.startsWith(EnvironmentRecipe.REPOSITORY + ":")) {
            return "build it with: fixpoint env build --tasks " + tasksFile;
        }
        if (image.startsWith("fixpoint/")) return "build the base images with: scripts/build-images";
        return "pull it (fixpoint env build pulls the images specs name) or load it with docker load";
    }
}
