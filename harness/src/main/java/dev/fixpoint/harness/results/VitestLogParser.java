package dev.fixpoint.harness.results;

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
final class VitestLogParser {

    /** What a log without results lacks, for the problem of its empty results. */
    static final String LOOKED_FOR = "no Vitest result lines (✓ / × / ↓ file > title) found in the log; "
            + "was vitest run with --reporter=verbose?";

    private static final Pattern TEST = Pattern.compile(
            "^\\s*([✓×↓✗√])\\s+(.+?)(?:\\s+(?:\\d+(?:\\.\\d+)?\\s*m?s|\\[skipped]|\\[todo]))?$");
    /** The default reporter's per-file line: {@code ❯ test/a.test.ts (9 tests | 3 failed) 16ms}. */
    private static final Pattern FILE_LINE =
            Pattern.compile("^(\\s*)[❯✓×↓✗√] (\\S+) \\(\\d+ tests?(?: \\|[^)]*)?\\)(?:\\s+\\d+(?:\\.\\d+)?\\s*m?s)?$");

    private VitestLogParser() {}

    /** Reads the outcomes of {@code log} into {@code outcomes}. */
    static void read(String log, Outcomes outcomes) {
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
    }
}
