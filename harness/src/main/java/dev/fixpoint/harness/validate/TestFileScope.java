package dev.fixpoint.harness.validate;

import dev.fixpoint.harness.results.TestResults;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which test results belong to a set of test files (the files the row's test patch touches), for validation limited
 * to them: a pytest node id by its path ({@code tests/test_x.py::test_a} is in {@code tests/test_x.py}), a Java test
 * ({@code pkg.Outer$Inner#m}) by its top-level class's source file ({@code .../pkg/Outer.java}). A name of another
 * form names no file and is kept. Pure.
 */
final class TestFileScope {

    private TestFileScope() {}

    /** Whether a test name belongs to one of {@code files}. */
    static Predicate<String> of(Collection<String> files) {
        Set<String> all = Set.copyOf(files);
        return name -> {
            int hash = name.indexOf('#');
            if (hash > 0) {
                String cls = name.substring(0, hash);
                int nested = cls.indexOf('$');
                String path = (nested > 0 ? cls.substring(0, nested) : cls).replace('.', '/') + ".java";
                return all.stream().anyMatch(f -> f.equals(path) || f.endsWith("/" + path));
            }
            int sep = name.indexOf("::");
            return sep < 0 || all.contains(name.substring(0, sep));
        };
    }

    /** Each run's results with only the tests {@code keep} accepts. */
    static List<TestResults> filter(List<TestResults> runs, Predicate<String> keep) {
        return runs.stream().map(r -> new TestResults(r.outcomes().entrySet().stream()
                        .filter(e -> keep.test(e.getKey()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), r.source(), r.problems()))
                .toList();
    }
}
