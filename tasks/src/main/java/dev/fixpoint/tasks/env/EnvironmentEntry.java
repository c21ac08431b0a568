package dev.fixpoint.tasks.env;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One entry of an environment spec file (or a built-in default): how to build a repository's environment and run
 * its tests. Every field may be absent (null) so that a version entry can inherit from the repository's
 * {@code default} entry ({@link #over(EnvironmentEntry)}).
 *
 * @param image          an existing image used as is (e.g. a SWE-bench instance image); nothing is built. May hold
 *                       placeholders, see {@link CommandTemplate}
 * @param baseImage      image an environment is built from (with {@code packages}, {@code install}, {@code env});
 *                       used as is when there is nothing to build
 * @param workdir        absolute path of the repository inside the image (default {@code /testbed})
 * @param packages       Debian packages installed with apt-get at build time
 * @param install        shell commands run in {@code workdir} at build time, network on
 * @param setupCommands  shell commands run before every test run, network off (after the patches are applied)
 * @param testCommand    test command template, see {@link CommandTemplate}
 * @param resultFormat   how per-test results are read
 * @param reportsDir     JUnit XML reports directory, relative to {@code workdir}
 * @param testTimeout    bound of one test-command run
 * @param installTimeout bound of each build-time command (default 30 minutes)
 * @param env            environment variables: given to every sandbox started for the task
 *                       ({@link dev.fixpoint.tasks.env.EnvironmentSpec#env()}), an image used as is included, and
 *                       baked into a built image as well
 */
public record EnvironmentEntry(
        String image,
        String baseImage,
        String workdir,
        List<String> packages,
        List<String> install,
        List<String> setupCommands,
        String testCommand,
        ResultFormat resultFormat,
        String reportsDir,
        Duration testTimeout,
        Duration installTimeout,
        Map<String, String> env) {

    /** An entry with every field absent. */
    public static final EnvironmentEntry EMPTY =
            new EnvironmentEntry(null, null, null, null, null, null, null, null, null, null, null, null);

    public EnvironmentEntry {
        packages = packages == null ? null : List.copyOf(packages);
        install = install == null ? null : List.copyOf(install);
        setupCommands = setupCommands == null ? null : List.copyOf(setupCommands);
        env = env == null ? null : Map.copyOf(env);
    }

    /** This entry with the fields it lacks taken from {@code defaults}. */
    public EnvironmentEntry over(EnvironmentEntry defaults) {
        return new EnvironmentEntry(
                or(image, defaults.image), or(baseImage, defaults.baseImage), or(workdir, defaults.workdir),
                or(packages, defaults.packages), or(install, defaults.install),
                or(setupCommands, defaults.setupCommands), or(testCommand, defaults.testCommand),
                or(resultFormat, defaults.resultFormat), or(reportsDir, defaults.reportsDir),
                or(testTimeout, defaults.testTimeout), or(installTimeout, defaults.installTimeout),
                or(env, defaults.env));
    }

    /** Whether an image must be built: packages, install commands or environment variables are given. */
    public boolean needsBuild() {
        return installs() || env != null && !env.isEmpty();
    }

    /** Whether packages or install commands are given (which an image used as is cannot take; env it can). */
    public boolean installs() {
        return nonEmpty(packages) || nonEmpty(install);
    }

    private static boolean nonEmpty(List<String> list) {
        return list != null && !list.isEmpty();
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
