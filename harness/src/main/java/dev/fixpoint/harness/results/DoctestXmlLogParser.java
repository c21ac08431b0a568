package dev.fixpoint.harness.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * doctest's XML reporter in a log ({@code test-binary -s -r=xml}, as SWE-bench runs nlohmann/json's tests; the
 * build's output comes first), read as SWE-bench's {@code parse_log_doctest} reads it: the text from the first
 * {@code <doctest} to the next {@code </doctest>} is one XML document; every {@code SubCase} element under a
 * {@code TestCase}, nested ones included, is a test named {@code "TestCase name > SubCase name"}, PASSED when every
 * {@code Expression} inside it has {@code success="true"} and FAILED otherwise.
 *
 * <p>Exactly SWE-bench's keys and verdicts, lossy where SWE-bench's are:
 * <ul>
 *   <li>a test case without subcases is no test (no key at all, passing or failing);</li>
 *   <li>a nested subcase is named by its own name only ({@code "T > inner"}, not {@code "T > outer > inner"});
 *       the outer one is a test too, failing when anything inside it failed; subcases of the same name under
 *       two parents, or in test cases of the same name in two test suites, are one test;</li>
 *   <li>doctest runs a test case once per leaf subcase and re-opens the parents each time, in the same
 *       {@code TestCase} element: a name seen twice takes its last verdict (a parent whose first leaf failed
 *       and whose last passed is PASSED), unlike the worse-outcome rule of the other parsers;</li>
 *   <li>only assertions count: a subcase failed by {@code FAIL_CHECK} (a {@code Message} element) or ended by an
 *       exception (an {@code Exception} element) is PASSED when its assertions so far held;</li>
 *   <li>without {@code -s} passing assertions are not written, which changes nothing above.</li>
 * </ul>
 * A report that does not parse as a whole (cut short by a crash or a timeout, or broken by what a test printed
 * into it) gives no results and a problem saying so; SWE-bench's parser raises an exception there.
 */
final class DoctestXmlLogParser {

    static final String LOOKED_FOR = "no doctest XML report (`<doctest ...>` ... `</doctest>`) with subcases found;"
            + " was the test binary run with -r=xml (SWE-bench runs it with -s -r=xml)?";

    private static final String START = "<doctest";
    private static final String END = "</doctest>";

    private DoctestXmlLogParser() {}

    static void read(String log, Outcomes outcomes) {
        int start = log.indexOf(START);
        if (start < 0) return;
        int end = log.indexOf(END, start);
        if (end < 0) {
            outcomes.problem("the doctest XML report at line " + lineOf(log, start) + " has no " + END
                    + ": the test binary stopped before the end of its run (a crash or a timeout?)");
            return;
        }
        Element root;
        try {
            byte[] xml = log.substring(start, end + END.length()).getBytes(StandardCharsets.UTF_8);
            root = JUnitXmlParser.parseXml(xml).getDocumentElement();
        } catch (SAXException | IOException e) {
            outcomes.problem("the doctest XML report at line " + lineOf(log, start) + " does not parse ("
                    + e.getMessage() + "); did the tests print into it?");
            return;
        }
        Map<String, TestOutcome> lastVerdict = new LinkedHashMap<>();
        NodeList testCases = root.getElementsByTagName("TestCase");
        for (int i = 0; i < testCases.getLength(); i++) {
            Element testCase = (Element) testCases.item(i);
            NodeList subcases = testCase.getElementsByTagName("SubCase");
            for (int j = 0; j < subcases.getLength(); j++) {
                Element subcase = (Element) subcases.item(j);
                String name = testCase.getAttribute("name") + " > " + subcase.getAttribute("name");
                lastVerdict.put(name, // a later verdict replaces an earlier one, as in SWE-bench's dict
                        allAssertionsHeld(subcase) ? TestOutcome.PASSED : TestOutcome.FAILED);
            }
        }
        lastVerdict.forEach(outcomes::add);
    }

    private static boolean allAssertionsHeld(Element subcase) {
        NodeList expressions = subcase.getElementsByTagName("Expression");
        for (int i = 0; i < expressions.getLength(); i++) {
            if (!"true".equals(((Element) expressions.item(i)).getAttribute("success"))) return false;
        }
        return true;
    }

    private static long lineOf(String log, int index) {
        return log.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }
}
