package dev.fixpoint.harness.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JUnitXmlParserTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = JUnitXmlParserTest.class.getResourceAsStream("/harness/" + name)) {
            return in.readAllBytes();
        }
    }

    static Map<String, byte[]> files(String... nameThenContent) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            m.put(nameThenContent[i], nameThenContent[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return m;
    }

    @Test
    void readsRealConsoleLauncherReport() throws IOException {
        // Recorded from the JUnit 5.9 console launcher in fixpoint/java: nested class, parameterised, disabled.
        TestResults r = JUnitXmlParser.parse(Map.of("TEST-junit-jupiter.xml", resource("console-launcher.xml")));
        assertEquals(Map.of(
                "pkg.CalcTest#adds", TestOutcome.PASSED,
                "pkg.CalcTest#fails", TestOutcome.FAILED,
                "pkg.CalcTest#errors", TestOutcome.ERROR,
                "pkg.CalcTest#skipped", TestOutcome.SKIPPED,
                "pkg.CalcTest#param[1]", TestOutcome.PASSED,
                "pkg.CalcTest#param[2]", TestOutcome.FAILED,
                "pkg.CalcTest$Inner#innerTest", TestOutcome.PASSED,
                "pkg.CalcTest$Inner#named", TestOutcome.PASSED), r.outcomes());
        assertTrue(r.problems().isEmpty());
        // Listed names: with or without "()", nested with "$" or ".", a method for all its invocations.
        assertEquals(Optional.of(TestOutcome.PASSED), r.lookup("pkg.CalcTest#adds()"));
        assertEquals(Optional.of(TestOutcome.PASSED), r.lookup("pkg.CalcTest.Inner#innerTest"));
        assertEquals(Optional.of(TestOutcome.PASSED), r.lookup("pkg.CalcTest$Inner#innerTest"));
        assertEquals(Optional.of(TestOutcome.FAILED), r.lookup("pkg.CalcTest#param"));
        assertEquals(Optional.of(TestOutcome.FAILED), r.lookup("pkg.CalcTest#param(int, int, int)"));
        assertEquals(Optional.of(TestOutcome.PASSED), r.lookup("pkg.CalcTest#param[1]"));
        assertEquals(Optional.empty(), r.lookup("pkg.CalcTest#missing"));
        assertEquals(Optional.empty(), r.lookup("pkg.Other#adds"));
    }

    @Test
    void readsSurefireAndGradleReports() {
        TestResults r = JUnitXmlParser.parse(files(
                "TEST-com.acme.ParserTest.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <testsuite name="com.acme.ParserTest" tests="4" failures="1" errors="0" skipped="1">
                          <testcase name="parsesEmpty" classname="com.acme.ParserTest" time="0.01"/>
                          <testcase name="parsesBad" classname="com.acme.ParserTest" time="0.01">
                            <failure message="x" type="java.lang.AssertionError">trace</failure>
                          </testcase>
                          <testcase name="later" classname="com.acme.ParserTest"><skipped/></testcase>
                          <testcase name="retried" classname="com.acme.ParserTest">
                            <flakyFailure message="first time" type="X">t</flakyFailure>
                          </testcase>
                        </testsuite>
                        """,
                "TEST-com.acme.GradleTest.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <testsuites><testsuite name="com.acme.GradleTest" tests="2">
                          <testcase name="works()" classname="com.acme.GradleTest" time="0.0"/>
                          <testcase name="[1] 1, 2" classname="com.acme.GradleTest" time="0.0">
                            <error message="boom"/>
                          </testcase>
                          <system-out><![CDATA[]]></system-out>
                        </testsuite></testsuites>
                        """));
        assertEquals(Map.of(
                "com.acme.ParserTest#parsesEmpty", TestOutcome.PASSED,
                "com.acme.ParserTest#parsesBad", TestOutcome.FAILED,
                "com.acme.ParserTest#later", TestOutcome.SKIPPED,
                "com.acme.ParserTest#retried", TestOutcome.PASSED,
                "com.acme.GradleTest#works", TestOutcome.PASSED,
                "com.acme.GradleTest#[1] 1, 2", TestOutcome.ERROR), r.outcomes());
    }

    @Test
    void malformedFileAndEntityAttackBecomeProblems() {
        TestResults r = JUnitXmlParser.parse(files(
                "TEST-a.xml", "<testsuite><testcase name='t' classname='A'>",
                "TEST-b.xml", """
                        <?xml version="1.0"?>
                        <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
                        <testsuite><testcase name="&e;" classname="B"/></testsuite>
                        """,
                "TEST-c.xml", "<testsuite><testcase name='ok' classname='C'/></testsuite>"));
        assertEquals(Map.of("C#ok", TestOutcome.PASSED), r.outcomes());
        assertEquals(2, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).startsWith("TEST-a.xml: "));
        assertTrue(r.problems().get(1).startsWith("TEST-b.xml: "));
    }

    @Test
    void noFilesIsAProblem() {
        TestResults r = JUnitXmlParser.parse(Map.of());
        assertTrue(r.outcomes().isEmpty());
        assertEquals(1, r.problems().size());
    }
}
