package dev.fixpoint.harness.results;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PHPUnit's {@code --testdox} output: a class header {@code Calculator (Fixtures\Tests\Calculator)} and one
 * line per test under it, {@code ✔ Adds two numbers} passed, {@code ✘ ...} failed or errored, {@code ↩ ...}
 * skipped, {@code ∅ ...} incomplete (skipped), {@code ☢}/{@code ⚠} risky or warning (passed, as PHPUnit's exit
 * code has it by default). A test is named {@code Calculator > Adds two numbers} (header before the parenthesis,
 * then the sentence, a trailing {@code [1.2 ms]} timing dropped), as SWE-bench's {@code parse_log_phpunit} keys it
 * (phpspreadsheet, laravel, php-cs-fixer, carbon); data sets stay in the name ({@code with data set "x"}).
 * Reading stops at {@code Summary of non-successful tests}, which repeats them. With {@code --colors=always}
 * PHPUnit renames data sets ({@code with small·numbers}); those names are kept as printed, with a problem. PHPUnit's {@code --log-junit}
 * report is read by {@link JUnitXmlParser} instead.
 */
final class PhpUnitLogParser {

    /** What a log without results lacks, for the problem of its empty results. */
    static final String LOOKED_FOR = "no PHPUnit testdox lines (a `Class (Namespace\\Class)` header, then "
            + "✔ / ✘ / ↩ sentences) found in the log; was phpunit run with --testdox?";

    private static final Pattern HEADER = Pattern.compile("^(\\S.*?) \\((\\S+)\\)$");
    private static final Pattern TEST = Pattern.compile("^\\s*([✔✘↩∅☢⚠])\\s*(.+?)(?:\\s*\\[\\s*\\d+(?:\\.\\d+)?\\s*m?s\\s*])?$");

    private PhpUnitLogParser() {}

    /** Reads the outcomes of {@code log} into {@code outcomes}. */
    static void read(String log, Outcomes outcomes) {
        String suite = null;
        boolean coloured = false;
        for (String raw : log.split("\n")) {
            String line = LogText.plain(raw);
            if (line.startsWith("Summary of non-successful tests")) break;
            Matcher h = HEADER.matcher(line);
            if (h.matches()) {
                suite = h.group(1);
                continue;
            }
            Matcher t = TEST.matcher(line);
            if (!t.matches() || suite == null) continue;
            coloured |= raw.indexOf('\u001B') >= 0;
            TestOutcome outcome = switch (t.group(1)) {
                case "✘" -> TestOutcome.FAILED;
                case "↩", "∅" -> TestOutcome.SKIPPED;
                default -> TestOutcome.PASSED;
            };
            outcomes.add(suite + " > " + t.group(2), outcome);
        }
        if (coloured) {
            outcomes.problem("the testdox output is coloured, which renames data sets (with small·numbers for "
                    + "with data set \"small numbers\"); run phpunit with --colors=never, as SWE-bench does");
        }
    }
}
