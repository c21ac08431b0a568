package dev.fixpoint.tasks.env;

import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.TaskException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gives each task its {@link EnvironmentSpec}, in one place, so that the harness and the pipeline only read
 * {@code task.environment()}. Precedence: the row's own {@code environment} object, then the spec file's entry for
 * the repo and version (the whole entry: it replaces a preset, it is not merged into one), then the built-in
 * SWE-bench preset of the repo and version ({@link SwebenchPresets}: SWE-bench's instance image, test command and
 * log format), then the built-in default told from the tree at the base commit
 * ({@link BuiltinEnvironments}; only with a {@link TreeSource}). Test command placeholders are filled in per task
 * ({@link CommandTemplate}). An entry with packages, install commands or env names a Fixpoint-built image
 * ({@link EnvironmentRecipe#image()}, made by {@code fixpoint env build}); otherwise its image is used as is.
 * Immutable and thread-safe (as far as its tree source is).
 */
public final class EnvironmentResolver {

    private final SpecFile specs;
    private final TreeSource trees;

    private EnvironmentResolver(SpecFile specs, TreeSource trees) {
        this.specs = specs;
        this.trees = trees;
    }

    /**
     * A resolver.
     *
     * @param specs the spec file, or null for none
     * @param trees where to read trees for the built-in defaults, or null for no defaults
     */
    public static EnvironmentResolver of(SpecFile specs, TreeSource trees) {
        return new EnvironmentResolver(specs, trees);
    }

    /** The spec file, if any. */
    public Optional<SpecFile> specs() {
        return Optional.ofNullable(specs);
    }

    /** Resolves every task; see {@link Resolutions}. */
    public Resolutions resolveAll(List<Task> tasks) {
        List<Resolution> out = new ArrayList<>(tasks.size());
        for (Task t : tasks) {
            out.add(resolve(t));
        }
        return new Resolutions(out);
    }

    /** Resolves one task. Never throws for a missing or bad environment: that is an unresolved result. */
    public Resolution resolve(Task task) {
        if (task.environment() != null) {
            return Resolution.resolved(task, Resolution.Source.ROW, "task row", null);
        }
        List<String> why = new ArrayList<>();
        if (specs != null) {
            Optional<SpecFile.Match> match = specs.find(task.repo(), task.version());
            if (match.isPresent()) {
                SpecFile.Match m = match.get();
                String origin = specs.source() + ": " + m.repoKey() + " " + m.versionKey();
                return apply(task, m.entry(), Resolution.Source.SPEC_FILE, origin);
            }
            why.add(specs.hasRepo(task.repo())
                    ? "spec file " + specs.source() + " has repo " + task.repo() + " but no entry for version \""
                            + task.version() + "\" (keys: " + String.join(", ", specs.versionKeys(task.repo()))
                            + "; add one, a range, or default)"
                    : "spec file " + specs.source() + " has no entry for repo " + task.repo());
        } else {
            why.add("no spec file");
        }
        Optional<SpecFile.Match> preset = SwebenchPresets.specs().find(task.repo(), task.version());
        if (preset.isPresent()) {
            return apply(task, preset.get().entry(), Resolution.Source.PRESET, SwebenchPresets.SOURCE + ": "
                    + preset.get().repoKey() + " " + preset.get().versionKey());
        }
        if (SwebenchPresets.specs().hasRepo(task.repo())) {
            why.add(SwebenchPresets.SOURCE + " have repo " + task.repo() + " but not version \"" + task.version() + "\"");
        }
        if (trees != null) {
            BuiltinEnvironments.Detection d;
            try {
                d = BuiltinEnvironments.detect(trees.open(task));
            } catch (TaskException e) {
                return Resolution.failed(task, Resolution.Source.DETECTED, "built-in defaults",
                        "cannot read the tree of repo " + task.repo() + " at " + task.baseCommit()
                                + " to detect a default: " + e.getMessage());
            }
            if (d.entry().isPresent()) {
                return apply(task, d.entry().get(), Resolution.Source.DETECTED, d.description());
            }
            why.add("no built-in default: " + d.description());
        }
        return Resolution.failed(task, Resolution.Source.NONE, "", task.instanceId() + ": no environment for repo "
                + task.repo() + " version \"" + task.version() + "\": no environment in the row; "
                + String.join("; ", why));
    }

    private static Resolution apply(Task task, EnvironmentEntry e, Resolution.Source source, String origin) {
        String where = task.instanceId() + ": environment of repo " + task.repo() + " version \"" + task.version()
                + "\" from " + origin;
        try {
            EnvironmentRecipe recipe = null;
            String image;
            String workdir = e.workdir() == null ? EnvironmentSpec.DEFAULT_WORKDIR : e.workdir();
            boolean swebench = SweBenchImages.isPreset(e.image());
            if (swebench && e.installs()) {
                return Resolution.failed(task, source, origin, where + ": image swebench (SWE-bench's instance image)"
                        + " is used as is, so it cannot take packages or install");
            }
            if (swebench) {
                image = SweBenchImages.imageOf(task);
            } else if (e.image() != null) {
                if (e.installs()) {
                    return Resolution.failed(task, source, origin, where + ": image " + e.image() + " is used as is,"
                            + " so it cannot take packages or install; use base_image to build upon it");
                }
                image = CommandTemplate.expand(e.image(), task);
            } else if (e.baseImage() == null) {
                return Resolution.failed(task, source, origin, where + ": base_image (or image) is missing");
            } else if (e.needsBuild()) {
                String commit = task.environmentSetupCommit().isEmpty() ? task.baseCommit()
                        : task.environmentSetupCommit();
                recipe = new EnvironmentRecipe(task.repo(), task.version(), commit, e.baseImage(), workdir,
                        e.packages(), e.install(), e.env(), e.installTimeout(), origin);
                image = recipe.image();
            } else {
                image = e.baseImage();
            }
            if (e.testCommand() == null) {
                return Resolution.failed(task, source, origin, where + ": test_command is missing");
            }
            EnvironmentSpec spec = swebench ? sweBenchSpec(task, e, image, workdir)
                    : new EnvironmentSpec(image, workdir, e.setupCommands(),
                    CommandTemplate.expand(e.testCommand(), task), e.resultFormat(), e.reportsDir(), e.testTimeout(), e.env(),
                    e.testCommand());
            return Resolution.resolved(task.withEnvironment(spec), source, origin, recipe);
        } catch (IllegalArgumentException | NullPointerException ex) {
            return Resolution.failed(task, source, origin, where + ": " + ex.getMessage());
        }
    }

    /** The {@link SweBenchImages} preset: the repository from the image, commands in its conda environment. */
    private static EnvironmentSpec sweBenchSpec(Task task, EnvironmentEntry e, String image, String workdir) {
        java.util.List<String> setup = e.setupCommands() == null ? java.util.List.of()
                : e.setupCommands().stream().map(SweBenchImages::activated).toList();
        return new EnvironmentSpec(image, e.workdir() == null ? SweBenchImages.WORKDIR : workdir, setup,
                SweBenchImages.activated(CommandTemplate.expand(e.testCommand(), task)), e.resultFormat(),
                e.reportsDir(), e.testTimeout(), e.env(), SweBenchImages.activated(e.testCommand()), true);
    }
}
