package dev.fixpoint.harness.results;

import dev.fixpoint.harness.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code go test -json} events, one JSON object a line: {@code {"Action":"pass","Package":"p","Test":"TestX"}}.
 * Tests are named by their {@code Test} field, as in {@code go test -v} ({@link GoTestLogParser}); package-level
 * events (no {@code Test}) are not tests. Lines that are not JSON (build errors on stderr, in the combined output)
 * are skipped. Where test2json missed a result because the test printed without a newline (Go 1.19 reads
 * {@code text--- PASS: TestX (0.00s)} as output), the result is read from that output line. A test with a {@code run} event and no {@code pass}/{@code fail}/{@code skip} (the binary crashed or
 * the log was cut) counts as {@link TestOutcome#FAILED}.
 */
final class GoTestJsonLogParser {

    /** What a log without results lacks, for the problem of its empty results. */
    static final String LOOKED_FOR = "no go test -json events with a Test and a pass/fail/skip Action found "
            + "in the log; was go test run with -json?";

    private static final ObjectMapper JSON = Json.mapper();

    private GoTestJsonLogParser() {}

    /** Reads the outcomes of {@code log} into {@code outcomes}. */
    static void read(String log, Outcomes outcomes) {
        Set<String> started = new LinkedHashSet<>();
        Map<String, TestOutcome> printed = new HashMap<>();
        int unreadable = 0;
        for (String line : log.split("\n")) {
            String s = line.strip();
            if (!s.startsWith("{\"") || !s.contains("\"Action\"")) continue;
            JsonNode event;
            try {
                event = JSON.readTree(s);
            } catch (JsonProcessingException e) {
                unreadable++;
                continue;
            }
            String test = JsonReport.text(event, "Test");
            if (test.isEmpty()) continue;
            switch (JsonReport.text(event, "Action")) {
                case "run" -> started.add(test);
                case "pass", "fail", "skip" -> outcomes.add(test, GoTestLogParser.outcome(event.get("Action").asText()));
                case "output" -> GoTestLogParser.result(JsonReport.text(event, "Output").stripTrailing())
                        .ifPresent(r -> printed.putIfAbsent(r.getKey(), r.getValue()));
                default -> { }
            }
        }
        // test2json misses a result line glued to a test's print ("text--- PASS: TestX (0.00s)"): use the line
        printed.forEach((test, outcome) -> {
            if (started.contains(test) && !outcomes.has(test)) outcomes.add(test, outcome);
        });
        if (unreadable > 0) outcomes.problem(unreadable + " go test -json event line(s) did not parse (cut off?)");
        failUnfinished(started, outcomes);
    }

    /**
     * Tests that started but never reported an outcome count as failed, and a problem says how many; unless no
     * test reported at all, which leaves the results empty (an error, not a verdict).
     */
    static void failUnfinished(Set<String> started, Outcomes outcomes) {
        if (outcomes.isEmpty()) return;
        int unfinished = 0;
        for (String test : started) {
            if (!outcomes.has(test)) {
                outcomes.add(test, TestOutcome.FAILED);
                unfinished++;
            }
        }
        if (unfinished > 0) {
            outcomes.problem(unfinished + " test(s) started but never reported an outcome (a crash, a timeout or a "
                    + "cut log); counted as failed");
        }
    }
}
