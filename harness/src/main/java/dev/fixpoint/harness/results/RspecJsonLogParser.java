package dev.fixpoint.harness.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RSpec's JSON formatter ({@code --format json}), found anywhere in the log (what examples print comes before
 * it), or the lines SWE-bench's jq transforms make of it: {@code description - status} (fpm, rubocop) and
 * {@code description - id - status} (fastlane), keyed like SWE-bench's {@code parse_log_rspec_transformed_json}
 * (everything before the last {@code " - "}). From the raw report an example is named by its
 * {@code full_description} ({@code Calc .div with zero raises}). Statuses: {@code passed}; {@code failed};
 * {@code pending} skipped.
 */
final class RspecJsonLogParser {

    /** What a log without results lacks, for the problem of its empty results. */
    static final String LOOKED_FOR = "no RSpec JSON report (an object with examples) and no `name - passed` "
            + "lines found in the log; was rspec run with --format json?";

    private static final Pattern LINE = Pattern.compile("^(.+) - (passed|failed|pending)$");

    private RspecJsonLogParser() {}

    /** Reads the outcomes of {@code log} into {@code outcomes}. */
    static void read(String log, Outcomes outcomes) {
        Optional<JsonNode> report = JsonReport.find(log, "examples", outcomes);
        if (report.isPresent()) {
            for (JsonNode example : report.get().path("examples")) {
                outcomes.add(JsonReport.text(example, "full_description"), outcome(JsonReport.text(example, "status")));
            }
        } else {
            for (String line : LogText.lines(log)) {
                Matcher m = LINE.matcher(line.strip());
                if (m.matches()) outcomes.add(m.group(1), outcome(m.group(2)));
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
