package dev.fixpoint.harness.results;

import java.util.Set;
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
final class JestLogParser implements LogParser {

    private static final Pattern TEST =
            Pattern.compile("^\\s*([✓✕○✎√×])\\s+(?:(skipped|todo)\\s+)?(.+?)(?:\\s+\\(\\d+(?:\\.\\d+)?\\s*m?s\\))?$");

    private final String source;

    JestLogParser(String source) {
        this.source = source;
    }

    @Override
    public TestResults parse(String log, Set<String> expected) {
        Outcomes outcomes = new Outcomes();
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
        return outcomes.results(source, "no Jest result lines (✓ / ✕ / ○ title) found in the log; "
                + "was jest run with --verbose?");
    }
}
