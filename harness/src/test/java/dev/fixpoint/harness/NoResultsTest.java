package dev.fixpoint.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.harness.results.LogParsers;
import dev.fixpoint.tasks.env.ResultFormat;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log no parser can read is an error (NO_RESULTS), never a verdict; the right format grades the same log. */
class NoResultsTest {

    private static final List<String> F2P = List.of("test_sum_is_wrong (shop.tests.PriceTests.test_sum_is_wrong)");
    private static final List<String> P2P = List.of("A price is never negative.");

    private static InstanceRun run(Path dir, String fixture, boolean timedOut) throws Exception {
        try (InputStream in = NoResultsTest.class.getResourceAsStream("/harness/logs/python/" + fixture)) {
            Files.write(dir.resolve("test_output.txt"), in.readAllBytes());
        }
        return new InstanceRun("django__django-1", "m", EvalStatus.UNRESOLVED, false, ApplyStep.GIT_APPLY, "",
                Duration.ofSeconds(9), List.of(new Attempt(1, 1, timedOut, Duration.ofSeconds(5), "test_output.txt",
                List.of(), "", Map.of())));
    }

    @Test
    void aDjangoLogReadAsPytestIsNoResultsNotUnresolved(@TempDir Path dir) throws Exception {
        InstanceReport r = ReportBuilder.build(run(dir, "django-verbosity2.log", false), F2P, P2P,
                ResultFormat.PYTEST_LOG, dir);
        assertEquals(EvalStatus.NO_RESULTS, r.status());
        assertFalse(r.status().isGraded());
        assertNull(r.grade());
        assertTrue(r.message().startsWith("no test results could be read from the test output with result_format"
                + " pytest_log"), r.message());
        assertTrue(r.message().contains("no pytest result lines"), r.message());
        assertTrue(r.message().contains("(test command exit 1)"), r.message());
        assertTrue(r.toJson().contains("\"status\": \"no_results\""), r.toJson());
    }

    @Test
    void theSameLogReadAsDjangoIsGraded(@TempDir Path dir) throws Exception {
        InstanceReport r = ReportBuilder.build(run(dir, "django-verbosity2.log", false), F2P, P2P,
                ResultFormat.DJANGO, dir);
        assertEquals(EvalStatus.UNRESOLVED, r.status());
        assertEquals(List.of("A price is never negative."), r.grade().passToPass().success());
        assertEquals(F2P, r.grade().failToPass().failure());
    }

    @Test
    void aTimeoutStaysATimeout(@TempDir Path dir) throws Exception {
        assertEquals(EvalStatus.TIMEOUT, ReportBuilder.build(run(dir, "django-parallel.log", true), F2P, P2P,
                ResultFormat.DJANGO, dir).status());
    }

    @Test
    void everyLogFormatHasAParserAndJunitXmlSaysWhereItIsRead() {
        for (ResultFormat format : ResultFormat.values()) {
            if (format == ResultFormat.JUNIT_XML) continue;
            assertTrue(LogParsers.find(format).isPresent(), "no log parser for " + LogParsers.name(format));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogParsers.of(ResultFormat.JUNIT_XML));
        assertTrue(e.getMessage().contains("junit_xml is read from report files under reports_dir"), e.getMessage());
    }

    @Test
    void theSummaryCountsNoResultsAsErrorsAndListsThemApart() {
        RunSummary s = new RunSummary(3, Map.of("a", EvalStatus.RESOLVED, "b", EvalStatus.NO_RESULTS,
                "c", EvalStatus.UNRESOLVED), Set.of("a", "b", "c"), Set.of(), Set.of(), List.of(), Duration.ZERO);
        assertEquals(List.of("b"), s.errorIds());
        assertEquals(List.of("a", "c"), s.completedIds());
        assertFalse(s.allGraded());
        String json = s.toJson();
        assertTrue(json.contains("\"error_instances\": 1"), json);
        assertTrue(json.contains("\"no_results_ids\": [\n        \"b\"\n    ]"), json);
    }
}
