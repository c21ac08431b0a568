package dev.fixpoint.harness.results;

import dev.fixpoint.tasks.env.ResultFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A stored test log (under {@code results/<dir>/} in the test resources) and what its parser must read from it,
 * written by hand in the {@code .expected} file beside it:
 * <pre>
 * # format: go_test
 * # problem: started but never reported     (a text one of the problems must hold; none: no problems)
 * PASSED TestAdd
 * FAILED TestTable/wrong_on_purpose
 * </pre>
 * Real logs were recorded by {@code scripts/make-parser-fixtures}; hand-made ones end in {@code .handmade.log}.
 */
record LogFixture(Path log, ResultFormat format, Map<String, TestOutcome> outcomes, List<String> problems) {

    /** The fixtures root: {@code results/} of the test resources. */
    static Path root() {
        try {
            return Path.of(LogFixture.class.getResource("/results/versions.txt").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test resources are not files", e);
        }
    }

    /** Every log with a {@code .expected} file, in path order. */
    static List<LogFixture> all() {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(p -> p.toString().endsWith(".expected")).sorted().map(LogFixture::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LogFixture read(Path expectedFile) {
        String file = expectedFile.getFileName().toString();
        Path log = expectedFile.resolveSibling(file.substring(0, file.length() - ".expected".length()));
        ResultFormat format = null;
        Map<String, TestOutcome> outcomes = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        List<String> lines = lines(expectedFile);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = expectedFile + ":" + (i + 1);
            if (line.isBlank()) continue;
            if (line.startsWith("# format: ")) {
                format = ResultFormat.valueOf(line.substring(10).strip().toUpperCase(Locale.ROOT));
            } else if (line.startsWith("# problem: ")) {
                problems.add(line.substring(11).strip());
            } else if (!line.startsWith("#")) {
                int space = line.indexOf(' ');
                if (space < 0) throw new IllegalArgumentException(where + ": expected 'OUTCOME name', got: " + line);
                TestOutcome before = outcomes.put(line.substring(space + 1), TestOutcome.valueOf(line.substring(0, space)));
                if (before != null) throw new IllegalArgumentException(where + ": test listed twice: " + line);
            }
        }
        if (format == null) throw new IllegalArgumentException(expectedFile + ": no '# format: name' line");
        if (!Files.isRegularFile(log)) throw new IllegalArgumentException(expectedFile + ": no log " + log);
        return new LogFixture(log, format, outcomes, problems);
    }

    String text() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Path under the fixtures root, for test names. */
    String name() {
        return root().relativize(log).toString();
    }

    /** The fixture whose log is {@code name} under the root ({@code gradle_log/gradle-test.log}). */
    static LogFixture named(String name) {
        return all().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fixture " + name));
    }

    /** {@code log} read by the registered parser of {@code format}, expecting nothing in particular. */
    static TestResults parse(ResultFormat format, String log) {
        return LogParsers.of(format).parse(log, java.util.Set.of());
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
