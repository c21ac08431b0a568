package dev.fixpoint.harness.results;

import dev.fixpoint.tasks.env.ResultFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The log parsers of SWE-bench Multilingual's and Multi-SWE-bench's languages: Go ({@code go test -v} and
 * {@code -json}), Rust ({@code cargo test}), JavaScript/TypeScript (Jest, Vitest, Mocha, TAP), PHP (PHPUnit
 * testdox) and Ruby (RSpec JSON, minitest, test-unit). Registered with {@link LogParsers} through
 * {@link java.util.ServiceLoader}; each parser's Javadoc says which output it reads and how it names tests.
 */
public final class MultilingualLogParsers implements LogParserProvider {

    /** For {@link java.util.ServiceLoader}. */
    public MultilingualLogParsers() {}

    @Override
    public Map<ResultFormat, LogParser> parsers() {
        Map<ResultFormat, LogParser> parsers = new EnumMap<>(ResultFormat.class);
        put(parsers, ResultFormat.GO_TEST, GoTestLogParser::new);
        put(parsers, ResultFormat.GO_TEST_JSON, GoTestJsonLogParser::new);
        put(parsers, ResultFormat.CARGO_TEST, CargoTestLogParser::new);
        put(parsers, ResultFormat.JEST, JestLogParser::new);
        put(parsers, ResultFormat.JEST_JSON, JestJsonLogParser::new);
        put(parsers, ResultFormat.VITEST, VitestLogParser::new);
        put(parsers, ResultFormat.MOCHA, MochaLogParser::new);
        put(parsers, ResultFormat.MOCHA_JSON, MochaJsonLogParser::new);
        put(parsers, ResultFormat.TAP, TapLogParser::new);
        put(parsers, ResultFormat.PHPUNIT, PhpUnitLogParser::new);
        put(parsers, ResultFormat.RSPEC_JSON, RspecJsonLogParser::new);
        put(parsers, ResultFormat.MINITEST, MinitestLogParser::new);
        put(parsers, ResultFormat.RUBY_UNIT, RubyUnitLogParser::new);
        return parsers;
    }

    /** Each parser is made with its format's source name ({@code go_test}), which its results carry. */
    private static void put(Map<ResultFormat, LogParser> parsers, ResultFormat format,
                            Function<String, LogParser> parser) {
        parsers.put(format, parser.apply(LogParsers.name(format)));
    }
}
