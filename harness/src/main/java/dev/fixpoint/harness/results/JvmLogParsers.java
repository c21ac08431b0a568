package dev.fixpoint.harness.results;

import dev.fixpoint.tasks.env.ResultFormat;
import java.util.EnumMap;
import java.util.Map;

/**
 * The log parsers of SWE-bench's Java repositories beyond Maven ({@code maven_log} stays with {@link LogParsers}):
 * Gradle's per-test events ({@code gradle_log}: apache/lucene, reactivex/rxjava; see {@link GradleLogParser}) and
 * Ant's JUnit task with lombok's formatter ({@code ant}: projectlombok/lombok). Registered with {@link LogParsers}
 * through {@link java.util.ServiceLoader}.
 */
public final class JvmLogParsers implements LogParserProvider {

    /**
     * {@code ant test.instance} as SWE-bench runs lombok: Ant's {@code <junit>} task with lombok's own
     * {@code lombok.ant.SimpleTestFormatter}, which prints {@code [PASS] name}, {@code [FAIL] name} or
     * {@code [ERR] name} per test, each line prefixed by Ant with {@code [junit]}. A test is named as JUnit 4 shows
     * it ({@code method(pkg.Class)}; the class alone when its setup failed), as SWE-bench's {@code parse_log_ant}
     * keys it. {@code [ERR]} (an exception other than an assertion) is {@link TestOutcome#ERROR}, which grades as
     * SWE-bench's FAILED. An ignored test prints no line (the formatter does not listen for it), so it is absent.
     * Like SWE-bench's parser, this one cannot tell a failure message's own {@code [PASS] x} line (the formatter
     * prints the message under the {@code [FAIL]} line, prefixed the same way) from a result.
     */
    static final LinePattern ANT = LinePattern.of("\\[junit\\]\\s+\\[(?<status>PASS|FAIL|ERR)\\]\\s+(?<name>.*)",
            Map.of("PASS", TestOutcome.PASSED, "FAIL", TestOutcome.FAILED, "ERR", TestOutcome.ERROR));

    /** What an Ant log without results lacks. */
    static final String ANT_LOOKED_FOR = "no `[junit] [PASS]` / `[FAIL]` / `[ERR]` lines found in the log; was the"
            + " <junit> task run with lombok's formatter (lombok.ant.SimpleTestFormatter, usefile=\"false\")?";

    /** For {@link java.util.ServiceLoader}. */
    public JvmLogParsers() {}

    @Override
    public Map<ResultFormat, LogParser> parsers() {
        Map<ResultFormat, LogParser> parsers = new EnumMap<>(ResultFormat.class);
        Outcomes.register(parsers, ResultFormat.GRADLE_LOG, GradleLogParser::read, GradleLogParser.LOOKED_FOR);
        Outcomes.register(parsers, ResultFormat.ANT, ANT, ANT_LOOKED_FOR);
        return parsers;
    }
}
