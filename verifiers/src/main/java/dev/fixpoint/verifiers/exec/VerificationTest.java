package dev.fixpoint.verifiers.exec;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One test the execution verifier runs against every candidate.
 *
 * <p>A test is either read from the results of the task's test command ({@code command} empty): its
 * {@code selector} names a result (a pytest node id, {@code pkg.Class#method}) or, ending in {@code ::} or
 * {@code #}, every result of one file or class; or it is a script with its own {@code command}, passing when the
 * command exits 0 (the agents' reproduction scripts). {@code files} are written into the repository before
 * anything runs.
 *
 * @param id       unique within a run, e.g. {@code gen-2}, {@code r3-repro}, {@code regr:tests/test_a.py::test_b}
 * @param kind     reproduction (expected to fail on the base code) or regression (passes there)
 * @param origin   where it came from, for reports: {@code generated}, {@code candidate r3}, {@code repository}
 * @param files    repository-relative path -> content, sorted by path
 * @param selector which results belong to this test; empty for scripts
 * @param command  shell command run from the repository root for scripts; empty otherwise
 * @param source   for a test read from results: the repository-relative test file the test command must be given
 *                 (its {@code {test_files}}) for the results to appear, e.g. {@code tests/test_a.py}; empty for
 *                 scripts. When not given it is taken from the one file the test writes, else from a pytest
 *                 selector's file part ({@code tests/test_a.py::t} -> {@code tests/test_a.py})
 */
public record VerificationTest(String id, Kind kind, String origin, Map<String, String> files, String selector,
                               String command, String source) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:/#\\[\\]+=-]+");

    /** What a test is for. */
    public enum Kind { REPRODUCTION, REGRESSION }

    public VerificationTest {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a valid test id: " + id);
        }
        Objects.requireNonNull(kind, "kind");
        origin = Objects.requireNonNullElse(origin, "");
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
        files.keySet().forEach(VerificationTest::checkPath);
        selector = Objects.requireNonNullElse(selector, "");
        command = Objects.requireNonNullElse(command, "");
        if (selector.isEmpty() == command.isEmpty()) {
            throw new IllegalArgumentException(id + ": a test needs exactly one of selector and command");
        }
        source = command.isEmpty() ? Objects.requireNonNullElse(source, "") : "";
        if (source.isEmpty() && command.isEmpty()) {
            source = files.size() == 1 ? files.keySet().iterator().next()
                    : selector.contains("::") ? selector.substring(0, selector.indexOf("::")) : "";
        }
        if (!source.isEmpty()) {
            checkPath(source);
        }
    }

    /** A test read from the test command's results, its {@code source} taken from its file or selector. */
    public VerificationTest(String id, Kind kind, String origin, Map<String, String> files, String selector,
                            String command) {
        this(id, kind, origin, files, selector, command, null);
    }

    /** A test read from the test command's results. */
    public static VerificationTest results(String id, Kind kind, String origin, Map<String, String> files,
                                           String selector) {
        return new VerificationTest(id, kind, origin, files, selector, "");
    }

    /** A test read from the results of the test command run on {@code source}. */
    public static VerificationTest results(String id, Kind kind, String origin, Map<String, String> files,
                                           String selector, String source) {
        return new VerificationTest(id, kind, origin, files, selector, "", source);
    }

    /** A script judged by its exit status. */
    public static VerificationTest script(String id, Kind kind, String origin, Map<String, String> files,
                                          String command) {
        return new VerificationTest(id, kind, origin, files, "", command);
    }

    public boolean isScript() {
        return !command.isEmpty();
    }

    /**
     * Whether a result name belongs to this test. A file selector ({@code path::}) also takes the result pytest
     * reports under the bare path when the file fails to be collected.
     */
    public boolean selects(String resultName) {
        if (selector.endsWith("::")) {
            return resultName.startsWith(selector) || resultName.equals(selector.substring(0, selector.length() - 2));
        }
        if (selector.endsWith("#")) {
            return resultName.startsWith(selector);
        }
        return resultName.equals(selector) || resultName.startsWith(selector + "[");
    }

    private static void checkPath(String path) {
        if (path.isBlank() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("test file path must be repository-relative, not: " + path);
        }
    }
}
