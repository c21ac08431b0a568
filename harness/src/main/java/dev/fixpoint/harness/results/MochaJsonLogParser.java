package dev.fixpoint.harness.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Mocha's JSON reporter ({@code --reporter json}), found anywhere in the log (test prints come before it on
 * stdout). A test is named by Mocha's {@code fullTitle} (suites and title joined by spaces); the JSON does not keep
 * the suites apart, so these names differ from {@link MochaLogParser}'s. Tests listed under {@code pending} are
 * skipped, those with a non-empty {@code err} failed, the rest passed. A failed hook is reported under the hook's
 * title ({@code suite "before each" hook for "x"}).
 */
final class MochaJsonLogParser {

    /** What a log without results lacks, for the problem of its empty results. */
    static final String LOOKED_FOR = "no Mocha JSON report (an object with stats and tests) found in the log; "
            + "was mocha run with --reporter json?";

    private MochaJsonLogParser() {}

    /** Reads the outcomes of {@code log} into {@code outcomes}. */
    static void read(String log, Outcomes outcomes) {
        Optional<JsonNode> report = JsonReport.find(log, "stats", outcomes);
        report.ifPresent(r -> {
            Set<String> pending = new HashSet<>();
            r.path("pending").forEach(t -> pending.add(JsonReport.text(t, "fullTitle")));
            for (String list : new String[] {"tests", "failures"}) {
                for (JsonNode t : r.path(list)) {
                    String name = JsonReport.text(t, "fullTitle");
                    JsonNode err = t.path("err");
                    TestOutcome outcome = pending.contains(name) ? TestOutcome.SKIPPED
                            : err.isObject() && !err.isEmpty() ? TestOutcome.FAILED : TestOutcome.PASSED;
                    outcomes.add(name, outcome);
                }
            }
        });
    }
}
