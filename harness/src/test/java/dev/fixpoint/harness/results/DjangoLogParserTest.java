package dev.fixpoint.harness.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.env.ResultFormat;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DjangoLogParserTest {

    private final LogParser parser = LogParsers.of(ResultFormat.DJANGO);

    private static final String PRICE = "(shop.tests.PriceTests.";
    private static final String NOISY = "(shop.tests.NoisyTests.";

    @Test
    void readsARealDjangoRunWithDocstringsWarningsAndSubtests() {
        // Django 3.2.25 (Debian python3-django) on Python 3.11, manage.py test -v 2: see logs/README.md.
        TestResults r = parser.parse(Logs.read("python/django-verbosity2.log"), Set.of());
        Map<String, TestOutcome> expected = Map.ofEntries(
                Map.entry("test_create " + PRICE + "test_create)", TestOutcome.PASSED),
                Map.entry("test_docstring_fails " + PRICE + "test_docstring_fails)", TestOutcome.FAILED),
                Map.entry("Discounts apply twice.", TestOutcome.FAILED),
                Map.entry("test_docstring_multi_line " + PRICE + "test_docstring_multi_line)", TestOutcome.PASSED),
                Map.entry("Items keep their name", TestOutcome.PASSED),
                Map.entry("test_docstring_one_line " + PRICE + "test_docstring_one_line)", TestOutcome.PASSED),
                Map.entry("A price is never negative.", TestOutcome.PASSED),
                Map.entry("test_expected_failure " + PRICE + "test_expected_failure)", TestOutcome.PASSED),
                Map.entry("test_raises " + PRICE + "test_raises)", TestOutcome.ERROR),
                Map.entry("test_skipped " + PRICE + "test_skipped)", TestOutcome.SKIPPED),
                Map.entry("test_sum_is_wrong " + PRICE + "test_sum_is_wrong)", TestOutcome.FAILED),
                Map.entry("test_prints_midway " + NOISY + "test_prints_midway)", TestOutcome.PASSED),
                Map.entry("test_subtests " + NOISY + "test_subtests)", TestOutcome.FAILED),
                Map.entry("test_subtests " + NOISY + "test_subtests) (i=2)", TestOutcome.FAILED),
                Map.entry("test_warns " + NOISY + "test_warns)", TestOutcome.PASSED));
        assertEquals(expected, r.outcomes());
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals("django", r.source());
    }

    @Test
    void readsTheOlderNamesAndEveryWayALineIsSplit() {
        TestResults r = parser.parse(Logs.read("python/django-legacy-handmade.log"), Set.of());
        String q = " (queries.tests.Queries1Tests)";
        Map<String, TestOutcome> expected = Map.ofEntries(
                Map.entry("test_version (admin_scripts.tests.CommandTypes)", TestOutcome.PASSED),
                Map.entry("--version is equivalent to version", TestOutcome.PASSED),
                Map.entry("test_no_migrations (migrations.test_commands.MakeMigrationsTests)", TestOutcome.PASSED),
                Map.entry("test_squashed (migrations.test_commands.SquashMigrationsTests)", TestOutcome.PASSED),
                Map.entry("test_runner_deprecation (test_runner.tests.Tests)", TestOutcome.PASSED),
                Map.entry("test_login (auth_tests.test_views.LoginTest)", TestOutcome.PASSED),
                Map.entry("test_filter" + q, TestOutcome.FAILED),
                Map.entry("test_exclude" + q, TestOutcome.ERROR),
                Map.entry("test_feature" + q, TestOutcome.SKIPPED),
                Map.entry("test_ticket_7155" + q, TestOutcome.PASSED),
                Map.entry("Regression for #7155", TestOutcome.PASSED),
                Map.entry("test_ticket_7181" + q, TestOutcome.FAILED),
                Map.entry("Ordering by related tables should accommodate nullable fields (#7181).", TestOutcome.FAILED),
                Map.entry("test_check" + q, TestOutcome.PASSED),
                Map.entry("test_known_bug" + q, TestOutcome.PASSED),
                Map.entry("test_surprise" + q, TestOutcome.PASSED),
                Map.entry("test_fixed_bug" + q, TestOutcome.FAILED),
                Map.entry("test_subtests (queries.tests.Queries2Tests)", TestOutcome.FAILED),
                Map.entry("test_subtests (queries.tests.Queries2Tests) [<object object at 0x7f>] (value=3)",
                        TestOutcome.FAILED));
        // test_pending never got a status (the run was cut): absent, not passed; migrations' "... OK" are no tests.
        assertEquals(expected, r.outcomes());
    }

    @Test
    void aParallelRunPrintsNoTestLinesAndSaysSo() {
        // Real: --parallel 2 prints no per-test lines (and here dies pickling a traceback).
        TestResults r = parser.parse(Logs.read("python/django-parallel.log"), Set.of());
        assertTrue(r.outcomes().isEmpty(), r.outcomes().toString());
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).contains("--parallel 1"), r.problems().get(0));
    }

    @Test
    void aPytestLogIsNotReadAsDjango() {
        TestResults r = parser.parse(Logs.read("python/pytest-params.log"), Set.of());
        assertTrue(r.outcomes().isEmpty(), r.outcomes().toString());
    }
}
