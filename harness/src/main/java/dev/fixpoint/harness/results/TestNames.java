package dev.fixpoint.harness.results;

import java.util.Map;
import java.util.Optional;

/**
 * How a test named in a FAIL_TO_PASS / PASS_TO_PASS list is found among parsed results.
 *
 * <ol>
 *   <li>The exact name ({@code tests/test_x.py::test_a[1-2]}, {@code pkg.Class#method}).</li>
 *   <li>Java names ({@code Class#method}): the parameter list is ignored ({@code m(int)} = {@code m}), nested
 *       classes match with {@code $} or {@code .}, and a method stands for all its parameterised invocations
 *       ({@code pkg.C#m} matches {@code pkg.C#m[1]}, {@code pkg.C#m[2]}, ...).</li>
 *   <li>Python short names (no {@code ::}): the last {@code ::} part of a node id, the way some SWE-bench lists
 *       name tests ({@code test_a} matches {@code tests/test_x.py::TestK::test_a}). {@code ::} inside
 *       parameter brackets does not split.</li>
 * </ol>
 * When one listed name matches several results, the worst outcome counts: every one of them must pass.
 */
final class TestNames {

    private TestNames() {}

    static Optional<TestOutcome> lookup(String listed, Map<String, TestOutcome> outcomes) {
        TestOutcome exact = outcomes.get(listed);
        if (exact != null) return Optional.of(exact);
        if (listed.contains("#")) return lookupJava(listed, outcomes);
        if (lastPart(listed).equals(listed)) return lookupShort(listed, outcomes);
        return Optional.empty();
    }

    private static Optional<TestOutcome> lookupJava(String listed, Map<String, TestOutcome> outcomes) {
        String wanted = canonicalJava(listed);
        TestOutcome found = null;
        for (Map.Entry<String, TestOutcome> e : outcomes.entrySet()) {
            if (!e.getKey().contains("#")) continue;
            String have = canonicalJava(e.getKey());
            if (have.equals(wanted) || (have.startsWith(wanted + "[") && !wanted.endsWith("]"))) {
                found = found == null ? e.getValue() : TestOutcome.worse(found, e.getValue());
            }
        }
        return Optional.ofNullable(found);
    }

    private static Optional<TestOutcome> lookupShort(String listed, Map<String, TestOutcome> outcomes) {
        TestOutcome found = null;
        for (Map.Entry<String, TestOutcome> e : outcomes.entrySet()) {
            if (e.getKey().contains("::") && lastPart(e.getKey()).equals(listed)) {
                found = found == null ? e.getValue() : TestOutcome.worse(found, e.getValue());
            }
        }
        return Optional.ofNullable(found);
    }

    /** {@code pkg.Outer$Inner#m(int, int)[2]} -> {@code pkg.Outer.Inner#m[2]}. */
    static String canonicalJava(String name) {
        int hash = name.indexOf('#');
        String cls = name.substring(0, hash).replace('$', '.');
        return cls + "#" + stripParameterTypes(name.substring(hash + 1));
    }

    /**
     * A JUnit method name without its parameter-type list: {@code add(int, int)[1]} -> {@code add[1]},
     * {@code adds()} -> {@code adds}. Display names such as {@code [1] 1, 2} are kept as they are.
     */
    static String stripParameterTypes(String method) {
        int open = method.indexOf('(');
        if (open <= 0) return method;
        int close = method.indexOf(')', open);
        if (close < 0) return method;
        return method.substring(0, open) + method.substring(close + 1);
    }

    /** Last {@code ::}-separated part of a pytest node id, ignoring {@code ::} inside {@code [...]} parameters. */
    static String lastPart(String nodeId) {
        int depth = 0;
        int start = 0;
        for (int i = 0; i < nodeId.length(); i++) {
            char c = nodeId.charAt(i);
            if (c == '[') depth++;
            else if (c == ']' && depth > 0) depth--;
            else if (depth == 0 && c == ':' && i + 1 < nodeId.length() && nodeId.charAt(i + 1) == ':') {
                start = i + 2;
                i++;
            }
        }
        return nodeId.substring(start);
    }
}
