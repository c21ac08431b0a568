package dev.fixpoint.tasks;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how a task's tests run.
 *
 * @param image         Docker image the sandbox starts from, e.g. {@code fixpoint/python:latest}
 * @param workdir       absolute path of the repository inside the sandbox, e.g. {@code /testbed}
 * @param setupCommands shell commands run in the repository after checkout, before tests (may be empty)
 * @param testCommand   shell command that runs the tests, from {@code workdir}
 * @param resultFormat  how per-test results are read back
 * @param reportsDir    for {@link ResultFormat#JUNIT_XML}: directory (relative to workdir) holding the XML reports; else null
 * @param testTimeout   wall-time bound for one run of {@code testCommand}
 */
public record EnvironmentSpec(
        String image,
        String workdir,
        List<String> setupCommands,
        String testCommand,
        ResultFormat resultFormat,
        String reportsDir,
        Duration testTimeout) {

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
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("environment " + field + " is missing or blank");
        }
    }
}
