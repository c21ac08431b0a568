package dev.fixpoint.harness.results;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Vitest's console output, best with {@code --reporter=verbose}: {@code ✓ test/a.test.ts > block > title 5ms}
 * passed, {@code × ...} failed, {@code ↓ ...} skipped (also {@code [skipped]} / {@code [todo]}). A test is named by
 * the whole path Vitest prints ({@code file > describe > title}), as SWE-bench's {@code parse_log_vitest} keys it
 * (vuejs/core), minus a trailing duration; unlike that parser, a title ending in a bare number
 * ({@code add(1, 1) -> 2}) keeps it. The default reporter's per-file lines ({@code ❯ test/a.test.ts (3 tests) 4ms})
 * are not tests, but the file prefixes the tests listed under them, so names are the same as with verbose; that
 * reporter lists only failing tests one by one, so passing tests are found with verbose only.
 */
final class VitestLogParser implements LogParser {

    private static final Pattern TEST = Pattern.compile(
            "^\\s*([✓×↓✗√])\\s+(.+?)(?:\\s+(?:\\d+(?:\\.\\d+)?\\s*m?s|\\[skipped]|\\[todo]))?$");
    /** The default reporter's per-file line: {@code ❯ test/a.test.ts (9 tests | 3 failed) 16ms}. */
    private static final Pattern FILE_LINE =
            Pattern.compile("^(\\s*)[❯✓×↓✗√] (\\S+) \\(\\d+ tests?(?: \\|[^)]*)?\\)(?:\\s+\\d+(?:\\.\\d+)?\\s*m?s)?$");

    private final String source;

    VitestLogParser(String source) {
        this.source = source;
    }

    @Override
    public TestResults parse(String log, Set<String> expected) {
        Outcomes outcomes = new Outcomes();
        String file = null;
        int fileIndent = -1;
        for (String line : LogText.lines(log)) {
            Matcher f = FILE_LINE.matcher(line);
            if (f.matches()) {
                file = f.group(2);
                fileIndent = f.group(1).length();
                continue;
            }
            Matcher m = TEST.matcher(line);
            if (!m.matches()) continue;
            boolean underFile = file != null && LogText.indent(line) > fileIndent;
            TestOutcome outcome = switch (m.group(1)) {
                case "✓", "√" -> TestOutcome.PASSED;
                case "×", "✗" -> TestOutcome.FAILED;
                default -> TestOutcome.SKIPPED;
            };
            outcomes.add(underFile ? file + " > " + m.group(2) : m.group(2), outcome);
        }
        return outcomes.results(source, "no Vitest result lines (✓ / × / ↓ file > title) found in the log; "
                + "was vitest run with --reporter=verbose?");
    }
}
