package dev.fixpoint.harness.results;

import dev.fixpoint.tasks.env.ResultFormat;
import java.util.EnumMap;
import java.util.Map;

/**
 * The log parsers of SWE-bench Multilingual's and Multi-SWE-bench's languages: Go ({@code go test -v} and
 * {@code -json}), Rust ({@code cargo test}), JavaScript/TypeScript (Jest, Vitest, Mocha, TAP, Karma), PHP (PHPUnit
 * testdox) and Ruby (RSpec JSON, minitest, test-unit, Cucumber). Registered with {@link LogParsers} through
 * {@link java.util.ServiceLoader}; each parser's Javadoc says which output it reads and how it names tests.
 */
public final class MultilingualLogParsers implements LogParserProvider {

    /** For {@link java.util.ServiceLoader}. */
    public MultilingualLogParsers() {}

    @Override
    public Map<ResultFormat, LogParser> parsers() {
        Map<ResultFormat, LogParser> parsers = new EnumMap<>(ResultFormat.class);
        put(parsers, ResultFormat.GO_TEST, GoTestLogParser::read, GoTestLogParser.LOOKED_FOR);
        put(parsers, ResultFormat.GO_TEST_JSON, GoTestJsonLogParser::read, GoTestJsonLogParser.LOOKED_FOR);
        put(parsers, ResultFormat.CARGO_TEST, CargoTestLogParser::read, CargoTestLogParser.LOOKED_FOR);
        put(parsers, ResultFormat.JEST, JestLogParser::read, JestLogParser.LOOKED_FOR);
        put(parsers, ResultFormat.JEST_JSON, JestJsonLogParser::read, JestJsonLogParser.LOOKED_FOR);
        put(parsers, ResultFormat.VITEST, VitestLogParser::read, VitestLogParser.LOOKED_FOR);
        put(parsers, ResultFormat.MOCHA, MochaLogParser::read, MochaLogParser.LOOKED_FOR);
        put(parsers, ResultFormat.MOCHA_JSON, MochaJsonLogParser::read, MochaJsonLogParser.LOOKED_FOR);
        put(parsers, ResultFormat.TAP, TapLogParser::read, TapLogParser.LOOKED_FOR);
        put(parsers, ResultFormat.PHPUNIT, PhpUnitLogParser::read, PhpUnitLogParser.LOOKED_FOR);
        put(parsers, ResultFormat.RSPEC_JSON, RspecJsonLogParser::read, RspecJsonLogParser.LOOKED_FOR);
        put(parsers, ResultFormat.MINITEST, MinitestLogParser::read, MinitestLogParser.LOOKED_FOR);
        put(parsers, ResultFormat.RUBY_UNIT, RubyUnitLogParser::read, RubyUnitLogParser.LOOKED_FOR);
        put(parsers, ResultFormat.KARMA, KarmaLogParser::read, KarmaLogParser.LOOKED_FOR);
        put(parsers, ResultFormat.CUCUMBER, CucumberLogParser::read, CucumberLogParser.LOOKED_FOR);
        return parsers;
    }

    /** Each parser's results carry its format's name ({@code go_test}) as their source. */
    private static void put(Map<ResultFormat, LogParser> parsers, ResultFormat format, Outcomes.Reader reader,
                            String lookedFor) {
        parsers.put(format, Outcomes.parser(LogParsers.name(format), reader, lookedFor));
    }
}
