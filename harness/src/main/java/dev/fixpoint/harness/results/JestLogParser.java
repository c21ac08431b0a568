package dev.fixpoint.harness.results;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Jest's default reporter run with {@code --verbose}: one line per test, {@code ✓ title (12 ms)} passed,
 * {@code ✕ title} failed, {@code ○ skipped title} skipped, {@code ✎ todo title} a todo (skipped). A test is named
 * by its own title only, without its {@code describe} blocks, the way SWE-bench's {@code parse_log_jest} keys it
 * (babel, docusaurus); two tests with one title in different blocks share the name, the worse outcome kept. Use
 * {@link dev.fixpoint.tasks.env.ResultFormat#JEST_JSON} where the full path matters. Windows' {@code √}/{@code ×}
 * are read too. The failure details ({@code ● block › title}) and {@code console.log} blocks are not results.
 */
final class JestLogParser {

    /** What a log without results lacks, for the problem of its empty results. */
    static final String LOOKED_FOR = "no Jest result lines (✓ / ✕ / ○ title) found in the log; "
            + "was jest run with --verbose?";

    private static final Pattern TEST =
            Pattern.compile("^\\s*([✓✕○✎√×])\\s+(?:(skipped|todo)\\s+)?(.+?)(?:\\s+\\(\\d+(?:\\.\\d+)?\\s*m?s\\))?$");

    private JestLogParser() {}

    /** Reads the outcomes of {@code log} into {@code outcomes}. */
    static void read(String log, Outcomes outcomes) {
        for (String line : LogText.lines(log)) {
            Matcher m = TEST.matcher(line);
            if (!m.matches()) continue;
            TestOutcome outcome = switch (m.group(1)) {
                case "✓", "√" -> TestOutcome.PASSED;
                case "✕", "×" -> TestOutcome.FAILED;
                default -> TestOutcome.SKIPPED;
            };
            outcomes.add(m.group(3), outcome);
        }
    }
}
