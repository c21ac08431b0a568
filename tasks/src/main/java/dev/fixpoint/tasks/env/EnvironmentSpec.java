package dev.fixpoint.tasks.env;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where and how a task's tests run.
 *
 * @param image         Docker image the sandbox starts from, e.g. {@code fixpoint/python:latest}
 * @param workdir       absolute path of the repository inside the sandbox, e.g. {@code /testbed}
 * @param setupCommands shell commands run in the repository after checkout, before tests (may be empty)
 * @param testCommand   shell command that runs the tests, from {@code workdir}
 * @param resultFormat  how per-test results are read back
 * @param reportsDir    for {@link ResultFormat#JUNIT_XML}: directory (relative to workdir, or absolute) holding the XML
 *                      reports, or a glob naming several ({@code *} within one path segment, {@code **} across
 *                      several, zero included: {@code **}{@code /target/surefire-reports} is every Maven module's,
 *                      the root's too); else null
 * @param testTimeout   wall-time bound for one run of {@code testCommand}
 * @param env           environment variables of every sandbox started for the task (tests, rollouts, verification),
 *                      exactly these: nothing from the host environment is added; sorted by name, may be empty
 * @param testCommandTemplate the test command as the spec wrote it, before its placeholders ({@code {test_files}},
 *                      ...) were filled for the task: what a model is shown, with slots for the files to run
 *                      ({@link dev.fixpoint.tasks.env.CommandTemplate#withSlots}); {@code testCommand} when null
 * @param repoInImage   the image already holds the repository at the task's base commit in {@code workdir} (SWE-bench's
 *                      instance images, {@link SweBenchImages}): no mirror is needed and nothing is copied in
 */
public record EnvironmentSpec(
        String image,
        String workdir,
        List<String> setupCommands,
        String testCommand,
        ResultFormat resultFormat,
        String reportsDir,
        Duration testTimeout,
        Map<String, String> env,
        String testCommandTemplate,
        boolean repoInImage) {

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public static final String DEFAULT_WORKDIR = "/testbed";
    public static final Duration DEFAULT_TEST_TIMEOUT = Duration.ofMinutes(10);

    public EnvironmentSpec {
        requireText(image, "image");
        workdir = workdir == null || workdir.isBlank() ? DEFAULT_WORKDIR : workdir;
        if (!workdir.startsWith("/")) {
            throw new IllegalArgumentException("environment workdir must be an absolute path, not: " + workdir);
        }
        setupCommands = setupCommands == null ? List.of() : List.copyOf(setupCommands);
        requireText(testCommand, "test_command");
        Objects.requireNonNull(resultFormat, "environment result_format is missing (pytest_log or junit_xml)");
        if (resultFormat == ResultFormat.JUNIT_XML && (reportsDir == null || reportsDir.isBlank())) {
            throw new IllegalArgumentException("environment result_format junit_xml needs reports_dir");
        }
        testTimeout = testTimeout == null ? DEFAULT_TEST_TIMEOUT : testTimeout;
        if (testTimeout.isNegative() || testTimeout.isZero()) {
            throw new IllegalArgumentException("environment test_timeout must be positive, not: " + testTimeout);
        }
        var sorted = new TreeMap<String, String>();
        if (env != null) {
            env.forEach((name, value) -> {
                if (name == null || !VARIABLE.matcher(name).matches()) {
                    throw new IllegalArgumentException("environment env: not a variable name: " + name);
                }
                if (value == null) throw new IllegalArgumentException("environment env " + name + " has no value");
                sorted.put(name, value);
            });
        }
        env = Collections.unmodifiableMap(sorted);
        testCommandTemplate = testCommandTemplate == null || testCommandTemplate.isBlank() ? testCommand : testCommandTemplate;
    }

    /** An environment whose image does not hold the repository (it is copied in). */
    public EnvironmentSpec(String image, String workdir, List<String> setupCommands, String testCommand,
                           ResultFormat resultFormat, String reportsDir, Duration testTimeout, Map<String, String> env,
                           String testCommandTemplate) {
        this(image, workdir, setupCommands, testCommand, resultFormat, reportsDir, testTimeout, env, testCommandTemplate,
                false);
    }

    /** An environment whose test command was written as is (no placeholders filled). */
    public EnvironmentSpec(String image, String workdir, List<String> setupCommands, String testCommand,
                           ResultFormat resultFormat, String reportsDir, Duration testTimeout, Map<String, String> env) {
        this(image, workdir, setupCommands, testCommand, resultFormat, reportsDir, testTimeout, env, null);
    }

    /** An environment without variables of its own. */
    public EnvironmentSpec(String image, String workdir, List<String> setupCommands, String testCommand,
                           ResultFormat resultFormat, String reportsDir, Duration testTimeout) {
        this(image, workdir, setupCommands, testCommand, resultFormat, reportsDir, testTimeout, Map.of(), null);
    }

    /** This environment with {@code env} as its variables. */
    public EnvironmentSpec withEnv(Map<String, String> env) {
        return new EnvironmentSpec(image, workdir, setupCommands, testCommand, resultFormat, reportsDir, testTimeout, env,
                testCommandTemplate, repoInImage);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("environment " + field + " is missing or blank");
        }
    }
}
