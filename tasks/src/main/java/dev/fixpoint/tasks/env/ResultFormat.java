package dev.fixpoint.tasks.env;

/** How a task's test command reports per-test results. */
public enum ResultFormat {
    /** pytest run with {@code -rA}: the short test summary lines ({@code PASSED path::name}). */
    PYTEST_LOG,
    /** JUnit XML reports (Surefire, Gradle, JUnit console launcher) written under {@link EnvironmentSpec#reportsDir()}. */
    JUNIT_XML
}
