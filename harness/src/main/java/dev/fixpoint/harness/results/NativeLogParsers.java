package dev.fixpoint.harness.results;

import dev.fixpoint.tasks.env.ResultFormat;
import java.util.EnumMap;
import java.util.Map;

/**
 * The log parsers of SWE-bench Multilingual's C and C++ repositories: test frameworks (GoogleTest, doctest) and
 * the projects' own runners (Redis/Valkey's Tcl suite, jq's {@code make check}, MicroPython's
 * {@code run-tests.py}). Registered with {@link LogParsers} through {@link java.util.ServiceLoader}.
 */
public final class NativeLogParsers implements LogParserProvider {

    /** For {@link java.util.ServiceLoader}. */
    public NativeLogParsers() {}

    @Override
    public Map<ResultFormat, LogParser> parsers() {
        Map<ResultFormat, LogParser> parsers = new EnumMap<>(ResultFormat.class);
        put(parsers, ResultFormat.REDIS_TCL, RunnerLogFormats.REDIS_TCL, RunnerLogFormats.REDIS_LOOKED_FOR);
        put(parsers, ResultFormat.MICROPYTHON, RunnerLogFormats.MICROPYTHON, RunnerLogFormats.MICROPYTHON_LOOKED_FOR);
        return parsers;
    }

    /** Each parser's results carry its format's name ({@code googletest}) as their source. */
    private static void put(Map<ResultFormat, LogParser> parsers, ResultFormat format, Outcomes.Reader reader,
                            String lookedFor) {
        parsers.put(format, Outcomes.parser(LogParsers.name(format), reader, lookedFor));
    }
}
