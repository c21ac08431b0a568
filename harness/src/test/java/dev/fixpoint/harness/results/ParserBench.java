package dev.fixpoint.harness.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fixpoint.tasks.env.ResultFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code scripts/bench-parsers}: over the log fixtures, per format, the tests found against those expected (and
 * with the expected outcome), and the parse time per MB of log against reading the file alone. Each fixture is
 * inflated to about {@code --mb} MB and written to a temporary file: line logs by repetition; a JSON report
 * (Jest, Mocha, RSpec) by repeating its test entries inside the one report, since a parser reads one report.
 * Times are medians of several runs after a warm-up.
 */
public final class ParserBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<ResultFormat, String> REPORT_ARRAYS = Map.of(
            ResultFormat.JEST_JSON, "testResults", ResultFormat.MOCHA_JSON, "tests", ResultFormat.RSPEC_JSON, "examples");

    private ParserBench() {}

    public static void main(String[] args) throws IOException {
        double mb = args.length > 1 && args[0].equals("--mb") ? Double.parseDouble(args[1]) : 4;
        int runs = 7;
        Map<ResultFormat, Row> rows = new TreeMap<>();
        Path tmp = Files.createTempDirectory("bench-parsers");
        try {
            for (LogFixture f : LogFixture.all()) {
                Row row = rows.computeIfAbsent(f.format(), k -> new Row());
                LogParser parser = LogParsers.of(f.format());
                TestResults r = parser.parse(f.text(), Set.of());
                row.fixtures++;
                row.expected += f.outcomes().size();
                row.found += (int) f.outcomes().keySet().stream().filter(r.outcomes()::containsKey).count();
                row.right += (int) f.outcomes().entrySet().stream()
                        .filter(e -> e.getValue() == r.outcomes().get(e.getKey())).count();
                row.extra += (int) r.outcomes().keySet().stream().filter(n -> !f.outcomes().containsKey(n)).count();

                String big = inflate(f, mb);
                Path file = tmp.resolve(f.name().replace('/', '_'));
                Files.writeString(file, big, StandardCharsets.UTF_8);
                long bytes = Files.size(file);
                long[] read = new long[runs];
                long[] parse = new long[runs];
                int tests = 0;
                for (int i = -2; i < runs; i++) { // two warm-up runs
                    long t0 = System.nanoTime();
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    long t1 = System.nanoTime();
                    tests = parser.parse(text, Set.of()).outcomes().size();
                    long t2 = System.nanoTime();
                    if (i >= 0) {
                        read[i] = t1 - t0;
                        parse[i] = t2 - t1;
                    }
                }
                if (tests == 0 && !f.outcomes().isEmpty()) {
                    throw new IllegalStateException(f.name() + ": the inflated log gave no results");
                }
                row.bytes += bytes;
                row.readNanos += median(read);
                row.parseNanos += median(parse);
            }
        } finally {
            try (var files = Files.list(tmp)) {
                for (Path p : files.toList()) Files.delete(p);
            }
            Files.delete(tmp);
        }
        print(rows);
    }

    private static void print(Map<ResultFormat, Row> rows) {
        String header = String.format(Locale.ROOT, "%-12s %4s %8s %6s %6s %6s %7s %9s %10s %7s",
                "format", "logs", "expected", "found", "right", "extra", "MB", "read ms/MB", "parse ms/MB", "ratio");
        System.out.println(header);
        System.out.println("-".repeat(header.length()));
        Row total = new Row();
        rows.forEach((format, r) -> {
            System.out.println(line(LogParsers.name(format), r));
            total.add(r);
        });
        System.out.println("-".repeat(header.length()));
        System.out.println(line("all", total));
        System.out.println("ratio = parse time / time to read the same file; found = expected tests the parser "
                + "reported, right = with the expected outcome, extra = reported tests not expected");
    }

    private static String line(String name, Row r) {
        double mb = r.bytes / 1e6;
        return String.format(Locale.ROOT, "%-12s %4d %8d %6d %6d %6d %7.1f %9.2f %10.2f %7.1f", name, r.fixtures,
                r.expected, r.found, r.right, r.extra, mb, r.readNanos / 1e6 / mb, r.parseNanos / 1e6 / mb,
                (double) r.parseNanos / r.readNanos);
    }

    /** The fixture grown to about {@code mb} MB; see the class comment. */
    static String inflate(LogFixture f, double mb) throws IOException {
        String text = f.text();
        String array = REPORT_ARRAYS.get(f.format());
        int target = (int) (mb * 1e6);
        if (array != null) {
            var holder = new Outcomes();
            var report = JsonReport.find(text, array, holder);
            if (report.isPresent()) {
                ObjectNode copy = report.get().deepCopy();
                ArrayNode items = (ArrayNode) copy.get(array);
                List<JsonNode> originals = new ArrayList<>();
                items.forEach(originals::add);
                int one = JSON.writeValueAsString(report.get()).length();
                int times = Math.max(1, target / Math.max(1, one));
                for (int i = 1; i < times; i++) {
                    for (JsonNode item : originals) items.add(renamed(item, i));
                }
                return text.substring(0, text.indexOf('{')) + JSON.writeValueAsString(copy) + "\n";
            }
        }
        int times = Math.max(1, target / Math.max(1, text.length()));
        return text.repeat(times);
    }

    /** A copy of one test entry whose names carry a copy number, so that copies are distinct tests. */
    private static JsonNode renamed(JsonNode item, int copy) {
        ObjectNode c = item.deepCopy();
        for (String field : new String[] {"title", "fullTitle", "full_description", "description", "name"}) {
            if (c.has(field) && c.get(field).isTextual()) c.put(field, c.get(field).asText() + " #" + copy);
        }
        return c;
    }

    private static long median(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static final class Row {
        int fixtures;
        int expected;
        int found;
        int right;
        int extra;
        long bytes;
        long readNanos;
        long parseNanos;

        void add(Row r) {
            fixtures += r.fixtures;
            expected += r.expected;
            found += r.found;
            right += r.right;
            extra += r.extra;
            bytes += r.bytes;
            readNanos += r.readNanos;
            parseNanos += r.parseNanos;
        }
    }
}
