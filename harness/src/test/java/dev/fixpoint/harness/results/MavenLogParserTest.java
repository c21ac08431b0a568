package dev.fixpoint.harness.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.env.ResultFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MavenLogParserTest {

    private final LogParser parser = LogParsers.of(ResultFormat.MAVEN_LOG);

    @Test
    void readsOneTracedMavenRunPerTest() {
        // Real: Maven 3.8.7, Surefire 3.6.1, JUnit 5 in fixpoint/java, set -x and one mvn -Dtest=... per test.
        TestResults r = parser.parse(Logs.read("java/maven-dtest.log"), Set.of());
        assertEquals(Map.of("calc.CalcTest#testAdd", TestOutcome.PASSED, "calc.CalcTest#testSub", TestOutcome.FAILED),
                r.outcomes());
        // A method that does not exist: Maven says BUILD SUCCESS after running nothing; that is no pass.
        assertEquals(List.of("mvn -Dtest=calc.CalcTest#testMissing ran no test"), r.problems());
        assertEquals(TestOutcome.PASSED, r.lookup("calc.CalcTest#testAdd").orElseThrow());
    }

    @Test
    void anUntracedLogHasNoResults() {
        TestResults r = parser.parse(Logs.read("java/maven-dtest.log").replaceAll("(?m)^.*-Dtest=.*\\n", ""), Set.of());
        assertTrue(r.outcomes().isEmpty());
        assertTrue(r.problems().get(0).contains("set -x"), r.problems().toString());
    }
}
