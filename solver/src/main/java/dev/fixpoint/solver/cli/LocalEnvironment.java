package dev.fixpoint.solver.cli;

import dev.fixpoint.tasks.env.EnvironmentSpec;
import dev.fixpoint.tasks.env.ResultFormat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Guesses where a local repository's tests run, from its files: {@code run-tests.sh} with JUnit XML under
 * {@code build/test-results} (the Java samples), Maven ({@code pom.xml}, offline), else pytest. Flags override
 * each part.
 */
final class LocalEnvironment {

    private LocalEnvironment() {}

    static EnvironmentSpec guess(Path checkout, String image, String testCommand, ResultFormat format, String reportsDir) {
        boolean java = Files.exists(checkout.resolve("pom.xml")) || Files.exists(checkout.resolve("run-tests.sh"))
                && !Files.exists(checkout.resolve("setup.py")) && !Files.exists(checkout.resolve("pyproject.toml"));
        String defImage, defCommand, defReports;
        ResultFormat defFormat;
        if (java && Files.exists(checkout.resolve("run-tests.sh"))) {
            defImage = "fixpoint/java:latest"; defCommand = "sh run-tests.sh"; defFormat = ResultFormat.JUNIT_XML; defReports = "build/test-results";
        } else if (java) {
            defImage = "fixpoint/java:latest"; defCommand = "mvn -o -q test"; defFormat = ResultFormat.JUNIT_XML; defReports = "target/surefire-reports";
        } else {
            defImage = "fixpoint/python:latest"; defCommand = "python3 -m pytest -rA -p no:cacheprovider"; defFormat = ResultFormat.PYTEST_LOG; defReports = null;
        }
        ResultFormat f = format != null ? format : defFormat;
        // The pytest default names its files, so that verification runs the tests it chose, not the whole suite.
        String template = testCommand == null && !java ? defCommand + " {test_files}" : null;
        return new EnvironmentSpec(image != null ? image : defImage, EnvironmentSpec.DEFAULT_WORKDIR, List.of(),
                testCommand != null ? testCommand : defCommand, f,
                f == ResultFormat.JUNIT_XML ? (reportsDir != null ? reportsDir : defReports != null ? defReports : "build/test-results") : null,
                Duration.ofMinutes(10), Map.of(), template);
    }
}
