package dev.fixpoint.tasks.env;

import dev.fixpoint.tasks.Task;

/**
 * The {@code swebench} image preset ({@code image: swebench} in a spec file): SWE-bench's published instance images.
 * Each task runs in its own image, {@code swebench/sweb.eval.x86_64.<id>:latest} with the instance id in lower case
 * and {@code __} written {@code _1776_} (Docker allows no double underscore there), which holds the repository at the
 * base commit in {@code /testbed} and its dependencies in the conda environment {@code testbed}. The repository is
 * taken from the image: no mirror is needed, nothing is copied in, and the test and setup commands run with the
 * environment activated.
 */
public final class SweBenchImages {

    /** The value of a spec entry's {@code image} that selects this preset. */
    public static final String PRESET = "swebench";
    /** Where the instance images hold the repository. */
    public static final String WORKDIR = "/testbed";
    /** Activates the images' conda environment; POSIX sh ({@code .}), as the eval script runs under sh. */
    public static final String ACTIVATE = ". /opt/miniconda3/bin/activate && conda activate testbed";

    private SweBenchImages() {}

    /** Whether a spec entry's image names this preset. */
    public static boolean isPreset(String image) {
        return PRESET.equals(image == null ? null : image.strip());
    }

    /** The published instance image of {@code task}. */
    public static String imageOf(Task task) {
        return CommandTemplate.expand("swebench/sweb.eval.x86_64.{swebench_id}:latest", task);
    }

    /** {@code command} run with the conda environment active; a failed activation stops it, saying so. */
    static String activated(String command) {
        return "{ " + ACTIVATE + "; } || { echo 'fixpoint: cannot activate the conda environment testbed"
                + " (/opt/miniconda3/bin/activate)' >&2; exit 1; }\n" + command;
    }
}
