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
        Outcomes.register(parsers, ResultFormat.GO_TEST, GoTestLogParser::read, GoTestLogParser.LOOKED_FOR);
        Outcomes.register(parsers, ResultFormat.GO_TEST_JSON, GoTestJsonLogParser::read, GoTestJsonLogParser.LOOKED_FOR);
        Outcomes.register(parsers, ResultFormat.CARGO_TEST, CargoTestLogParser::read, CargoTestLogParser.LOOKED_FOR);
        Outcomes.register(parsers, ResultFormat.JEST, JestLogParser::read, JestLogParser.LOOKED_FOR);
        Outcomes.register(parsers, ResultFormat.JEST_JSON, JestJsonLogParser::read, JestJsonLogParser.LOOKED_FOR);
        Outcomes.register(parsers, ResultFormat.VITEST, VitestLogParser::read, VitestLogParser.LOOKED_FOR);
        Outcomes.register(parsers, ResultFormat.MOCHA, MochaLogParser::read, MochaLogParser.LOOKED_FOR);
        Outcomes.register(parsers, ResultFormat.MOCHA_JSON, MochaJsonLogParser::read, MochaJsonLogParser.LOOKED_FOR);
        Outcomes.register(parsers, ResultFormat.TAP, TapLogParser::read, TapLogParser.LOOKED_FOR);
        Outcomes.register(parsers, ResultFormat.PHPUNIT, PhpUnitLogParser::read, PhpUnitLogParser.LOOKED_FOR);
        Outcomes.register(parsers, ResultFormat.RSPEC_JSON, RspecJsonLogParser::read, RspecJsonLogParser.LOOKED_FOR);
        Outcomes.register(parsers, ResultFormat.MINITEST, MinitestLogParser::read, MinitestLogParser.LOOKED_FOR);
        Outcomes.register(parsers, ResultFormat.RUBY_UNIT, RubyUnitLogParser::read, RubyUnitLogParser.LOOKED_FOR);
        Outcomes.register(parsers, ResultFormat.KARMA, KarmaLogParser::read, KarmaLogParser.LOOKED_FOR);
        Outcomes.register(parsers, ResultFormat.CUCUMBER, CucumberLogParser::read, CucumberLogParser.LOOKED_FOR);
        return parsers;
    }
}
