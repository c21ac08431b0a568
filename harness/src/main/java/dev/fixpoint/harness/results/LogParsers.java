package dev.fixpoint.harness.results;

import dev.fixpoint.tasks.env.ResultFormat;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@link LogParser} of each {@link ResultFormat}: the harness's own parsers (pytest variants, Django, sympy,
 * Maven's console),
 * then every {@link LogParserProvider} found by {@link ServiceLoader} (the other language families). Built once;
 * a format claimed twice stops the build of the table with both claimants named. {@link ResultFormat#JUNIT_XML}
 * has no log parser: it is read from report files by {@link JUnitXmlParser}.
 */
public final class LogParsers {

    private static final Map<ResultFormat, LogParser> PARSERS = build();

    private LogParsers() {}

    /** The parser of {@code format}, or empty when this build has none. */
    public static Optional<LogParser> find(ResultFormat format) {
        return Optional.ofNullable(PARSERS.get(format));
    }

    /**
     * The parser of {@code format}.
     *
     * @throws IllegalArgumentException naming the format and the formats that have a parser, when it has none
     */
    public static LogParser of(ResultFormat format) {
        return find(format).orElseThrow(() -> new IllegalArgumentException("no log parser for result_format "
                + name(format) + " in this build" + (format == ResultFormat.JUNIT_XML
                        ? " (junit_xml is read from report files under reports_dir)" : "")
                + "; formats with a parser: " + formats().stream().map(LogParsers::name)
                        .collect(Collectors.joining(", "))));
    }

    /**
     * {@code log} read by the parser of {@code format}; when this build has none, empty results whose problem says so
     * (the grader then reports no results, an error).
     *
     * @param expected the names the caller will look up (see {@link LogParser#parse})
     */
    public static TestResults read(ResultFormat format, String log, Set<String> expected) {
        return find(format).map(p -> p.parse(log, expected)).orElseGet(() -> TestResults.empty(name(format),
                "this build has no log parser for result_format " + name(format)));
    }

    /** Formats that have a log parser. */
    public static Set<ResultFormat> formats() {
        return Collections.unmodifiableSet(PARSERS.keySet());
    }

    /** A format as spec files write it ({@code pytest_log}); also the {@link TestResults#source()} of its results. */
    public static String name(ResultFormat format) {
        return format.name().toLowerCase(Locale.ROOT);
    }

    private static Map<ResultFormat, LogParser> build() {
        Map<ResultFormat, LogParser> all = new EnumMap<>(ResultFormat.class);
        for (ResultFormat f : List.of(ResultFormat.PYTEST_LOG, ResultFormat.PYTEST_V2, ResultFormat.PYTEST_OPTIONS,
                ResultFormat.MATPLOTLIB)) {
            all.put(f, PytestLogParser.of(f));
        }
        all.put(ResultFormat.DJANGO, new DjangoLogParser());
        all.put(ResultFormat.SYMPY, new SympyLogParser());
        all.put(ResultFormat.MAVEN_LOG, new MavenLogParser());
        Map<ResultFormat, String> owner = new EnumMap<>(ResultFormat.class);
        all.keySet().forEach(f -> owner.put(f, LogParsers.class.getName()));
        for (LogParserProvider provider : ServiceLoader.load(LogParserProvider.class, LogParsers.class.getClassLoader())) {
            provider.parsers().forEach((format, parser) -> {
                String before = owner.putIfAbsent(format, provider.getClass().getName());
                if (before != null) {
                    throw new IllegalStateException("result_format " + name(format) + " has two parsers: " + before
                            + " and " + provider.getClass().getName() + "; remove one registration");
                }
                all.put(format, parser);
            });
        }
        return all;
    }
}
