package dev.fixpoint.tasks.env;

/**
 * How a task's test command reports per-test results; spec files and task rows name it in lower case
 * ({@code result_format: django}). Each value has one parser in the harness ({@code harness.results.LogParsers});
 * the comment names the SWE-bench log parser it stands for, where there is one.
 */
public enum ResultFormat {
    /** pytest run with {@code -rA}: the short test summary lines ({@code PASSED path::name}). */
    PYTEST_LOG,
    /** JUnit XML reports (Surefire, Gradle, JUnit console launcher) written under {@link EnvironmentSpec#reportsDir()}. */
    JUNIT_XML,

    // Python (parse_log_pytest_options, parse_log_pytest_v2, parse_log_matplotlib, parse_log_django, parse_log_sympy)
    /** pytest {@code -rA}, parameters holding an absolute path cut to its last segment (requests, pylint, pydicom). */
    PYTEST_OPTIONS,
    /** pytest {@code -rA} of later pytest versions: colours stripped, ids with spaces (astropy, scikit-learn, sphinx). */
    PYTEST_V2,
    /** pytest {@code -rA}, {@code MouseButton.LEFT/RIGHT} in ids read as {@code 1}/{@code 3} (matplotlib). */
    MATPLOTLIB,
    /** Django's {@code runtests.py --verbosity 2}: {@code test_x (module.Class) ... ok}. */
    DJANGO,
    /** sympy's {@code bin/test}: {@code test_x ok}, {@code test_x F}, {@code ___ path.py:test_x ___} sections. */
    SYMPY,

    // Go, Rust, JavaScript/TypeScript, PHP, Ruby (SWE-bench Multilingual)
    /** {@code go test -v} text (parse_log_gotest). */
    GO_TEST,
    /** {@code go test -json} events. */
    GO_TEST_JSON,
    /** {@code cargo test} text (parse_log_cargo). */
    CARGO_TEST,
    /** Jest's default reporter with {@code --verbose} (parse_log_jest). */
    JEST,
    /** Jest's {@code --json} report on stdout (parse_log_jest_json). */
    JEST_JSON,
    /** Vitest's default reporter (parse_log_vitest). */
    VITEST,
    /** Mocha's spec reporter. */
    MOCHA,
    /** TAP: {@code ok 1 - name} / {@code not ok 2 - name} (mocha {@code -R tap}, QUnit; parse_log_tap). */
    TAP,
    /** Karma's output with karma-mocha-reporter: a tree of suites and ✔/✖ tests (parse_log_karma). */
    KARMA,
    /** PHPUnit text or testdox output (parse_log_phpunit); PHPUnit's {@code --log-junit} is {@link #JUNIT_XML}. */
    PHPUNIT,
    /** RSpec's JSON formatter (parse_log_rspec_transformed_json). */
    RSPEC_JSON,
    /** minitest's verbose output (parse_log_minitest). */
    MINITEST,
    /** test-unit's verbose output (parse_log_ruby_unit). */
    RUBY_UNIT,
    /**
     * Cucumber's progress format with jekyll's scenario lines ({@code features/x.feature:6  Scenario: name ..F-
     * (0.3s)}, printed by jekyll's features/support/formatter.rb) (parse_log_cucumber).
     */
    CUCUMBER,

    // C, C++ and Java of SWE-bench Multilingual
    /**
     * GoogleTest's result lines ({@code [       OK ] Suite.Name (0 ms)}), also after ctest's {@code N: }
     * (parse_log_googletest).
     */
    GOOGLETEST,
    /** doctest's XML report ({@code -r=xml}) in the log, a test per subcase: {@code Case > Sub} (parse_log_doctest). */
    DOCTEST,
    /** Redis/Valkey's {@code ./runtest}: {@code [ok]: name (3 ms)}, {@code [err]}, {@code [skip]} (parse_log_redis). */
    REDIS_TCL,
    /** Automake's {@code make check} lines ({@code PASS: tests/jqtest}), a test per test script (parse_log_jq). */
    JQ,
    /**
     * MicroPython's {@code run-tests.py}: {@code pass  basics/x.py}, {@code FAIL}, {@code skip} lines
     * (parse_log_micropython_test).
     */
    MICROPYTHON,
    /** Maven's console output (parse_log_maven). */
    MAVEN_LOG,
    /**
     * Ant's JUnit task with lombok's formatter, {@code [junit] [PASS] name} / {@code [FAIL]} / {@code [ERR]} lines
     * (parse_log_ant: projectlombok/lombok's {@code ant test.instance}).
     */
    ANT,
    /**
     * Gradle's console output with per-test events, {@code Class > method PASSED} / {@code FAILED} lines
     * (parse_log_gradle_custom: apache/lucene, reactivex/rxjava, whose testLogging SWE-bench sets to log them).
     */
    GRADLE_LOG,

    // JavaScript formats beyond SWE-bench's parsers
    /** Mocha's JSON reporter ({@code --reporter json}); tests named by Mocha's {@code fullTitle}. */
    MOCHA_JSON
}
