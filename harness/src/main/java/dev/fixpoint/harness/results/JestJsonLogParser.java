package dev.fixpoint.harness.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Jest's {@code --json} report (also Vitest's {@code --reporter=json}, which writes the same shape), found
 * anywhere in the log, or the lines SWE-bench's jq transform makes of it ({@code [PASSED] block > title}). A test
 * is named {@code describe > nested describe > title} (its {@code ancestorTitles} and {@code title} joined by
 * {@code " > "}), as SWE-bench's {@code parse_log_jest_json} keys it. Statuses: {@code passed}; {@code failed};
 * {@code pending}, {@code skipped}, {@code todo}, {@code disabled} are skipped. A test file that failed to run
 * (a syntax error, a missing module) has no tests; a problem names it.
 */
final class JestJsonLogParser {

    /** What a log without results lacks, for the problem of its empty results. */
    static final String LOOKED_FOR = "no Jest JSON report (an object with testResults) and no `[PASSED] name` "
            + "lines found in the log; was jest run with --json (on stdout)?";

    private static final Pattern JQ_LINE = Pattern.compile("^\\[(PASSED|FAILED|PENDING|SKIPPED|TODO|DISABLED)\\] (.+)$");

    private JestJsonLogParser() {}

    /** Reads the outcomes of {@code log} into {@code outcomes}. */
    static void read(String log, Outcomes outcomes) {
        Optional<JsonNode> report = JsonReport.find(log, "testResults", outcomes);
        if (report.isPresent()) {
            readReport(report.get(), outcomes);
        } else {
            for (String line : LogText.lines(log)) {
                Matcher m = JQ_LINE.matcher(line.strip());
                if (m.matches()) outcomes.add(m.group(2), outcome(m.group(1).toLowerCase(Locale.ROOT)));
            }
        }
    }

    private static void readReport(JsonNode report, Outcomes outcomes) {
        for (JsonNode file : report.path("testResults")) {
            JsonNode assertions = file.path("assertionResults");
            if (assertions.isEmpty() && "failed".equals(JsonReport.text(file, "status"))) {
                String why = JsonReport.text(file, "message").lines().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("●")).findFirst().orElse("");
                outcomes.problem("test file " + JsonReport.text(file, "name") + " failed to run"
                        + (why.isEmpty() ? "" : ": " + why));
                continue;
            }
            for (JsonNode a : assertions) {
                StringBuilder name = new StringBuilder();
                for (JsonNode ancestor : a.path("ancestorTitles")) name.append(ancestor.asText()).append(" > ");
                name.append(JsonReport.text(a, "title"));
                outcomes.add(name.toString(), outcome(JsonReport.text(a, "status")));
            }
        }
    }

    private static TestOutcome outcome(String status) {
        return switch (status) {
            case "passed" -> TestOutcome.PASSED;
            case "failed" -> TestOutcome.FAILED;
            default -> TestOutcome.SKIPPED;
        };
    }
}
